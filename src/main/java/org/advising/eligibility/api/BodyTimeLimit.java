package org.advising.eligibility.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.advising.eligibility.EligibilityConfig;

/**
 * A request's body must have arrived {@code eligibility.api.body-time-limit} (10 s) after its
 * headers. A client that sends it slower, or stops halfway, gets 408 problem+json and its
 * connection is closed. Until then it holds a connection and the bytes it sent, never a worker.
 */
@ApplicationScoped
public class BodyTimeLimit {

    private final Duration limit;

    public BodyTimeLimit(EligibilityConfig config) {
        this.limit = config.api().bodyTimeLimit();
    }

    void closeSlowBodies(@Observes Router router, Vertx vertx, ObjectMapper json) throws JsonProcessingException {
        String problem = json.writeValueAsString(Problem.of("request-timeout", "Request timeout", 408,
                "The request body did not arrive within " + limit.toMillis() + " ms; send it again, all at once."));
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(context -> {
            HttpServerRequest request = context.request();
            // A batch streams in for as long as it has lines; the connection's idle timeout still ends a stalled one.
            if (!request.isEnded() && !request.path().equals(BatchResource.PATH)) {
                long timer = vertx.setTimer(limit.toMillis(), fired -> {
                    if (!request.isEnded() && !context.response().headWritten()) {
                        context.response().setStatusCode(408)
                                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                                .putHeader(HttpHeaders.CONNECTION, "close")
                                .end(problem)
                                // The rest of the body is not awaited: the connection goes with the answer.
                                .onComplete(written -> request.connection().close());
                    }
                });
                context.addEndHandler(done -> vertx.cancelTimer(timer));
            }
            context.next();
        });
    }
}
