package org.advising.eligibility.decisions;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Workers of one kind of work, with their queue, admitting a request only if it can be answered
 * within its budget: a request is refused as busy at once when the workers and the queue are full,
 * or when the requests ahead of it, at the time such work typically takes (a moving average of
 * the last runs), would keep it waiting past its budget; one that waited past its budget anyway is
 * refused as busy when a worker takes it, not run.
 */
final class Lane {

    private final String work;
    private final int workers;
    private final int queueSize;
    private final ManagedExecutor executor;
    /** Requests admitted and not yet ended: running or queued. */
    private final AtomicInteger admitted = new AtomicInteger();
    /** What one run typically takes: each run moves it an eighth of the way to its own time. */
    private final AtomicLong typicalNanos = new AtomicLong();

    Lane(String work, int workers, int queueSize) {
        this.work = work;
        this.workers = workers;
        this.queueSize = queueSize;
        this.executor = ManagedExecutor.builder().maxAsync(workers).maxQueued(queueSize)
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    }

    int workers() {
        return workers;
    }

    /** Requests admitted and not yet answered: running or waiting. */
    int inProgress() {
        return admitted.get();
    }

    ManagedExecutor executor() {
        return executor;
    }

    /**
     * The work's result from one of the lane's workers, or failed as busy {@link Refusal} when it
     * cannot be answered in its budget (then it never runs).
     */
    <T> CompletableFuture<T> run(Deadline budget, Supplier<T> task) {
        String refusal = reserve(budget);
        if (refusal != null) {
            return CompletableFuture.failedFuture(Refusal.busy(refusal));
        }
        CompletableFuture<T> result;
        try {
            result = executor.supplyAsync(() -> timed(budget, task));
        } catch (RejectedExecutionException full) {
            result = CompletableFuture.failedFuture(full);
        }
        return result.handle((answer, failure) -> {
            admitted.decrementAndGet();
            if (failure == null) {
                return answer;
            }
            Throwable cause = Refusal.unwrapped(failure);
            if (cause instanceof RejectedExecutionException) {
                throw Refusal.busy(full());
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }

    /** Throws a busy {@link Refusal} when the lane would refuse the request now (it takes no place). */
    void checkRoom(Deadline budget) {
        String refusal = refusal(admitted.get(), budget);
        if (refusal != null) {
            throw Refusal.busy(refusal);
        }
    }

    /** Takes a place for the request (null), or says why it is refused; checked and taken in one step. */
    private String reserve(Deadline budget) {
        while (true) {
            int ahead = admitted.get();
            String refusal = refusal(ahead, budget);
            if (refusal != null || admitted.compareAndSet(ahead, ahead + 1)) {
                return refusal;
            }
        }
    }

    private String full() {
        return "Every worker is busy and the queue of waiting " + work + " is full; retry shortly.";
    }

    private String refusal(int ahead, Deadline budget) {
        if (ahead >= workers + queueSize) {
            return full();
        }
        if (ahead < workers) {
            return null; // a worker is free: however long such work took before, this one starts now
        }
        long typical = typicalNanos.get();
        long wait = (long) (ahead / workers) * typical;
        if (wait + typical > budget.remainingNanos()) {
            return "The " + ahead + " " + work + " ahead of this request would keep it waiting past its "
                    + budget.limit().toMillis() + " ms; retry shortly.";
        }
        return null;
    }

    private <T> T timed(Deadline budget, Supplier<T> task) {
        if (budget.passed()) {
            throw Refusal.busy("The request waited among the " + work + " past its " + budget.limit().toMillis()
                    + " ms" + (budget.abandoned() ? ", and its client has gone" : "") + "; retry shortly.");
        }
        long started = System.nanoTime();
        try {
            return task.get();
        } finally {
            long took = System.nanoTime() - started;
            typicalNanos.getAndUpdate(typical -> typical == 0 ? took : typical + (took - typical) / 8);
        }
    }

    void shutdown() {
        executor.shutdown();
    }
}
