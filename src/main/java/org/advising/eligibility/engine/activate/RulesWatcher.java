package org.advising.eligibility.engine.activate;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.jboss.logging.Logger;

/**
 * Watches the rules folder by reading its content hash at a fixed interval. A change is reloaded
 * once two readings in a row agree (the debounce: an editor's half-written file or a ConfigMap's
 * symlink swap settles first). A version that was refused is not tried again until it changes.
 */
@ApplicationScoped
public class RulesWatcher {

    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);

    private final ActiveRulebase rulebases;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private String lastSeen;
    private String lastTried;

    public RulesWatcher(ActiveRulebase rulebases, EligibilityConfig config) {
        this.rulebases = rulebases;
        this.interval = config.rules().watchInterval();
    }

    void start(@Observes StartupEvent startup) {
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("Watching the rules folder is off (eligibility.rules.watch-interval=0)");
            return;
        }
        lastTried = folderState();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rules-watcher");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::look, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void look() {
        try {
            String state = folderState();
            boolean settled = state.equals(lastSeen);
            lastSeen = state;
            if (settled && !state.equals(lastTried)) {
                lastTried = state;
                rulebases.reload("rules folder changed");
            }
        } catch (RuntimeException | Error e) {
            // Anything thrown here would cancel the schedule: no later change would ever be loaded.
            LOG.error("Watching the rules folder failed; it will be looked at again", e);
        }
    }

    /** A hash of the folder's rules and scenarios, or its problem when it cannot be read (mid-swap, or emptied). */
    private String folderState() {
        try {
            return rulebases.read().contentHash();
        } catch (RulebaseException e) {
            return "unreadable: " + String.join("; ", e.errors());
        }
    }
}
