package org.advising.eligibility.model;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** A route from an offering into a degree: complete it with at least this grade to be admitted. */
public record DegreePathway(
        @Size(max = 128) String degreeId,
        @Size(max = 300) String degreeTitle,
        @NotNull @DecimalMin("0.0") @DecimalMax("4.0") @TwoDecimals Double minimumGpa,
        Boolean requiresBachelorsDegree) {

    /** How reasons name the degree: its title, else its id, since both are optional. */
    public String degreeName() {
        if (degreeTitle != null && !degreeTitle.isBlank()) {
            return degreeTitle;
        }
        return degreeId != null && !degreeId.isBlank() ? "the degree '" + degreeId + "'" : "the degree it leads to";
    }
}
