package org.advising.eligibility.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.advising.eligibility.decisions.Refusal;
import org.advising.eligibility.problems.Problem;
import org.advising.eligibility.problems.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into application/problem+json (a {@link Refusal} as {@link Problems} shows it); nothing reaches a client as a stack trace. */
public class ProblemMappers {

    /** A refused request, and any failure of the service's own layers: each as its {@link Refusal} (logged as it says). */
    @ServerExceptionMapper
    public Response refused(RuntimeException e) {
        return problem(Refusal.of(e));
    }

    @ServerExceptionMapper
    public Response admin(AdminException e) {
        Response response = problem(Problem.of(e.status() == 401 ? "unauthorized" : "admin-closed",
                e.status() == 401 ? "Unauthorized" : "Admin endpoint closed", e.status(), e.getMessage()));
        return e.status() == 401 ? Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build() : response;
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
        return problem(Refusal.of(e));
    }

    /** The problem+json of a refusal, with Retry-After when waiting will help. */
    static Response problem(Refusal refusal) {
        int seconds = Problems.retryAfterSeconds(refusal.code());
        Response response = problem(Problems.of(refusal));
        return seconds == 0 ? response : Response.fromResponse(response).header("Retry-After", Integer.toString(seconds)).build();
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
