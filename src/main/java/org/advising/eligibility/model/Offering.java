package org.advising.eligibility.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Something a learner can enrol in, with the facts its description states.
 * {@code creditEligible} is null when the description does not say whether it counts toward a degree;
 * {@code semesterHours} and {@code creditLevel} describe the academic credit it carries, when it does.
 */
public record Offering(
        @NotBlank @Size(max = 128) String id,
        @Size(max = 300) String title,
        @NotNull OfferingType type,
        @NotNull @Valid Provider provider,
        Boolean creditEligible,
        Boolean hasCapstone,
        @Valid CreditRecommendation creditRecommendation,
        @Valid DegreePathway degreePathway,
        @Size(max = 300) String alignedCertification,
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 semester hours")
        @DecimalMax(value = "200", message = "must be at most {value} semester hours")
        @TwoDecimals BigDecimal semesterHours,
        CreditLevel creditLevel,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 2048) String achievementId) {

    /** An offering no credential names (LC-1). */
    public Offering(String id, String title, OfferingType type, Provider provider, Boolean creditEligible, Boolean hasCapstone,
            CreditRecommendation creditRecommendation, DegreePathway degreePathway, String alignedCertification, BigDecimal semesterHours,
            CreditLevel creditLevel) {
        this(id, title, type, provider, creditEligible, hasCapstone, creditRecommendation, degreePathway, alignedCertification,
                semesterHours, creditLevel, null);
    }

    /**
     * The rules join conclusions to offerings by equality, so the engine hashes offerings all the
     * time; the id alone is a valid hash (equal offerings have equal ids) and far cheaper than
     * hashing every field. Equality stays the record's own.
     */
    @Override
    public int hashCode() {
        return id == null ? 0 : id.hashCode();
    }
}
