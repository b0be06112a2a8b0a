package org.advising.eligibility.decisions;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.advising.eligibility.EligibilityConfig;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Where evaluations run: at most {@code eligibility.evaluation.workers} at once on Quarkus' worker
 * threads, and at most {@code eligibility.evaluation.queue-size} waiting. Past both, a submitted
 * evaluation is refused with a {@link java.util.concurrent.RejectedExecutionException} (503 busy).
 * Health checks, metrics and the other endpoints keep the rest of Quarkus' pool, so they answer
 * while evaluations are saturated.
 */
@ApplicationScoped
public class WorkerPool {

    private final ManagedExecutor executor;
    private final ManagedExecutor options;

    public WorkerPool(EligibilityConfig config) {
        this.executor = ManagedExecutor.builder().maxAsync(config.evaluation().workers()).maxQueued(config.evaluation().queueSize())
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
        // A transfer-options request is dozens of evaluations in a row, each holding a few megabytes: more of them at
        // once than cores buys no speed and only memory, so the rest wait in the queue.
        this.options = ManagedExecutor.builder().maxAsync(Runtime.getRuntime().availableProcessors())
                .maxQueued(config.evaluation().queueSize()).propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    }

    /**
     * A transfer-options request's result, computed by one of at most one worker per core (besides
     * the evaluation workers); a {@link java.util.concurrent.RejectedExecutionException} when they
     * and their queue are full.
     */
    public <T> Uni<T> runTransferOptions(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(options);
    }

    /** The work's result, computed by a worker; a {@link java.util.concurrent.RejectedExecutionException} when all are taken. */
    public <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(executor);
    }

    /** The executor itself, for work that submits and waits by its own means (a batch's lines). */
    public ExecutorService executor() {
        return executor;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
        options.shutdown();
    }
}
