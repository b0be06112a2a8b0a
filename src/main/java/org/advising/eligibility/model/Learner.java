package org.advising.eligibility.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The learner an advisor is asking about. {@code holdsBachelorsDegree} null means unknown;
 * {@code records} null means the learner has no record in any offering of the request.
 * {@code credentials} are the learner's credentials as issued (Open Badges 3.0, CLR 2.0), read into
 * records and recommendations before the rules run; the learner the rules see has none.
 */
public record Learner(
        @NotBlank @Size(max = 128) String id,
        Boolean holdsBachelorsDegree,
        @Size(max = MAX_RECORDS, message = "must hold at most {max} records") List<@Valid @NotNull LearnerRecord> records,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = MAX_CREDENTIALS, message = "must hold at most {max} credentials") List<JsonNode> credentials) {

    /** The most records a learner may send: one per offering of the request at most. */
    public static final int MAX_RECORDS = 500;

    /** The most credentials a learner may send, those inside CLRs counted (LC). */
    public static final int MAX_CREDENTIALS = 100;

    /** A learner without credentials: what the rules see. */
    public Learner(String id, Boolean holdsBachelorsDegree, List<LearnerRecord> records) {
        this(id, holdsBachelorsDegree, records, null);
    }
}
