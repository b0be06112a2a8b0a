package org.advising.eligibility.model;

import java.math.BigDecimal;

/** Credit an offering brings through a recommendation (transfersCredit CONDITIONAL under CR-3 or CR-4). */
public record RecommendedCredit(Offering offering, String source, CreditLevel level, BigDecimal semesterHours) {
}
