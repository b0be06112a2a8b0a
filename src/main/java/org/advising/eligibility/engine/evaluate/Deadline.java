package org.advising.eligibility.engine.evaluate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one budget of a request: the moment by which all of its work must have ended (its queueing,
 * reading, credentials, every evaluation, next steps and ranking), and whether the client that sent
 * it has gone. Every evaluation checks it before it starts and after each rule firing; past it, or
 * once the client has gone, the work stops with {@link EvaluationTimeoutException}.
 */
public final class Deadline {

    private final long nanos;
    private final Duration limit;
    private final AtomicBoolean abandoned = new AtomicBoolean();

    private Deadline(long startedNanos, Duration limit) {
        this.limit = limit;
        this.nanos = startedNanos + limit.toNanos();
    }

    /** A budget of {@code limit} from now. */
    public static Deadline in(Duration limit) {
        return new Deadline(System.nanoTime(), limit);
    }

    /** The whole budget, as the request was given it. */
    public Duration limit() {
        return limit;
    }

    /** Nanoseconds left (negative once past). */
    public long remainingNanos() {
        return nanos - System.nanoTime();
    }

    /** Called when the client has gone (its connection closed): the work stops at its next check. */
    public void abandon() {
        abandoned.set(true);
    }

    public boolean abandoned() {
        return abandoned.get();
    }

    /** Whether the work must stop: the budget is spent or nobody waits for the answer any more. */
    public boolean passed() {
        return abandoned.get() || System.nanoTime() - nanos > 0;
    }

    /** Throws {@link EvaluationTimeoutException} when the work must stop; {@code stage} says where it stood. */
    public void check(String stage) {
        if (passed()) {
            throw new EvaluationTimeoutException(this, stage);
        }
    }
}
