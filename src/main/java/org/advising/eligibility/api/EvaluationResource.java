package org.advising.eligibility.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.decisions.EvaluationResponse;
import org.advising.eligibility.decisions.Requests;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** POST /api/v1/evaluations: the learner's and offerings' facts in, every answer with its reasons out. */
@Path("/api/v1/evaluations")
public class EvaluationResource {

    private final BodySizeLimit bodySizeLimit;
    private final Requests requests;

    public EvaluationResource(BodySizeLimit bodySizeLimit, Requests requests) {
        this.bodySizeLimit = bodySizeLimit;
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluate", summary = "Evaluate offerings for a learner",
            description = "Answers, per offering and in request order: is it accredited, what credential it gives, whether it "
                    + "transfers credit, whether it leads to degree admission, and whether it confers an industry certification; "
                    + "with every conclusion, its policy statement, rule, file and a reason an advisor can read aloud.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "One result per offering, in request order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields; errors names every one")
    @APIResponse(responseCode = "413", description = "Body over 1 MiB")
    @APIResponse(responseCode = "415", description = "Body not sent as application/json")
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet, no worker free within the request's time limit (busy), "
            + "or the request past its time limit (evaluation-timeout); retry after the Retry-After seconds")
    public Uni<EvaluationResponse> evaluate(InputStream body, @Context ContainerRequestContext context, @Context RoutingContext routing) {
        // Up to quarkus.rest.input-buffer-size the body has already arrived, read by the IO thread: a slow client holds
        // no worker. The rest of it is read by the worker that takes the request, within the request's budget.
        String requestId = (String) context.getProperty(RequestIds.PROPERTY);
        return Uni.createFrom().completionStage(requests.evaluationRequest(() -> bodySizeLimit.read(body), requestId,
                stop -> RequestBudget.whenClientGone(routing, stop)));
    }
}
