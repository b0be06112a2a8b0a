package org.advising.eligibility.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.decisions.DecisionService;
import org.advising.eligibility.intake.RequestReader;
import org.advising.eligibility.intake.RequestValidator;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.prove.Prover;
import org.advising.eligibility.engine.prove.RulebaseCache;
import org.advising.eligibility.ops.DecisionAudit;
import org.advising.eligibility.ops.EvaluationMetrics;

/**
 * What the commands that run without a server (check, evaluate, impact, verify-credential) build by hand that the
 * service gets from Quarkus and CDI: its settings, its JSON settings and its request reading,
 * validation and evaluation. Drools' build messages and the audit log are the service's, so they are quiet here.
 */
public final class Standalone {

    private Standalone() {
    }

    /**
     * The service's settings without starting the service: its application.properties, overridden
     * by environment variables and system properties, read into the same mapping.
     */
    public static EligibilityConfig configuration() {
        // Every command starts here. Without the service's logging set up, every logger would record at every level
        // (Hibernate Validator traces each constraint it checks): a tenth of a batch's time went to records nobody sees.
        Logger.getLogger("").setLevel(Level.INFO);
        try {
            return new SmallRyeConfigBuilder()
                    .addDefaultSources()
                    .addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(Standalone.class.getResource("/application.properties"), 250))
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                    .withProfile("prod")
                    .withMapping(EligibilityConfig.class)
                    .build()
                    .getConfigMapping(EligibilityConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the service's application.properties", e);
        }
    }

    /** Quarkus' JSON settings: ISO dates, and unknown properties left to the request reader's own strictness. */
    static ObjectMapper json() {
        return JsonMapper.builder().findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    static RulebaseRunner runner(EligibilityConfig config) {
        return new RulebaseRunner(config.evaluation().maxRuleFiringsPerOffering(), config.evaluation().timeLimit());
    }

    /** The one path to a proven rulebase, with the cache the settings name (signed with their key), as the service takes it. */
    static Prover prover(EligibilityConfig config, RulebaseRunner runner) {
        return new Prover(runner, RulebaseCache.in(config.rules().cacheFolder(), config.rules().cacheKey()));
    }

    static DecisionService decisionService(ObjectMapper json, EligibilityConfig config, RulebaseRunner runner) {
        Logger.getLogger("org.drools").setLevel(Level.WARNING);
        Logger.getLogger(DecisionAudit.CATEGORY).setLevel(Level.WARNING);
        return new DecisionService(new RequestReader(json), new RequestValidator(Validation.buildDefaultValidatorFactory().getValidator()),
                runner, new EvaluationMetrics(new SimpleMeterRegistry()), new DecisionAudit(json, config), DecisionService.verifier(config));
    }
}
