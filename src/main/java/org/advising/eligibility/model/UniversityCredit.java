package org.advising.eligibility.model;

import java.math.BigDecimal;

/** Credit an offering carries itself (transfersCredit YES under CR-1 or CR-2): its level and hours, either may be unknown. */
public record UniversityCredit(Offering offering, CreditLevel level, BigDecimal semesterHours) {
}
