package org.advising.eligibility.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The learner an advisor is asking about. {@code holdsBachelorsDegree} null means unknown;
 * {@code records} null means the learner has no record in any offering of the request.
 */
public record Learner(
        @NotBlank @Size(max = 128) String id,
        Boolean holdsBachelorsDegree,
        List<@Valid @NotNull LearnerRecord> records) {
}
