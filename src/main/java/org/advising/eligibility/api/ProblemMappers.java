package org.advising.eligibility.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.RejectedExecutionException;
import org.advising.eligibility.decisions.BusyException;
import org.advising.eligibility.intake.InvalidRequestException;
import org.advising.eligibility.decisions.PayloadTooLargeException;
import org.advising.eligibility.decisions.Problem;
import org.advising.eligibility.decisions.Problems;
import org.advising.eligibility.engine.activate.RulebaseUnavailableException;
import org.advising.eligibility.engine.evaluate.EvaluationTimeoutException;
import org.advising.eligibility.engine.evaluate.RulebaseDefectException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into application/problem+json (the problems of {@link Problems}); nothing reaches a client as a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return problem(Problems.invalid(e));
    }

    @ServerExceptionMapper
    public Response payloadTooLarge(PayloadTooLargeException e) {
        return problem(Problems.tooLarge(e.limitBytes()));
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
        return retryAfter(1, Problem.of("busy", "Service busy", 503, e instanceof BusyException busy ? busy.getMessage()
                : "Every worker is busy and the queue of waiting evaluations is full; retry shortly."));
    }

    @ServerExceptionMapper
    public Response timedOut(EvaluationTimeoutException e) {
        LOG.warn("Evaluation stopped: " + e.getMessage());
        return retryAfter(1, Problems.timeout(e));
    }

    @ServerExceptionMapper
    public Response rulebaseDefect(RulebaseDefectException e) {
        LOG.error(e.getMessage());
        return problem(Problems.defect(e));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        boolean batch = BatchResource.PATH.equals(uri.getRequestUri().getPath());
        String detail = switch (status.getStatusCode()) {
            case 415 -> batch ? "Send the request body as NDJSON, one evaluation request per line, with Content-Type: "
                    + BatchResource.NDJSON + "." : "Send the request body as JSON with Content-Type: application/json.";
            case 406 -> "This endpoint answers only " + (batch ? BatchResource.NDJSON : "JSON")
                    + "; send an Accept header that includes " + (batch ? BatchResource.NDJSON : "application/json") + ", or none.";
            default -> status.getReasonPhrase() + ".";
        };
        return problem(Problem.of(status.getReasonPhrase().toLowerCase().replace(' ', '-'), status.getReasonPhrase(),
                status.getStatusCode(), detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure while answering a request", e);
        return problem(Problems.internalError());
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response retryAfter(int seconds, Problem problem) {
        return Response.fromResponse(problem(problem)).header("Retry-After", Integer.toString(seconds)).build();
    }
}
