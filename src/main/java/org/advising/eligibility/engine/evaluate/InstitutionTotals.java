package org.advising.eligibility.engine.evaluate;

import java.math.BigDecimal;

/** One receiving institution's totals over the offerings of an evaluation, after its caps. */
public record InstitutionTotals(String id, String name, BigDecimal acceptedSemesterHours, BigDecimal expectedSemesterHours) {
}
