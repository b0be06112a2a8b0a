package org.advising.eligibility.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.compile.Rulebase;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Ready, and started, only while a rulebase is active: a replica without rules must not get
 * traffic. The check reports the active version and when it was loaded.
 */
@Readiness
@Startup
@ApplicationScoped
public class RulebaseHealth implements HealthCheck {

    private final ActiveRulebase rulebases;

    public RulebaseHealth(ActiveRulebase rulebases) {
        this.rulebases = rulebases;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rulebase");
        Rulebase rulebase = rulebases.current().orElse(null);
        if (rulebase == null) {
            return response.down().withData("reason", "no rulebase loaded").build();
        }
        return response.up().withData("version", rulebase.version()).withData("loadedAt", rulebase.loadedAt().toString())
                .withData("rules", rulebase.rules().size()).build();
    }
}
