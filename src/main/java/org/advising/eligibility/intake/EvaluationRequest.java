package org.advising.eligibility.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.PlausibleDate;

/**
 * The body of POST /api/v1/evaluations: one learner and the offerings to evaluate for them,
 * optionally the date to evaluate as of (default today, UTC) and the receiving institutions to
 * answer for (ids of institutions.yaml), and whether each result should carry its next steps
 * (NS; at most {@link org.advising.eligibility.nextsteps.NextStepsFinder#MAX_OFFERINGS} offerings then).
 * POST /api/v1/transfer-options reads the same body without receivingInstitutions and nextSteps,
 * with how many options to list ({@code limit}, TO-3), which evaluations refuse.
 */
public record EvaluationRequest(
        @PlausibleDate LocalDate asOf,
        @NotNull @Valid Learner learner,
        @NotNull @Size(min = 1, max = MAX_OFFERINGS, message = "must hold between {min} and {max} offerings")
        List<@NotNull @Valid Offering> offerings,
        @Size(min = 1, max = MAX_INSTITUTIONS, message = "must hold between {min} and {max} institution ids")
        List<@NotBlank @Size(max = 128) String> receivingInstitutions,
        Boolean nextSteps,
        @Min(value = 1, message = "must be from 1 to 1000") @Max(value = 1000, message = "must be from 1 to 1000") Integer limit) {

    /** The most offerings a request may hold. */
    public static final int MAX_OFFERINGS = 500;
    /** The most receiving institutions a request may name. */
    public static final int MAX_INSTITUTIONS = 10;

    /** How many options POST /api/v1/transfer-options lists when the request does not say (TO-3). */
    public static final int DEFAULT_LIMIT = 20;

    /** The date the request is answered as of: its own, else today (UTC). */
    public LocalDate asOfOrToday() {
        return asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
    }

    /** Whether each result should carry its next steps. */
    public boolean wantsNextSteps() {
        return Boolean.TRUE.equals(nextSteps);
    }
}
