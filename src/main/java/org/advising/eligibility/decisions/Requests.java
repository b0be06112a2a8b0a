package org.advising.eligibility.decisions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.engine.evaluate.EvaluationTimeoutException;
import org.advising.eligibility.intake.TransferOptionsRequest;

/**
 * Each kind of request from its body to its answer, inside its one budget: which workers read it,
 * which answer it, and the one rulebase that decides all of it (the institutions it is validated
 * against are those it is evaluated with, even across a reload). A request ends with its answer or
 * with a {@link RefusedException}.
 */
@ApplicationScoped
public class Requests {

    private final ActiveRulebase rulebases;
    private final DecisionService decisions;
    private final WorkerPool workers;

    public Requests(ActiveRulebase rulebases, DecisionService decisions, WorkerPool workers) {
        this.rulebases = rulebases;
        this.decisions = decisions;
        this.workers = workers;
    }

    /**
     * An evaluation request. Its budget starts now and covers its wait for a worker, its reading and
     * every evaluation; {@code body} is read by the evaluation worker that takes it, which also answers
     * it, unless it asks for next steps: those are found on a next-steps worker once it has been read
     * (and refused at once, as busy, when none can take it). {@code whenClientGone} is handed what
     * stops the request's work once nobody waits for its answer.
     */
    public CompletableFuture<EvaluationResponse> evaluationRequest(Supplier<byte[]> body, String requestId, Consumer<Runnable> whenClientGone) {
        Deadline budget = decisions.evaluationBudget();
        whenClientGone.accept(budget::abandon);
        Optional<Rulebase> rulebase = rulebases.current();
        return refused(budget, workers.run(budget, () -> decisions.readAndAnswer(body.get(), rulebase, requestId, budget,
                        read -> {
                            workers.checkNextStepsRoom(read, budget);
                            decisions.checkProofRoom(read, rulebase);
                        }))
                .thenCompose(read -> read.answer() != null ? CompletableFuture.completedFuture(read.answer())
                        : workers.runNextSteps(budget, () -> decisions.answer(read.admitted(), rulebase, requestId, budget))));
    }

    /**
     * A transfer-options request: read by an evaluation worker, ranked by a transfer-options worker,
     * within its own time limit (it ranks every institution).
     */
    public CompletableFuture<TransferOptionsResponse> transferOptionsRequest(Supplier<byte[]> body, String requestId,
            Consumer<Runnable> whenClientGone) {
        Deadline budget = decisions.optionsBudget();
        whenClientGone.accept(budget::abandon);
        Optional<Rulebase> rulebase = rulebases.current();
        return refused(budget, workers.run(budget, () -> decisions.admit(body.get(), TransferOptionsRequest.class, rulebase, budget))
                .thenCompose(admitted -> workers.runTransferOptions(budget, () -> decisions.options(admitted, rulebase, requestId, budget))));
    }

    /**
     * The answer, or its failure as the request's refusal. A request stopped or refused because its
     * client had gone is refused without a word in the log (nobody reads its answer); any other
     * failure is logged as its kind is, client or not.
     */
    private static <T> CompletableFuture<T> refused(Deadline budget, CompletableFuture<T> answer) {
        return answer.handle((result, failure) -> {
            if (failure == null) {
                return result;
            }
            Throwable cause = Refusal.unwrapped(failure);
            boolean stoppedForNobody = budget.abandoned() && (cause instanceof EvaluationTimeoutException || cause instanceof RefusedException);
            throw (stoppedForNobody ? Refusal.of(Refusal.Code.EVALUATION_TIMEOUT, "The client went away; its request was stopped.")
                    : Refusal.of(cause)).exception();
        });
    }
}
