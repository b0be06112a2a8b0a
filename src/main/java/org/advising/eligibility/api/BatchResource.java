package org.advising.eligibility.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.decisions.BatchEvaluations;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.problems.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * POST /api/v1/evaluations/batch: many evaluation requests, one per line (NDJSON), answered as
 * NDJSON in input order while the body still streams in, all by the rulebase active when the batch
 * started (named in the X-Rulebase-Version header and on every line).
 */
@Path(BatchResource.PATH)
public class BatchResource {

    public static final String PATH = "/api/v1/evaluations/batch";
    public static final String NDJSON = "application/x-ndjson";

    private static final Logger LOG = Logger.getLogger(BatchResource.class);

    private final BatchEvaluations batches;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Duration lineTimeLimit;

    public BatchResource(BatchEvaluations batches, ObjectMapper json, Vertx vertx, EligibilityConfig config) {
        this.batches = batches;
        this.json = json;
        this.vertx = vertx;
        this.lineTimeLimit = config.batch().lineTimeLimit();
    }

    @POST
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(operationId = "evaluateBatch", summary = "Evaluate many requests, one per line",
            description = "Each line of the body is one evaluation request, as POST /api/v1/evaluations takes it. Each line of the "
                    + "answer is {\"line\": n, \"rulebase\": version, \"status\": 200, \"result\": {...}} or {\"line\": n, "
                    + "\"rulebase\": version, \"status\": 400, \"problem\": {...}}, in input order; a bad line never stops the batch.")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "One line per request, in input order",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = Problems.BatchLine.class)))
    @APIResponse(responseCode = "415", description = "Body not sent as application/x-ndjson")
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet, or as many batches or request bodies in progress "
            + "as the service allows; retry after the Retry-After seconds")
    public Response batch(InputStream body, @Context ContainerRequestContext context, @Context HttpServerRequest request) {
        BatchEvaluations.Batch batch = batches.start();
        String requestId = (String) context.getProperty(RequestIds.PROPERTY);
        StreamingOutput answers = out -> {
            LineDeadline lines = new LineDeadline(body, lineTimeLimit);
            // A client that keeps the batch waiting too long for a line loses its connection: the batch's
            // thread, its place among the batches and what it holds come back.
            long watch = vertx.setPeriodic(Math.max(50, Math.min(1000, lineTimeLimit.toMillis() / 4)), tick -> {
                if (lines.overdue()) {
                    LOG.infof("Batch %s: no line arrived within %d ms; its connection is closed", requestId, lineTimeLimit.toMillis());
                    request.connection().close();
                }
            });
            try {
                batch.run(lines, requestId, line -> {
                    out.write(json.writeValueAsBytes(Problems.BatchLine.of(line)));
                    out.write('\n');
                });
                out.flush();
            } catch (UncheckedIOException | IOException e) {
                // The client went away or was cut off: nobody is left to answer.
                LOG.debugf("Batch %s ended early: %s", requestId, e.getMessage());
            } finally {
                vertx.cancelTimer(watch);
            }
        };
        return Response.ok(answers, NDJSON).header("X-Rulebase-Version", batch.version()).build();
    }
}
