package org.advising.eligibility.decisions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import io.quarkus.runtime.StartupEvent;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.intake.Request;
import org.advising.eligibility.intake.RequestIntake;
import org.advising.eligibility.intake.TransferOptionsRequest;
import org.advising.eligibility.model.ReceivingInstitution;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Warm before ready: after the start, a pod rehearses each path it serves once on its rulebase
 * (an evaluation with next steps at up to three institutions of the file, and transfer options over
 * the whole file, from the contract's next-steps example), so that its first real request does not
 * pay for the JIT compiler's first pass. The pod is not ready until the rehearsal has ended; one
 * that fails (a defective rule, say) is logged and the pod becomes ready all the same, as the
 * rulebase serves every other request.
 */
@Readiness
@ApplicationScoped
public class WarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final String EXAMPLE = "META-INF/resources/examples/next-steps/12-mastertrack-grade-for-admission-and-transfer.json";
    /** A rehearsal's budget: far more than any request's, since it runs while nothing is compiled yet. */
    private static final Duration BUDGET = Duration.ofMinutes(2);

    private final ActiveRulebase rulebases;
    private final DecisionService decisions;
    private final ObjectMapper json;
    private volatile String state = "not begun";
    private volatile boolean ended;
    private volatile long millis;

    public WarmUp(ActiveRulebase rulebases, DecisionService decisions, ObjectMapper json) {
        this.rulebases = rulebases;
        this.decisions = decisions;
        this.json = json;
    }

    /** After the rulebase is loaded at start (its observer's priority is the default, before this one). */
    void begin(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) StartupEvent startup) {
        state = "rehearsing";
        Thread thread = new Thread(this::rehearse, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void rehearse() {
        long started = System.nanoTime();
        try {
            Optional<Rulebase> active = rulebases.current();
            if (active.isPresent()) {
                Rulebase rulebase = active.get();
                Deadline budget = Deadline.in(BUDGET);
                decisions.rehearse(admit(evaluation(rulebase), EvaluationRequest.class, rulebase, budget),
                        admit(example(), TransferOptionsRequest.class, rulebase, budget), rulebase, budget);
                state = "rehearsed an evaluation with next steps and transfer options over "
                        + rulebase.institutions().inEffectOn(LocalDate.now(ZoneOffset.UTC)).size() + " institutions";
            } else {
                state = "no rulebase to rehearse";
            }
        } catch (RuntimeException e) {
            state = "failed: " + e.getMessage();
            LOG.warnf("The warm-up before ready failed, the service is ready without it: %s", e.getMessage());
        } finally {
            millis = (System.nanoTime() - started) / 1_000_000;
            ended = true;
            LOG.debugf("Warm-up: %s in %d ms", state, millis);
        }
    }

    private <R extends Request> RequestIntake.Admitted<R> admit(ObjectNode request, Class<R> kind, Rulebase rulebase, Deadline budget) {
        try {
            return decisions.admit(json.writeValueAsBytes(request), kind, Optional.of(rulebase), budget);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example's request as of today, without its institutions or next steps. */
    private ObjectNode example() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(EXAMPLE)) {
            ObjectNode request = (ObjectNode) json.readTree(in).get("request");
            request.remove("asOf");
            request.remove("receivingInstitutions");
            request.remove("nextSteps");
            return request;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the warm-up request " + EXAMPLE + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The example with next steps, at the first three institutions in effect today (when the file has any). */
    private ObjectNode evaluation(Rulebase rulebase) {
        ObjectNode request = example();
        request.put("nextSteps", true);
        var ids = request.putArray("receivingInstitutions");
        rulebase.institutions().inEffectOn(LocalDate.now(ZoneOffset.UTC)).values().stream().limit(3)
                .map(ReceivingInstitution::id).forEach(ids::add);
        if (ids.isEmpty()) {
            request.remove("receivingInstitutions");
        }
        return request;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(ended).withData("state", state).withData("millis", millis).build();
    }
}
