package org.advising.eligibility.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.decisions.Refusal;
import org.advising.eligibility.problems.Problem;
import org.advising.eligibility.problems.Problems;

/**
 * The contract's body limit ({@code eligibility.api.max-body-size}, 1 MiB). A body that declares
 * a larger Content-Length is refused before it is read; a chunked body is read up to the limit
 * and refused past it. Both answer 413 problem+json. Quarkus' own limit stays above this one as a
 * backstop, because it answers with an empty body.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(EligibilityConfig config) {
        this.maxBytes = config.api().maxBodySize().asLongValue();
    }

    /** The whole body, or a payload-too-large {@link Refusal} as soon as it passes the limit. */
    public byte[] read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw Refusal.tooLarge(maxBytes).exception();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refuseDeclaredOversizeBodies(@Observes Router router, ObjectMapper json) throws JsonProcessingException {
        String problem = json.writeValueAsString(Problems.of(Refusal.tooLarge(maxBytes)));
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            // A batch is limited per line, not as a whole (BatchEvaluations).
            boolean batch = context.request().path().equals(BatchResource.PATH);
            if (!batch && BodyTimeLimit.declaredLength(context.request()).orElse(0) > maxBytes) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem);
            } else {
                context.next();
            }
        });
    }
}
