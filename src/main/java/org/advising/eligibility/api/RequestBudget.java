package org.advising.eligibility.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.problems.Problem;

/**
 * What the requests in progress may hold together, decided when their headers arrive, before any
 * body is read or a worker taken. Every request that announces a body reserves its length (a
 * chunked one, the body limit) from {@code eligibility.api.body-budget}: bodies up to 64 KiB (an
 * evaluation request is a few KiB) from a quarter of it kept for them, larger ones from the rest, so
 * that stalled large bodies cannot shut out the ordinary requests. Batches also take one of
 * {@code eligibility.batch.max-concurrent} places. A request that does not fit gets 503
 * problem+json with Retry-After at once, and its connection is closed (over HTTP/2, its stream),
 * so that stalled clients, however many, cannot fill the heap or the worker pool. What a request
 * reserved is given back when its answer ends or its connection closes.
 */
@ApplicationScoped
public class RequestBudget {

    /** Bodies up to this size reserve from the part of the budget kept for them. */
    static final long SMALL_BODY_BYTES = 64 * 1024;

    private final long maxBodyBytes;
    private final long budgetBytes;
    private final long smallBudgetBytes;
    private final int maxBatches;
    private final AtomicLong reservedBytes = new AtomicLong();
    private final AtomicLong reservedSmallBytes = new AtomicLong();
    private final Semaphore batches;

    public RequestBudget(EligibilityConfig config) {
        this.maxBodyBytes = config.api().maxBodySize().asLongValue();
        this.budgetBytes = config.api().bodyBudget().asLongValue();
        this.smallBudgetBytes = budgetBytes / 4;
        this.maxBatches = config.batch().maxConcurrent();
        this.batches = new Semaphore(maxBatches);
    }

    /** Bytes of request bodies reserved now. */
    public long reservedBytes() {
        return reservedBytes.get() + reservedSmallBytes.get();
    }

    /** Whether an ordinary request (a body up to 64 KiB) would be admitted now. */
    public boolean admitsOrdinaryRequests() {
        return reservedSmallBytes.get() + SMALL_BODY_BYTES <= smallBudgetBytes;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** Batches in progress now. */
    public int batchesInProgress() {
        return maxBatches - batches.availablePermits();
    }

    public int maxBatches() {
        return maxBatches;
    }

    void admit(@Observes Router router, ObjectMapper json) throws JsonProcessingException {
        String noRoom = json.writeValueAsString(Problem.of("busy", "Service busy", 503,
                "The service holds as many request bodies as its memory allows; retry shortly."));
        String noBatchPlace = json.writeValueAsString(Problem.of("busy", "Service busy", 503,
                "The service runs " + maxBatches + " batches at once, all places are taken; retry shortly."));
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 3).handler(context -> {
            HttpServerRequest request = context.request();
            boolean batch = BodyTimeLimit.route(request).equals(BatchResource.PATH);
            long bytes = BodyTimeLimit.announcesBody(request) ? reservation(request) : 0;
            if (batch && !batches.tryAcquire()) {
                refuse(context, noBatchPlace);
                return;
            }
            AtomicLong pool = bytes <= SMALL_BODY_BYTES ? reservedSmallBytes : reservedBytes;
            if (bytes > 0 && pool.addAndGet(bytes) > (pool == reservedSmallBytes ? smallBudgetBytes : budgetBytes - smallBudgetBytes)) {
                pool.addAndGet(-bytes);
                if (batch) {
                    batches.release();
                }
                refuse(context, noRoom);
                return;
            }
            if (bytes > 0 || batch) {
                AtomicBoolean released = new AtomicBoolean();
                Runnable release = () -> {
                    if (released.compareAndSet(false, true)) {
                        pool.addAndGet(-bytes);
                        if (batch) {
                            batches.release();
                        }
                    }
                };
                context.addEndHandler(done -> release.run()); // also when the connection closes first
            }
            context.next();
        });
    }

    /**
     * Runs {@code stop} once the request's answer has ended or its connection closed first, so that a
     * request whose client has gone stops at its next evaluation or rule firing instead of running on
     * for nobody.
     */
    static void whenClientGone(RoutingContext routing, Runnable stop) {
        routing.addEndHandler(ended -> stop.run()); // after a written answer nothing is left to stop
        if (routing.response().closed()) {
            stop.run();
        }
    }

    /** What a body may hold at once: its announced length up to the body limit (a batch holds one line of it at a time). */
    private long reservation(HttpServerRequest request) {
        return Math.min(BodyTimeLimit.declaredLength(request).orElse(maxBodyBytes), maxBodyBytes);
    }

    private static void refuse(RoutingContext context, String problem) {
        HttpServerResponse response = context.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Retry-After", "1");
        if (context.request().version() == HttpVersion.HTTP_2) {
            response.end(problem); // the stream ends; the connection's other streams go on
        } else {
            // The body it announced is not read: the connection goes with the answer.
            response.putHeader(HttpHeaders.CONNECTION, "close").end(problem).onComplete(written -> context.request().connection().close());
        }
    }
}
