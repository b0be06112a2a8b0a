package org.advising.eligibility.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What one learner did in one offering. {@code certificatePurchased} false means auditing;
 * absent means the learner pays, as the contract's default says.
 */
public record LearnerRecord(
        @NotBlank @Size(max = 128) String offeringId,
        @NotNull RecordStatus status,
        Boolean certificatePurchased,
        @DecimalMin("0.0") @DecimalMax("4.0") @TwoDecimals Double gpa,
        @PlausibleDate LocalDate completedOn) {
}
