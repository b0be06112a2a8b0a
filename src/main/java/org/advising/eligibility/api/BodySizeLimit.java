package org.advising.eligibility.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body declared larger than {@code quarkus.http.limits.max-body-size} with a 413
 * problem+json. It runs just before Quarkus' own limit check, which would answer with no body.
 */
@ApplicationScoped
public class BodySizeLimit {

    void install(@Observes Router router, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) throws JsonProcessingException {
        long maxBytes = limit.asLongValue();
        String body = json.writeValueAsString(Problem.of("payload-too-large", "Payload too large", 413,
                "The request body is over the limit of " + maxBytes + " bytes."));
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
            } else {
                context.next();
            }
        });
    }
}
