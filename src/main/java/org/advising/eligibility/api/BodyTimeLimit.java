package org.advising.eligibility.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.OptionalLong;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.problems.Problem;

/**
 * A request's body must have arrived {@code eligibility.api.body-time-limit} (10 s) after its
 * headers. A client that sends it slower, or stops halfway, gets 408 problem+json and its
 * connection is closed (over HTTP/2, its stream). Until then it holds a connection and the bytes
 * it sent, never a worker.
 *
 * <p>Only a request that announces a body is timed: the router holds back the end of every
 * request until a handler reads it, so a request without one (an admin reload, a GET) would
 * otherwise be cut off when its answer takes longer than the limit.
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
            if (announcesBody(request) && !request.isEnded() && !route(request).equals(BatchResource.PATH)) {
                long timer = vertx.setTimer(limit.toMillis(), fired -> {
                    if (!request.isEnded() && !context.response().headWritten()) {
                        HttpServerResponse response = context.response().setStatusCode(408)
                                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
                        if (request.version() == HttpVersion.HTTP_2) {
                            response.end(problem); // ends the stream; the connection's other streams go on
                        } else {
                            // The rest of the body is not awaited: the connection goes with the answer.
                            response.putHeader(HttpHeaders.CONNECTION, "close").end(problem)
                                    .onComplete(written -> request.connection().close());
                        }
                    }
                });
                context.addEndHandler(done -> vertx.cancelTimer(timer));
            }
            context.next();
        });
    }

    /** The endpoints a request may post to without a body: the admin ones (a reload). */
    private static final String WITHOUT_BODIES = "/api/v1/rulebase";

    /**
     * Whether the request says a body follows: a length above 0, a chunked one (HTTP/1.1), or an
     * HTTP/2 stream that posts to anything but the admin endpoints and was not ended with its headers.
     */
    static boolean announcesBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        // HTTP/2 has no Transfer-Encoding: a stream not ended with its headers carries a body of unstated length. Whether
        // it has ended is not known in time for a request no endpoint reads (an admin reload), so those are left untimed,
        // as over HTTP/1.1; the path is compared as the router sees it (dot segments, escapes, a trailing slash).
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || request.version() == HttpVersion.HTTP_2 && !request.isEnded() && request.method() != HttpMethod.GET
                        && request.method() != HttpMethod.HEAD && !route(request).startsWith(WITHOUT_BODIES);
    }

    /** The request's path as the router matches it, without a trailing slash. */
    static String route(HttpServerRequest request) {
        String path = HttpUtils.normalizePath(request.path());
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The body length the request declares, or empty when it declares none (chunked) or one that is not a number. */
    static OptionalLong declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && length.strip().matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(length.strip())) : OptionalLong.empty();
    }
}
