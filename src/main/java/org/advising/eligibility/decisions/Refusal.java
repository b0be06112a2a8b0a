package org.advising.eligibility.decisions;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.advising.eligibility.credentials.proof.ProofVerifier;
import org.advising.eligibility.engine.activate.RulebaseUnavailableException;
import org.advising.eligibility.engine.evaluate.EvaluationTimeoutException;
import org.advising.eligibility.engine.evaluate.RulebaseDefectException;
import org.advising.eligibility.intake.FieldError;
import org.advising.eligibility.intake.InvalidRequestException;
import org.jboss.logging.Logger;

/**
 * Why a request was not answered, in the service's own words: a code, a message, and where it
 * applies, the fields at fault (each a location and a message) or the rules' defects. The same
 * whichever way the request came (an endpoint, a batch line, a command); how a client sees it (HTTP
 * status, problem+json) is the outer layers' business.
 */
public record Refusal(Code code, String detail, List<FieldError> errors, List<String> defects) {

    private static final Logger LOG = Logger.getLogger(Refusal.class);

    /** The kinds of refusal, each with the words a problem's type and title use. */
    public enum Code {
        /** The request's fields break the contract; {@code errors} names them. */
        INVALID_REQUEST("invalid-request", "Invalid request"),
        /** The body, or a batch line, is over the size limit. */
        PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large"),
        /** A batch holds more lines than the service reads from one. */
        TOO_MANY_LINES("too-many-lines", "Too many lines"),
        /** No worker can take the request within its budget. */
        BUSY("busy", "Service busy"),
        /** The request's budget ran out, or its client went away. */
        EVALUATION_TIMEOUT("evaluation-timeout", "Evaluation took too long"),
        /** No rulebase is active yet. */
        NO_RULEBASE("no-rulebase", "No rulebase loaded"),
        /** The rules, not the request, are wrong; {@code defects} says where. */
        RULEBASE_DEFECT("rulebase-defect", "Rulebase defect"),
        /** Anything else: the service failed, and logged it. */
        INTERNAL_ERROR("internal-error", "Internal error");

        private final String slug;
        private final String title;

        Code(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        /** The code as a problem's type names it, e.g. {@code invalid-request}. */
        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }
    }

    public Refusal {
        errors = errors == null ? null : List.copyOf(errors);
        defects = defects == null ? null : List.copyOf(defects);
    }

    public static Refusal of(Code code, String detail) {
        return new Refusal(code, detail, null, null);
    }

    /** The refusal a failure of a request's work stands for, logged as the service logs each kind. */
    public static Refusal of(Throwable failure) {
        Throwable e = unwrapped(failure);
        if (e instanceof RefusedException refused) {
            return refused.refusal();
        }
        if (e instanceof InvalidRequestException invalid) {
            return invalid(invalid);
        }
        if (e instanceof EvaluationTimeoutException timeout) {
            LOG.warn("Evaluation stopped: " + timeout.getMessage());
            return of(Code.EVALUATION_TIMEOUT, "For this request " + timeout.getMessage()
                    + ". Retry shortly, or send fewer offerings at a time.");
        }
        if (e instanceof ProofVerifier.Busy) {
            return of(Code.BUSY, e.getMessage());
        }
        if (e instanceof RejectedExecutionException) {
            return of(Code.BUSY, "Every worker is busy and the queue of waiting evaluations is full; retry shortly.");
        }
        if (e instanceof RulebaseUnavailableException) {
            return noRulebase().refusal();
        }
        if (e instanceof RulebaseDefectException defect) {
            LOG.error(defect.getMessage());
            return new Refusal(Code.RULEBASE_DEFECT,
                    "The rules could not decide this request; policy staff must fix the rules named in defects.", null, defect.defects());
        }
        LOG.error("Unexpected failure while answering a request", e);
        return of(Code.INTERNAL_ERROR, "The service failed unexpectedly; the failure is logged.");
    }

    /** The failure itself, out of the {@link CompletionException} a stage of asynchronous work wraps it in. */
    static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure;
    }

    static Refusal invalid(InvalidRequestException e) {
        int count = e.total();
        String listed = count > e.errors().size() ? "; errors lists the first " + e.errors().size() + "." : "; see errors.";
        return new Refusal(Code.INVALID_REQUEST, count + (count == 1 ? " field is" : " fields are") + " invalid" + listed,
                e.errors(), null);
    }

    /** A body, or a batch line, over {@code limitBytes}. */
    public static Refusal tooLarge(long limitBytes) {
        return of(Code.PAYLOAD_TOO_LARGE, "The request body is over the limit of " + limitBytes + " bytes.");
    }

    /** A request that came while no rulebase is active. */
    public static RefusedException noRulebase() {
        return of(Code.NO_RULEBASE, "The service has no rulebase loaded yet; retry shortly.").exception();
    }

    /** A request no worker can take within its budget; {@code detail} says why and when to retry. */
    public static RefusedException busy(String detail) {
        return of(Code.BUSY, detail).exception();
    }

    /** This refusal as the exception a request's work ends with. */
    public RefusedException exception() {
        return new RefusedException(this);
    }
}
