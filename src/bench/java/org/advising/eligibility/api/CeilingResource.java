package org.advising.eligibility.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.decisions.EvaluationResponse;
import org.advising.eligibility.decisions.WorkerPool;
import org.advising.eligibility.decisions.DecisionService;
import org.advising.eligibility.decisions.OfferingResult;
import org.advising.eligibility.intake.RequestReader;
import org.advising.eligibility.intake.RequestValidator;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.activate.RulebaseUnavailableException;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;

/**
 * The HTTP benchmark's ceiling: {@code POST /bench/ceiling} takes the same request as
 * {@code POST /api/v1/evaluations} through the same stack (body read by the IO thread, evaluation
 * workers, body limit, JSON reading, validation)
 * and writes the same response JSON, but without running the rules. It answers every request
 * with the answer the rules gave its first one, so the benchmark must send one request only.
 *
 * <p>Compiled only in the benchmark build ({@code ./mvnw verify -Pbench}, source folder
 * {@code src/bench/java}); the service's own build never contains it.
 */
@Path("/bench/ceiling")
public class CeilingResource {

    private final BodySizeLimit bodySizeLimit;
    private final RequestReader reader;
    private final RequestValidator validator;
    private final ActiveRulebase rulebases;
    private final RulebaseRunner runner;
    private final WorkerPool workers;
    private volatile EvaluationResponse firstAnswer;

    public CeilingResource(BodySizeLimit bodySizeLimit, RequestReader reader, RequestValidator validator,
            ActiveRulebase rulebases, RulebaseRunner runner, WorkerPool workers) {
        this.workers = workers;
        this.bodySizeLimit = bodySizeLimit;
        this.reader = reader;
        this.validator = validator;
        this.rulebases = rulebases;
        this.runner = runner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<EvaluationResponse> evaluate(InputStream body) {
        // Run by the evaluation workers, as the service's own endpoint is.
        return workers.run(() -> answer(body));
    }

    private EvaluationResponse answer(InputStream body) {
        Optional<Rulebase> active = rulebases.current();
        EvaluationRequest request = DecisionService.valid(reader, validator, bodySizeLimit.read(body), active);
        EvaluationResponse answer = firstAnswer;
        if (answer == null) {
            LocalDate asOf = DecisionService.asOf(request);
            Rulebase rulebase = active.orElseThrow(RulebaseUnavailableException::new);
            RulebaseAnswer evaluation = runner.evaluate(rulebase, request.learner(), request.offerings(), asOf,
                    DecisionService.institutions(request, rulebase));
            answer = new EvaluationResponse(request.learner().id(), asOf,
                    new EvaluationResponse.RulebaseVersion(rulebase.version(), rulebase.loadedAt()),
                    evaluation.institutions(), null, evaluation.decisions().stream().map(decision -> new OfferingResult(decision, null)).toList());
            firstAnswer = answer;
        }
        return answer;
    }
}
