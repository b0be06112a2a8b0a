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
import java.util.Optional;
import org.advising.eligibility.intake.RequestIntake;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.decisions.DecisionService;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.decisions.TransferOptionsResponse;
import org.advising.eligibility.decisions.WorkerPool;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** POST /api/v1/transfer-options: where the learner's credit would count most, every institution in effect ranked (TO). */
@Path("/api/v1/transfer-options")
public class TransferOptionsResource {

    private final BodySizeLimit bodySizeLimit;
    private final ActiveRulebase rulebases;
    private final DecisionService decisions;
    private final WorkerPool workers;

    public TransferOptionsResource(BodySizeLimit bodySizeLimit, ActiveRulebase rulebases, DecisionService decisions, WorkerPool workers) {
        this.bodySizeLimit = bodySizeLimit;
        this.rulebases = rulebases;
        this.decisions = decisions;
        this.workers = workers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transferOptions", summary = "Rank every receiving institution by where the credit counts most",
            description = "The evaluation request without receivingInstitutions and nextSteps, plus an optional limit (1-1000, "
                    + "default 20): the offerings answered at every institution in effect on the as-of date, each as a request "
                    + "naming it alone would get them, ranked by accepted hours, expected hours, matches, reviews, then id.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "The best options, ranked, and how many institutions were considered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferOptionsResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid fields, receivingInstitutions or nextSteps given, or a "
            + "limit outside 1-1000; errors names every one")
    @APIResponse(responseCode = "413", description = "Body over 1 MiB")
    @APIResponse(responseCode = "415", description = "Body not sent as application/json")
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet, no worker free within the request's time limit (busy), "
            + "or the request past its time limit (evaluation-timeout); retry after the Retry-After seconds")
    public Uni<TransferOptionsResponse> options(InputStream body, @Context ContainerRequestContext context, @Context RoutingContext routing) {
        String requestId = (String) context.getProperty(RequestIds.PROPERTY);
        Deadline budget = RequestBudget.untilClientGone(routing, decisions.optionsBudget());
        Optional<Rulebase> rulebase = rulebases.current();
        return workers.run(budget, () -> decisions.admit(bodySizeLimit.read(body), RequestIntake.Endpoint.TRANSFER_OPTIONS, rulebase, budget))
                .chain(admitted -> workers.runTransferOptions(budget, () -> decisions.options(admitted, rulebase, requestId, budget)));
    }
}
