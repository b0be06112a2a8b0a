package org.advising.eligibility.engine.activate;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.nio.file.Path;
import java.util.Optional;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;

/**
 * For tests of the window before a rulebase is active: it skips the startup load, so the
 * service runs with no rulebase. Enabled only by the test profile that names it.
 */
@Alternative
@ApplicationScoped
public class NeverLoadedRulebase extends ActiveRulebase {

    public NeverLoadedRulebase() {
        super(Path.of("rules"), Path.of("rules/tests"), Optional.empty(), new RulebaseRunner(RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING), attempt -> { }); // never reloads
    }

    @Override
    void loadAtStartup(StartupEvent startup) {
        // deliberately not loading
    }
}
