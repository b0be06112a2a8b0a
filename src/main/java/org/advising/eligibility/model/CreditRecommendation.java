package org.advising.eligibility.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/** A third party's recommendation that an offering is worth credit, e.g. ACE, 12 semester hours. */
public record CreditRecommendation(
        @NotBlank String source,
        @PositiveOrZero Integer semesterHours) {
}
