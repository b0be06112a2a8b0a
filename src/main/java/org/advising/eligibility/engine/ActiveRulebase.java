package org.advising.eligibility.engine;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The rulebase the service answers with. It is compiled from the rules folder at startup; a
 * folder that does not compile stops startup with every error listed.
 */
@ApplicationScoped
public class ActiveRulebase {

    private static final Logger LOG = Logger.getLogger(ActiveRulebase.class);

    private final Path rulesFolder;
    private final AtomicReference<Rulebase> active = new AtomicReference<>();

    public ActiveRulebase(@ConfigProperty(name = "eligibility.rules.folder", defaultValue = "rules") Path rulesFolder) {
        this.rulesFolder = rulesFolder;
    }

    void loadAtStartup(@Observes StartupEvent startup) {
        long started = System.nanoTime();
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(rulesFolder));
        active.set(rulebase);
        LOG.infof("Rulebase %s loaded from %s: %d rules in %d files (%d ms)", rulebase.version(),
                rulesFolder.toAbsolutePath().normalize(), rulebase.rules().size(),
                rulebase.rules().values().stream().map(RuleInfo::file).distinct().count(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The active rulebase, or empty while none is loaded. */
    public Optional<Rulebase> current() {
        return Optional.ofNullable(active.get());
    }

    /** The active rulebase; an evaluation asked for before one is loaded gets {@link RulebaseUnavailableException}. */
    public Rulebase require() {
        return current().orElseThrow(RulebaseUnavailableException::new);
    }
}
