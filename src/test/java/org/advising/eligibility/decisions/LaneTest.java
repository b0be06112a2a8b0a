package org.advising.eligibility.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A lane admits what it can answer within a request's budget, and refuses the rest as busy at once, without running it. */
class LaneTest {

    private final Lane lane = new Lane("requests for tests", 1, 1);

    @AfterEach
    void stop() {
        lane.shutdown();
    }

    @Test
    void a_free_worker_takes_a_request_however_long_the_last_one_took() throws Exception {
        // The last run took longer than the next request's whole budget (a loaded machine, say).
        lane.run(Deadline.in(Duration.ofSeconds(5)), () -> sleep(400)).get(5, TimeUnit.SECONDS);
        assertEquals("done", lane.run(Deadline.in(Duration.ofMillis(300)), () -> "done").get(5, TimeUnit.SECONDS));
    }

    @Test
    void a_request_the_queue_cannot_hold_or_that_would_wait_past_its_budget_is_refused_at_once_and_never_run() throws Exception {
        lane.run(Deadline.in(Duration.ofSeconds(5)), () -> sleep(200)).get(5, TimeUnit.SECONDS); // typical: 200 ms
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        lane.run(Deadline.in(Duration.ofSeconds(5)), () -> {
            running.countDown();
            await(release);
            return "first";
        });
        running.await(5, TimeUnit.SECONDS);
        AtomicBoolean ran = new AtomicBoolean();
        var tooShort = lane.run(Deadline.in(Duration.ofMillis(100)), () -> ran.getAndSet(true));
        assertTrue(tooShort.isCompletedExceptionally(), "refused at once");
        assertEquals(Refusal.of(Refusal.Code.BUSY, "The 1 requests for tests ahead of this request would keep it waiting past its 100 ms; "
                + "retry shortly."), refusal(tooShort));
        lane.run(Deadline.in(Duration.ofSeconds(5)), () -> "second"); // takes the queue's place
        var full = lane.run(Deadline.in(Duration.ofSeconds(5)), () -> ran.getAndSet(true));
        assertTrue(full.isCompletedExceptionally(), "refused at once");
        assertEquals(Refusal.of(Refusal.Code.BUSY, "Every worker is busy and the queue of waiting requests for tests is full; retry shortly."),
                refusal(full));
        release.countDown();
        assertFalse(ran.get(), "a refused request ran");
    }

    @Test
    void a_request_that_waited_past_its_budget_is_refused_when_a_worker_takes_it() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        lane.run(Deadline.in(Duration.ofSeconds(5)), () -> await(release));
        AtomicBoolean ran = new AtomicBoolean();
        // Long enough to be admitted even on a busy machine (the lane refuses at once a budget already spent), short for a test.
        Deadline budget = Deadline.in(Duration.ofMillis(1000));
        var queued = lane.run(budget, () -> ran.getAndSet(true));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(budget::passed); // while the first holds the only worker
        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(queued::isDone);
        assertEquals(Refusal.of(Refusal.Code.BUSY, "The request waited among the requests for tests past its 1000 ms; retry shortly."),
                refusal(queued));
        assertFalse(ran.get(), "a request past its budget ran");
    }

    /** The refusal a request ended with. */
    private static Refusal refusal(java.util.concurrent.CompletableFuture<?> answer) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        return ((RefusedException) failed.getCause()).refusal();
    }

    private static String sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "slept";
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
