package org.advising.eligibility.nextsteps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SharedSearchesTest {

    @Test
    void every_search_runs_once_shared_between_the_caller_and_a_helper() {
        ExecutorService helper = Executors.newSingleThreadExecutor(run -> new Thread(run, "helper"));
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(200);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            CountDownLatch helped = new CountDownLatch(1);
            CountDownLatch callerRan = new CountDownLatch(1);
            List<Runnable> searches = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int search = i;
                searches.add(() -> {
                    threads.add(Thread.currentThread().getName());
                    runs.incrementAndGet(search);
                    if (Thread.currentThread().getName().equals("helper")) {
                        helped.countDown();
                        awaitHelp(callerRan); // the helper holds its search until the caller has taken one (it could take them all)
                    } else {
                        callerRan.countDown();
                        if (search == 0) {
                            awaitHelp(helped); // the caller holds the first search until the helper has taken one
                        }
                    }
                });
            }
            new SharedSearches(helper, 1).run(searches);
            for (int i = 0; i < 200; i++) {
                assertEquals(1, runs.get(i), "search " + i);
            }
            assertEquals(Set.of(Thread.currentThread().getName(), "helper"), threads);
        } finally {
            helper.shutdownNow();
        }
    }

    @Test
    void a_pool_with_no_place_left_leaves_every_search_to_the_caller() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Runnable> searches = List.of(() -> threads.add(Thread.currentThread().getName()),
                () -> threads.add(Thread.currentThread().getName()));
        new SharedSearches(run -> {
            throw new RejectedExecutionException("all taken");
        }, 1).run(searches);
        assertEquals(Set.of(Thread.currentThread().getName()), threads);
    }

    @Test
    void the_first_failure_is_thrown_and_the_searches_after_it_are_skipped() {
        IllegalStateException limit = new IllegalStateException("past the time limit");
        AtomicIntegerArray runs = new AtomicIntegerArray(3);
        List<Runnable> searches = List.of(() -> runs.incrementAndGet(0), () -> {
            runs.incrementAndGet(1);
            throw limit;
        }, () -> runs.incrementAndGet(2));
        assertSame(limit, assertThrows(IllegalStateException.class, () -> SharedSearches.alone().run(searches)));
        assertEquals("[1, 1, 0]", runs.toString());
    }

    private static void awaitHelp(CountDownLatch helped) {
        try {
            helped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
