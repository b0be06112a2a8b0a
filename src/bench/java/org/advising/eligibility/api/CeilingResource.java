package org.advising.eligibility.api;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;
import org.advising.eligibility.decisions.DecisionService;
import org.advising.eligibility.decisions.EvaluationResponse;
import org.advising.eligibility.decisions.OfferingResult;
import org.advising.eligibility.decisions.WorkerPool;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.activate.RulebaseUnavailableException;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.intake.EvaluationRequest;

/**
 * The HTTP benchmark's ceiling: {@code POST /bench/ceiling} takes the same request as
 * {@code POST /api/v1/evaluations} through the same stack (body read by the IO thread, the request's
 * budget, evaluation workers, body limit, the one intake: JSON reading, bounds, validation, credentials)
 * and writes the same response JSON, but without running the rules. It answers every request
 * with the answer the rules gave its first one, so the benchmark must send one request only.
 *
 * <p>Compiled only in the benchmark build ({@code ./mvnw verify -Pbench}, source folder
 * {@code src/bench/java}); the service's own build never contains it.
 */
@Path("/bench/ceiling")
public class CeilingResource {

    private final BodySizeLimit bodySizeLimit;
    private final ActiveRulebase rulebases;
    private final DecisionService decisions;
    private final RulebaseRunner runner;
    private final WorkerPool workers;
    private volatile EvaluationResponse firstAnswer;

    public CeilingResource(BodySizeLimit bodySizeLimit, ActiveRulebase rulebases, DecisionService decisions, RulebaseRunner runner,
            WorkerPool workers) {
        this.bodySizeLimit = bodySizeLimit;
        this.rulebases = rulebases;
        this.decisions = decisions;
        this.runner = runner;
        this.workers = workers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<EvaluationResponse> evaluate(InputStream body, @Context RoutingContext routing) {
        // The same budget and workers as the service's own endpoint (EvaluationResource).
        Deadline budget = decisions.evaluationBudget();
        RequestBudget.whenClientGone(routing, budget::abandon);
        Optional<Rulebase> active = rulebases.current();
        return Uni.createFrom().completionStage(workers.run(budget, () -> answer(bodySizeLimit.read(body), active, budget)));
    }

    private EvaluationResponse answer(byte[] body, Optional<Rulebase> active, Deadline budget) {
        EvaluationRequest request = decisions.admit(body, EvaluationRequest.class, active, budget).request();
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
