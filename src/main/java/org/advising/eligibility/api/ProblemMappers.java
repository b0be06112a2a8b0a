package org.advising.eligibility.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.RejectedExecutionException;
import org.advising.eligibility.engine.EvaluationTimeoutException;
import org.advising.eligibility.engine.RulebaseDefectException;
import org.advising.eligibility.engine.RulebaseUnavailableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into application/problem+json; nothing reaches a client as a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return problem(invalid(e));
    }

    static Problem invalid(InvalidRequestException e) {
        int count = e.errors().size();
        return Problem.of("invalid-request", "Invalid request", 400,
                count + (count == 1 ? " field is" : " fields are") + " invalid; see errors.").withErrors(e.errors());
    }

    /** The problem one refused evaluation of a batch gets on its line, as the single endpoint would answer it. */
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
        if (e instanceof RulebaseDefectException defect) {
            LOG.error(defect.getMessage());
            return defect(defect);
        }
        LOG.error("Unexpected failure while answering a request", e);
        return internalError();
    }

    @ServerExceptionMapper
    public Response payloadTooLarge(PayloadTooLargeException e) {
        return problem(tooLarge(e.limitBytes()));
    }

    static Problem tooLarge(long limitBytes) {
        return Problem.of("payload-too-large", "Payload too large", 413,
                "The request body is over the limit of " + limitBytes + " bytes.");
    }

    @ServerExceptionMapper
    public Response admin(AdminException e) {
        Response response = problem(Problem.of(e.status() == 401 ? "unauthorized" : "admin-closed",
                e.status() == 401 ? "Unauthorized" : "Admin endpoint closed", e.status(), e.getMessage()));
        return e.status() == 401 ? Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build() : response;
    }

    @ServerExceptionMapper
    public Response noRulebase(RulebaseUnavailableException e) {
        return retryAfter(5, Problem.of("no-rulebase", "No rulebase loaded", 503,
                "The service has no rulebase loaded yet; retry shortly."));
    }

    @ServerExceptionMapper
    public Response busy(RejectedExecutionException e) {
        return retryAfter(1, Problem.of("busy", "Service busy", 503,
                "Every worker is busy and the queue of waiting evaluations is full; retry shortly."));
    }

    @ServerExceptionMapper
    public Response timedOut(EvaluationTimeoutException e) {
        LOG.warn("Evaluation stopped: " + e.getMessage());
        return retryAfter(1, timeout(e));
    }

    private static Problem timeout(EvaluationTimeoutException e) {
        return Problem.of("evaluation-timeout", "Evaluation took too long", 503,
                "For this request " + e.getMessage() + ". Retry shortly, or send fewer offerings at a time.");
    }

    @ServerExceptionMapper
    public Response rulebaseDefect(RulebaseDefectException e) {
        LOG.error(e.getMessage());
        return problem(defect(e));
    }

    private static Problem defect(RulebaseDefectException e) {
        return Problem.of("rulebase-defect", "Rulebase defect", 500,
                "The rules could not decide this request; policy staff must fix the rules named in defects.").withDefects(e.defects());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 415 -> "Send the request body as JSON with Content-Type: application/json.";
            default -> status.getReasonPhrase() + ".";
        };
        return problem(Problem.of(status.getReasonPhrase().toLowerCase().replace(' ', '-'), status.getReasonPhrase(),
                status.getStatusCode(), detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure while answering a request", e);
        return problem(internalError());
    }

    private static Problem internalError() {
        return Problem.of("internal-error", "Internal error", 500, "The service failed unexpectedly; the failure is logged.");
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response retryAfter(int seconds, Problem problem) {
        return Response.fromResponse(problem(problem)).header("Retry-After", Integer.toString(seconds)).build();
    }
}
