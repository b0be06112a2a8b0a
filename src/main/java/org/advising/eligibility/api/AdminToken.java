package org.advising.eligibility.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.advising.eligibility.EligibilityConfig;
import org.jboss.logging.Logger;

/**
 * The admin token POST /api/v1/rulebase/reload requires ({@code eligibility.admin.token}, at
 * least 32 characters, checked at start). The scheme is matched in any case, as RFC 9110 says; the
 * token in constant time. A refused attempt is logged, without what was sent, at most once every
 * ten seconds with the count of those not logged, so that guessing shows in the log without
 * flooding it.
 */
@ApplicationScoped
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final Optional<byte[]> token;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    public AdminToken(EligibilityConfig config) {
        this.token = config.admin().token().map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    /** Lets the request through, or throws 403 (no token configured) or 401 (a missing or wrong one). */
    public void require(String authorization, String from) {
        if (token.isEmpty()) {
            throw new AdminException(403, "The reload endpoint is closed: no admin token is configured (eligibility.admin.token).");
        }
        byte[] given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token.get(), given)) { // constant time: the token does not leak through timing
            logRefused(from, authorization == null ? "no Authorization header" : "a wrong token");
            throw new AdminException(401, "Send the admin token as: Authorization: Bearer <token>.");
        }
    }

    private void logRefused(String from, String why) {
        long count = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            long unlogged = refused.getAndSet(0) - 1;
            LOG.warnf("Admin request refused from %s: %s%s", from, why,
                    unlogged > 0 ? " (and " + unlogged + " more refused since the last such line)" : "");
        } else if (count < 0) {
            refused.set(0);
        }
    }
}
