package org.advising.eligibility.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
    void a_free_worker_takes_a_request_however_long_the_last_one_took() {
        // The last run took longer than the next request's whole budget (a loaded machine, say).
        lane.run(Deadline.in(Duration.ofSeconds(5)), () -> sleep(400)).await().atMost(Duration.ofSeconds(5));
        assertEquals("done", lane.run(Deadline.in(Duration.ofMillis(300)), () -> "done").await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void a_request_the_queue_cannot_hold_or_that_would_wait_past_its_budget_is_refused_at_once_and_never_run() throws Exception {
        lane.run(Deadline.in(Duration.ofSeconds(5)), () -> sleep(200)).await().atMost(Duration.ofSeconds(5)); // typical: 200 ms
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        lane.run(Deadline.in(Duration.ofSeconds(5)), () -> {
            running.countDown();
            await(release);
            return "first";
        }).subscribe().with(answer -> { });
        running.await(5, TimeUnit.SECONDS);
        AtomicBoolean ran = new AtomicBoolean();
        BusyException tooShort = assertThrows(BusyException.class,
                () -> lane.run(Deadline.in(Duration.ofMillis(100)), () -> ran.getAndSet(true)).await().atMost(Duration.ofSeconds(5)));
        assertEquals("The 1 requests for tests ahead of this request would keep it waiting past its 100 ms; retry shortly.",
                tooShort.getMessage());
        lane.run(Deadline.in(Duration.ofSeconds(5)), () -> "second").subscribe().with(answer -> { }); // takes the queue's place
        BusyException full = assertThrows(BusyException.class,
                () -> lane.run(Deadline.in(Duration.ofSeconds(5)), () -> ran.getAndSet(true)).await().atMost(Duration.ofSeconds(5)));
        assertEquals("Every worker is busy and the queue of waiting requests for tests is full; retry shortly.", full.getMessage());
        release.countDown();
        assertFalse(ran.get(), "a refused request ran");
    }

    @Test
    void a_request_that_waited_past_its_budget_is_refused_when_a_worker_takes_it() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        lane.run(Deadline.in(Duration.ofSeconds(5)), () -> await(release)).subscribe().with(answer -> { });
        AtomicBoolean ran = new AtomicBoolean();
        // Long enough to be admitted even on a busy machine (the lane refuses at once a budget already spent), short for a test.
        Deadline budget = Deadline.in(Duration.ofMillis(1000));
        var queued = lane.run(budget, () -> ran.getAndSet(true)).subscribeAsCompletionStage();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(budget::passed); // while the first holds the only worker
        release.countDown();
        java.util.concurrent.ExecutionException refused = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> queued.get(5, TimeUnit.SECONDS));
        assertEquals(BusyException.class, refused.getCause().getClass());
        assertEquals("The request waited among the requests for tests past its 1000 ms; retry shortly.", refused.getCause().getMessage());
        assertFalse(ran.get(), "a request past its budget ran");
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
