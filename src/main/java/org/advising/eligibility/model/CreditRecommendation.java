package org.advising.eligibility.model;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A third party's recommendation that an offering is worth credit, e.g. ACE, 12 semester hours at
 * lower-division level, for completions from {@code validFrom} to {@code validUntil} (inclusive;
 * either may be absent). Hours are a decimal so that 1.5 stays 1.5.
 */
public record CreditRecommendation(
        @NotBlank @Size(max = 64) String source,
        @PositiveOrZero @DecimalMax(value = "1000", message = "must be at most {value} semester hours")
        @TwoDecimals BigDecimal semesterHours,
        CreditLevel level,
        @PlausibleDate LocalDate validFrom,
        @PlausibleDate LocalDate validUntil) {

    /** A recommendation with no level and no validity window. */
    public CreditRecommendation(String source, BigDecimal semesterHours) {
        this(source, semesterHours, null, null, null);
    }
}
