package org.advising.eligibility.nextsteps;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the searches of one request's next steps on the thread answering it and on up to
 * {@code helpers} evaluation workers that are free: each thread takes the next search not yet
 * taken until none is left. The answering thread never waits for a search nobody has started, so
 * a saturated pool (helpers queued or refused) only means that thread does them all, as it would
 * alone. The first failure (the request's time limit, a rule defect) is thrown once every search
 * taken has ended; the searches not yet taken are then skipped.
 */
final class SharedSearches {

    private final Executor workers;
    private final int helpers;

    SharedSearches(Executor workers, int helpers) {
        this.workers = workers;
        this.helpers = helpers;
    }

    /** No helpers: every search on the calling thread, in order. */
    static SharedSearches alone() {
        return new SharedSearches(Runnable::run, 0);
    }

    void run(List<Runnable> searches) {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(searches.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable taker = () -> {
            for (int search = next.getAndIncrement(); search < searches.size(); search = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        searches.get(search).run();
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    ended.countDown();
                }
            }
        };
        for (int helper = 0; helper < Math.min(helpers, searches.size() - 1); helper++) {
            try {
                workers.execute(taker);
            } catch (RejectedExecutionException busy) {
                break; // every worker and queue place taken: this thread searches alone
            }
        }
        taker.run();
        awaitUninterruptibly(ended);
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the searches taken end by the request's time limit at the latest
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
