package org.advising.eligibility.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.advising.eligibility.decisions.BatchEvaluations;
import org.advising.eligibility.decisions.EvaluationResponse;
import org.advising.eligibility.decisions.Refusal;

/**
 * How a client sees a {@link Refusal}: as an RFC 9457 problem with its HTTP status, the same from
 * an endpoint, a batch line or a command; and how long to wait before retrying one.
 */
public final class Problems {

    private Problems() {
    }

    /** The problem+json of a refusal. */
    public static Problem of(Refusal refusal) {
        Problem problem = Problem.of(refusal.code().slug(), refusal.code().title(), status(refusal.code()), refusal.detail());
        if (refusal.errors() != null) {
            problem = problem.withErrors(refusal.errors());
        }
        return refusal.defects() == null ? problem : problem.withDefects(refusal.defects());
    }

    /** The HTTP status of each kind of refusal. */
    public static int status(Refusal.Code code) {
        return switch (code) {
            case INVALID_REQUEST -> 400;
            case PAYLOAD_TOO_LARGE, TOO_MANY_LINES -> 413;
            case BUSY, EVALUATION_TIMEOUT, NO_RULEBASE -> 503;
            case RULEBASE_DEFECT, INTERNAL_ERROR -> 500;
        };
    }

    /** Seconds a client should wait before sending the refused request again (Retry-After), or 0 when waiting will not help. */
    public static int retryAfterSeconds(Refusal.Code code) {
        return switch (code) {
            case BUSY, EVALUATION_TIMEOUT -> 1;
            case NO_RULEBASE -> 5;
            default -> 0;
        };
    }

    /** One line of a batch's answer (NDJSON); exactly one of result and problem is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchLine(long line, String rulebase, int status, EvaluationResponse result, Problem problem) {

        public static BatchLine of(BatchEvaluations.Line answered) {
            return answered.refusal() == null ? new BatchLine(answered.line(), answered.rulebase(), 200, answered.result(), null)
                    : new BatchLine(answered.line(), answered.rulebase(), Problems.status(answered.refusal().code()), null,
                            Problems.of(answered.refusal()));
        }
    }
}
