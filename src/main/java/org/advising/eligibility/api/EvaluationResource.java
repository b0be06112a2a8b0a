package org.advising.eligibility.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.advising.eligibility.engine.ActiveRulebase;
import org.advising.eligibility.engine.Evaluator;
import org.advising.eligibility.engine.Evaluation;
import org.advising.eligibility.engine.EvaluationTimeoutException;
import org.advising.eligibility.engine.Rulebase;
import org.advising.eligibility.engine.RulebaseDefectException;
import org.advising.eligibility.engine.RulebaseUnavailableException;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.ops.DecisionAudit;
import org.advising.eligibility.ops.EvaluationMetrics;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** POST /api/v1/evaluations: the learner's and offerings' facts in, every answer with its reasons out. */
@Path("/api/v1/evaluations")
public class EvaluationResource {

    private final BodySizeLimit bodySizeLimit;
    private final RequestReader reader;
    private final RequestValidator validator;
    private final ActiveRulebase rulebases;
    private final Evaluator evaluator;
    private final EvaluationMetrics metrics;
    private final DecisionAudit audit;
    private final EvaluationWorkers workers;

    public EvaluationResource(BodySizeLimit bodySizeLimit, RequestReader reader, RequestValidator validator,
            ActiveRulebase rulebases, Evaluator evaluator, EvaluationMetrics metrics, DecisionAudit audit,
            EvaluationWorkers workers) {
        this.workers = workers;
        this.metrics = metrics;
        this.audit = audit;
        this.bodySizeLimit = bodySizeLimit;
        this.reader = reader;
        this.validator = validator;
        this.rulebases = rulebases;
        this.evaluator = evaluator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate offerings for a learner",
            description = "Answers, per offering and in request order: is it accredited, what credential it gives, whether it "
                    + "transfers credit, whether it leads to degree admission, and whether it confers an industry certification; "
                    + "with every conclusion, its policy statement, rule, file and a reason an advisor can read aloud.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "One result per offering, in request order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields; errors names every one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 1 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Body not sent as application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet, every worker busy, or the evaluation past its time "
            + "limit; retry after the Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EvaluationResponse> evaluate(InputStream body, @Context ContainerRequestContext context) {
        // Up to quarkus.rest.input-buffer-size the body has already arrived, read by the IO thread: a slow client holds
        // no worker. Reading it, and the evaluation, happen on the evaluation workers; when they and their queue are
        // full the request is refused (503) at once instead of waiting.
        String requestId = (String) context.getProperty(RequestIds.PROPERTY);
        return workers.run(() -> evaluate(body, requestId));
    }

    private EvaluationResponse evaluate(InputStream body, String requestId) {
        // One rulebase for the whole request: the institutions it validates are those it evaluates with, even across a reload.
        Optional<Rulebase> active = rulebases.current();
        EvaluationRequest request = valid(reader, validator, bodySizeLimit.read(body), active);
        LocalDate asOf = asOf(request);
        Rulebase rulebase = active.orElseThrow(RulebaseUnavailableException::new);
        long started = System.nanoTime();
        Evaluation evaluation;
        try {
            evaluation = evaluator.evaluate(rulebase, request.learner(), request.offerings(), asOf, institutions(request, rulebase));
        } catch (RulebaseDefectException e) {
            metrics.failed(System.nanoTime() - started);
            throw e;
        } catch (EvaluationTimeoutException e) {
            metrics.timedOut(System.nanoTime() - started);
            throw e;
        }
        long nanos = System.nanoTime() - started;
        metrics.evaluated(evaluation, nanos);
        audit.record(requestId, rulebase.version(), asOf, request.learner().id(), evaluation, nanos);
        return new EvaluationResponse(request.learner().id(), asOf,
                new EvaluationResponse.RulebaseVersion(rulebase.version(), rulebase.loadedAt()), evaluation.institutions(),
                evaluation.decisions());
    }

    static LocalDate asOf(EvaluationRequest request) {
        return request.asOf() == null ? LocalDate.now(ZoneOffset.UTC) : request.asOf();
    }

    /** The receiving institutions the request names, in its order, as in effect on its as-of date (validated before). */
    static List<ReceivingInstitution> institutions(EvaluationRequest request, Rulebase rulebase) {
        if (request.receivingInstitutions() == null) {
            return List.of();
        }
        Map<String, ReceivingInstitution> inEffect = rulebase.institutions().inEffectOn(asOf(request));
        return request.receivingInstitutions().stream().map(inEffect::get).toList();
    }

    /** The request, or {@link InvalidRequestException} naming every invalid field. */
    static EvaluationRequest valid(RequestReader reader, RequestValidator validator, byte[] body, Optional<Rulebase> rulebase) {
        RequestReader.Result read = reader.read(body);
        List<FieldError> errors = new ArrayList<>(read.errors());
        if (read.request() != null) {
            // A value the reader already rejected was read as null: do not report it twice.
            Set<String> rejected = read.errors().stream().map(FieldError::field).collect(Collectors.toSet());
            LocalDate asOf = asOf(read.request());
            validator.validate(read.request(), asOf, rulebase.map(active -> active.institutions().inEffectOn(asOf)).orElse(null))
                    .stream().filter(error -> !rejected.contains(error.field())).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            errors.sort(FieldPaths.ORDER);
            throw new InvalidRequestException(errors);
        }
        return read.request();
    }
}
