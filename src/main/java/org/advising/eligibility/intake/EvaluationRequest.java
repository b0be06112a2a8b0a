package org.advising.eligibility.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.PlausibleDate;

/**
 * A request for evaluations: one learner and the offerings to evaluate for them, optionally the
 * date to evaluate as of (default today, UTC) and the receiving institutions to answer for (ids of
 * institutions.yaml), and whether each result should carry its next steps (NS; at most
 * {@link org.advising.eligibility.nextsteps.NextStepsFinder#MAX_OFFERINGS} offerings then).
 */
public record EvaluationRequest(
        @PlausibleDate LocalDate asOf,
        @NotNull @Valid Learner learner,
        @NotNull @Size(min = 1, max = MAX_OFFERINGS, message = "must hold between {min} and {max} offerings")
        List<@NotNull @Valid Offering> offerings,
        @Size(min = 1, max = MAX_INSTITUTIONS, message = "must hold between {min} and {max} institution ids")
        List<@NotBlank @Size(max = 128) String> receivingInstitutions,
        Boolean nextSteps) implements Request {

    /** The most receiving institutions a request may name. */
    public static final int MAX_INSTITUTIONS = 10;

    /** The fields of the other kind of request, each with why this kind refuses it. */
    static final Map<String, String> OTHER_FIELDS = Map.of("limit",
            "is a field of transfer-options requests only; an evaluation answers every offering");

    /** Whether each result should carry its next steps. */
    public boolean wantsNextSteps() {
        return Boolean.TRUE.equals(nextSteps);
    }

    @Override
    public EvaluationRequest with(Learner learner, List<Offering> offerings) {
        return new EvaluationRequest(asOf, learner, offerings, receivingInstitutions, nextSteps);
    }
}
