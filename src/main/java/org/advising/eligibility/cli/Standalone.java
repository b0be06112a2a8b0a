package org.advising.eligibility.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.api.Evaluations;
import org.advising.eligibility.api.RequestReader;
import org.advising.eligibility.api.RequestValidator;
import org.advising.eligibility.engine.Evaluator;
import org.advising.eligibility.ops.DecisionAudit;
import org.advising.eligibility.ops.EvaluationMetrics;

/**
 * What the commands that answer requests without a server (evaluate, impact) build by hand that
 * the service gets from CDI: the service's JSON settings and its request reading, validation and
 * evaluation. Drools' build messages and the audit log are the service's, so they are quiet here.
 */
final class Standalone {

    private Standalone() {
    }

    /** Quarkus' JSON settings: ISO dates, and unknown properties left to the request reader's own strictness. */
    static ObjectMapper json() {
        return JsonMapper.builder().findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    static Evaluator evaluator(EligibilityConfig config) {
        return new Evaluator(config.evaluation().maxRuleFiringsPerOffering(), config.evaluation().timeLimit());
    }

    static Evaluations evaluations(ObjectMapper json, EligibilityConfig config) {
        Logger.getLogger("org.drools").setLevel(Level.WARNING);
        Logger.getLogger(DecisionAudit.CATEGORY).setLevel(Level.WARNING);
        return new Evaluations(new RequestReader(json), new RequestValidator(Validation.buildDefaultValidatorFactory().getValidator()),
                evaluator(config), new EvaluationMetrics(new SimpleMeterRegistry()), new DecisionAudit(json, config));
    }
}
