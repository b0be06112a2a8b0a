package org.advising.eligibility.decisions;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.nextsteps.NextStepsFinder;

/**
 * Where requests run, each kind on workers of its own ({@link Lane}): evaluations on at most
 * {@code eligibility.evaluation.workers} with {@code eligibility.evaluation.queue-size} waiting;
 * the costly kinds, next steps and transfer options, each on their own few workers (half the cores
 * unless set) and queue, so that a flood of them never takes the workers ordinary evaluations
 * need. Past a lane's workers and queue, or when the wait would outlast the request's budget, a
 * request is refused as busy ({@link Refusal}) at once. Health checks, metrics and the
 * other endpoints keep the rest of Quarkus' pool, so they answer while evaluations are saturated.
 */
@ApplicationScoped
public class WorkerPool {

    private final Lane evaluations;
    private final Lane nextSteps;
    private final Lane options;

    public WorkerPool(EligibilityConfig config) {
        int half = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.evaluations = new Lane("evaluations", config.evaluation().workersOrDefault(), config.evaluation().queueSize());
        this.nextSteps = new Lane("requests for next steps", config.nextSteps().workers().orElse(half), config.nextSteps().queueSize());
        this.options = new Lane("requests for transfer options", config.transferOptions().workers().orElse(half),
                config.transferOptions().queueSize());
    }

    /** The work's result, computed by an evaluation worker; a busy {@link Refusal} when none can take it in its budget. */
    public <T> CompletableFuture<T> run(Deadline budget, Supplier<T> work) {
        return evaluations.run(budget, work);
    }

    /** A request's answer with its next steps, computed by a next-steps worker; a busy {@link Refusal} as {@link #run}. */
    <T> CompletableFuture<T> runNextSteps(Deadline budget, Supplier<T> work) {
        return nextSteps.run(budget, work);
    }

    /**
     * Refuses a request for next steps as busy, as soon as it is read, when the next-steps workers
     * cannot take it now (so that a flood of them costs the evaluation workers a read each, not a check).
     */
    void checkNextStepsRoom(EvaluationRequest request, Deadline budget) {
        if (request.wantsNextSteps()) {
            nextSteps.checkRoom(budget);
        }
    }

    /** A transfer-options request's answer, computed by a transfer-options worker; a busy {@link Refusal} as {@link #run}. */
    <T> CompletableFuture<T> runTransferOptions(Deadline budget, Supplier<T> work) {
        return options.run(budget, work);
    }

    /** Requests with next steps running or waiting now. */
    public int nextStepsInProgress() {
        return nextSteps.inProgress();
    }

    /** Transfer-options requests running or waiting now. */
    public int transferOptionsInProgress() {
        return options.inProgress();
    }

    /** The evaluation workers themselves, for work that submits and waits by its own means (a batch's lines). */
    public ExecutorService executor() {
        return evaluations.executor();
    }

    /** The next-steps workers themselves, for a batch line's next steps (refused when they and their queue are full). */
    public Executor nextStepsExecutor() {
        return nextSteps.executor();
    }

    /** The service's next-steps finder: a request's searches on its own worker and on the other next-steps workers that are free. */
    NextStepsFinder nextStepsFinder(RulebaseRunner runner) {
        return new NextStepsFinder(runner, nextSteps.executor(), nextSteps.workers() - 1);
    }

    @PreDestroy
    void stop() {
        evaluations.shutdown();
        nextSteps.shutdown();
        options.shutdown();
    }
}
