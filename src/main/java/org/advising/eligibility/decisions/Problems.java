package org.advising.eligibility.decisions;

import org.advising.eligibility.intake.InvalidRequestException;

import org.advising.eligibility.engine.evaluate.EvaluationTimeoutException;
import org.advising.eligibility.engine.evaluate.RulebaseDefectException;
import org.jboss.logging.Logger;

/**
 * The problem (RFC 9457) each refusal of a request is answered with, the same whether the single
 * endpoint answers it, a batch line, or a command without a server.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    private Problems() {
    }

    /** The problem of a refused evaluation, as the single endpoint would answer it (logged as the endpoint logs it). */
    public static Problem of(RuntimeException e) {
        if (e instanceof InvalidRequestException invalid) {
            return invalid(invalid);
        }
        if (e instanceof PayloadTooLargeException tooLarge) {
            return tooLarge(tooLarge.limitBytes());
        }
        if (e instanceof EvaluationTimeoutException timeout) {
            LOG.warn("Evaluation stopped: " + timeout.getMessage());
            return timeout(timeout);
        }
        if (e instanceof BusyException busy) {
            return Problem.of("busy", "Service busy", 503, busy.getMessage());
        }
        if (e instanceof RulebaseDefectException defect) {
            LOG.error(defect.getMessage());
            return defect(defect);
        }
        LOG.error("Unexpected failure while answering a request", e);
        return internalError();
    }

    public static Problem invalid(InvalidRequestException e) {
        int count = e.total();
        String listed = count > e.errors().size() ? "; errors lists the first " + e.errors().size() + "." : "; see errors.";
        return Problem.of("invalid-request", "Invalid request", 400,
                count + (count == 1 ? " field is" : " fields are") + " invalid" + listed).withErrors(e.errors());
    }

    public static Problem tooLarge(long limitBytes) {
        return Problem.of("payload-too-large", "Payload too large", 413,
                "The request body is over the limit of " + limitBytes + " bytes.");
    }

    public static Problem timeout(EvaluationTimeoutException e) {
        return Problem.of("evaluation-timeout", "Evaluation took too long", 503,
                "For this request " + e.getMessage() + ". Retry shortly, or send fewer offerings at a time.");
    }

    public static Problem defect(RulebaseDefectException e) {
        return Problem.of("rulebase-defect", "Rulebase defect", 500,
                "The rules could not decide this request; policy staff must fix the rules named in defects.").withDefects(e.defects());
    }

    public static Problem internalError() {
        return Problem.of("internal-error", "Internal error", 500, "The service failed unexpectedly; the failure is logged.");
    }
}
