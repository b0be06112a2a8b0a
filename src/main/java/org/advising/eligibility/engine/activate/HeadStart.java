package org.advising.eligibility.engine.activate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.prove.Proven;
import org.advising.eligibility.engine.prove.RulebaseCache;
import org.advising.eligibility.engine.prove.ScenarioRunner;
import org.jboss.logging.Logger;

/**
 * A restart's head start. While Quarkus boots on the main thread, a second thread takes the rules
 * folder's proven rulebase from the rulebase cache and runs, unchecked, the few scenario cases that
 * between them fire every rule the scenarios fire, so that the rule engine has analysed the rules'
 * constraints before the first request comes. The service's
 * start uses what it took only for the same folder, content, limits, cache folder and key; in every
 * other case (no cache, a miss, a changed folder, any failure) it proves the folder as always. A
 * folder to compile is compiled on the startup path, where a refusal stops the start.
 */
public final class HeadStart {

    private static final Logger LOG = Logger.getLogger(HeadStart.class);
    private static volatile FutureTask<Optional<Taken>> begun;
    /**
     * The rule engine's loggers at INFO before it loads a class: Drools reads "is debug on" into
     * static fields once, and before Quarkus has set the levels every logger answers yes, which
     * would turn on debug code paths (one of them throws) for the life of the JVM. Held here, so
     * the levels are not collected with their loggers. Quarkus' own settings apply on top.
     */
    private static final List<java.util.logging.Logger> ENGINE_LOGGERS = List.of(java.util.logging.Logger.getLogger("org.drools"),
            java.util.logging.Logger.getLogger("org.kie"), java.util.logging.Logger.getLogger("org.mvel2"));

    /** What the head start took, and under which settings. */
    private record Taken(Path folder, String contentHash, String limits, Optional<Path> cacheFolder, Optional<String> cacheKey,
            Proven proven) {
    }

    private HeadStart() {
    }

    /** Begins the head start with the service's settings, read on the head start's own thread. */
    public static void begin(Supplier<EligibilityConfig> settings) {
        ENGINE_LOGGERS.forEach(logger -> logger.setLevel(Level.INFO));
        FutureTask<Optional<Taken>> task = new FutureTask<>(() -> take(settings.get()));
        Thread thread = new Thread(task, "rulebase-head-start");
        thread.setDaemon(true);
        begun = task;
        thread.start();
    }

    /**
     * Takes the rulebase from the cache and warms it up with the few scenario cases that between
     * them fire every rule the scenarios fire (a warm-up checks nothing: the rulebase was proven).
     */
    private static Optional<Taken> take(EligibilityConfig config) {
        RulebaseRunner runner = new RulebaseRunner(config);
        Optional<RulebaseCache> cache = RulebaseCache.in(config.rules().cacheFolder(), config.rules().cacheKey());
        if (cache.isEmpty()) {
            return Optional.empty();
        }
        RulesFolder folder = RulesFolder.read(config.rules().folder(), config.rules().scenarios());
        Optional<Proven> proven = cache.get().load(folder, runner.limits());
        proven.ifPresent(taken -> ScenarioRunner.warmUp(taken.rulebase(), runner, folder.scenarioFiles(), taken.coverage().covering()));
        return proven.map(taken -> new Taken(config.rules().folder().toAbsolutePath().normalize(), folder.contentHash(), runner.limits(),
                config.rules().cacheFolder(), config.rules().cacheKey(), taken));
    }

    /**
     * The rulebase the head start took for this folder as it is now, under these limits and cache
     * settings, once (waiting for the head start to finish); empty when none was begun or it took
     * something else.
     */
    static Optional<Proven> taken(RulesFolder folder, Path rulesFolder, String limits, EligibilityConfig.Rules settings) {
        FutureTask<Optional<Taken>> task = begun;
        begun = null;
        if (task == null) {
            return Optional.empty();
        }
        try {
            return task.get().filter(taken -> taken.folder().equals(rulesFolder.toAbsolutePath().normalize())
                    && taken.contentHash().equals(folder.contentHash()) && taken.limits().equals(limits)
                    && taken.cacheFolder().equals(settings.cacheFolder()) && taken.cacheKey().equals(settings.cacheKey()))
                    .map(Taken::proven);
        } catch (ExecutionException e) {
            LOG.debugf("The head start took nothing (%s); the rules folder is proven as usual", e.getCause());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
