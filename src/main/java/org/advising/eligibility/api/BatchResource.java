package org.advising.eligibility.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.advising.eligibility.engine.ActiveRulebase;
import org.advising.eligibility.engine.Rulebase;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * POST /api/v1/evaluations/batch: many evaluation requests, one per line (NDJSON), answered as
 * NDJSON in input order while the body still streams in, all by the rulebase active when the batch
 * started (named in the X-Rulebase-Version header and on every line).
 */
@Path(BatchResource.PATH)
public class BatchResource {

    public static final String PATH = "/api/v1/evaluations/batch";
    public static final String NDJSON = "application/x-ndjson";

    private final ActiveRulebase rulebases;
    private final BatchEvaluations batches;

    public BatchResource(ActiveRulebase rulebases, BatchEvaluations batches) {
        this.rulebases = rulebases;
        this.batches = batches;
    }

    @POST
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(summary = "Evaluate many requests, one per line",
            description = "Each line of the body is one evaluation request, as POST /api/v1/evaluations takes it. Each line of the "
                    + "answer is {\"line\": n, \"rulebase\": version, \"status\": 200, \"result\": {...}} or {\"line\": n, "
                    + "\"rulebase\": version, \"status\": 400, \"problem\": {...}}, in input order; a bad line never stops the batch.")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "One line per request, in input order",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BatchEvaluations.Line.class)))
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response batch(InputStream body, @Context ContainerRequestContext context) {
        Rulebase rulebase = rulebases.require();
        String requestId = (String) context.getProperty(RequestIds.PROPERTY);
        StreamingOutput answers = out -> batches.run(body, out, rulebase, requestId);
        return Response.ok(answers, NDJSON).header("X-Rulebase-Version", rulebase.version()).build();
    }
}
