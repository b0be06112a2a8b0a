package org.advising.eligibility.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.io.InputStream;
import org.advising.eligibility.decisions.Requests;
import org.advising.eligibility.intake.TransferOptionsRequest;
import org.advising.eligibility.decisions.TransferOptionsResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** POST /api/v1/transfer-options: where the learner's credit would count most, every institution in effect ranked (TO). */
@Path("/api/v1/transfer-options")
public class TransferOptionsResource {

    private final BodySizeLimit bodySizeLimit;
    private final Requests requests;

    public TransferOptionsResource(BodySizeLimit bodySizeLimit, Requests requests) {
        this.bodySizeLimit = bodySizeLimit;
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transferOptions", summary = "Rank every receiving institution by where the credit counts most",
            description = "The learner and offerings, as an evaluation request gives them, plus an optional limit (1-1000, "
                    + "default 20): the offerings answered at every institution in effect on the as-of date, each as a request "
                    + "naming it alone would get them, ranked by accepted hours, expected hours, matches, reviews, then id.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TransferOptionsRequest.class)))
    @APIResponse(responseCode = "200", description = "The best options, ranked, and how many institutions were considered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferOptionsResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid fields, a field of evaluation requests only "
            + "(receivingInstitutions, nextSteps), or a limit outside 1-1000; errors names every one")
    @APIResponse(responseCode = "413", description = "Body over 1 MiB")
    @APIResponse(responseCode = "415", description = "Body not sent as application/json")
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet, no worker free within the request's time limit (busy), "
            + "or the request past its time limit (evaluation-timeout); retry after the Retry-After seconds")
    public Uni<TransferOptionsResponse> options(InputStream body, @Context ContainerRequestContext context, @Context RoutingContext routing) {
        String requestId = (String) context.getProperty(RequestIds.PROPERTY);
        return Uni.createFrom().completionStage(requests.transferOptionsRequest(() -> bodySizeLimit.read(body), requestId,
                stop -> RequestBudget.whenClientGone(routing, stop)));
    }
}
