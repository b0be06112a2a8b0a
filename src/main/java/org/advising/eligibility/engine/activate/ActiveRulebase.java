package org.advising.eligibility.engine.activate;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.prove.Proven;
import org.advising.eligibility.engine.prove.Prover;
import org.advising.eligibility.engine.prove.RuleCoverage;
import org.advising.eligibility.engine.prove.RulebaseCache;
import org.advising.eligibility.engine.prove.ScenarioRunner;
import org.jboss.logging.Logger;

/**
 * The rulebase the service answers with. It is compiled from the rules folder at startup, where
 * rules that do not load or scenarios that fail stop the service; later reloads activate a new
 * rulebase only when it compiles and passes its scenarios, and otherwise keep the last good one.
 * Activation swaps one reference: an evaluation keeps the rulebase it started with. Every attempt
 * is announced as a CDI event.
 */
@ApplicationScoped
public class ActiveRulebase {

    private static final Logger LOG = Logger.getLogger(ActiveRulebase.class);

    private final Path rulesFolder;
    private final Path scenarioFolder;
    private final Prover prover;
    private final Consumer<ReloadAttempt> reloads;
    /** The cache settings the service runs with, which a head start must have used; empty outside the service. */
    private final Optional<EligibilityConfig.Rules> settings;
    /** The rulebase that serves and how much of it the scenarios that proved it exercise, swapped together. */
    private final AtomicReference<Proven> active = new AtomicReference<>();
    private volatile ReloadAttempt lastAttempt;
    /** True while the active rulebase is the last good one from the cache, taken at a start whose folder was refused. */
    private volatile boolean servingLastGood;

    @Inject
    public ActiveRulebase(EligibilityConfig config, RulebaseRunner runner, Event<ReloadAttempt> reloads) {
        this(config.rules().folder(), config.rules().scenarios(),
                RulebaseCache.in(config.rules().cacheFolder(), config.rules().cacheKey()), runner,
                reloads::fire, Optional.of(config.rules()));
    }

    /** {@code reloads} hears of every reload attempt (the CDI event in the service). */
    public ActiveRulebase(Path rulesFolder, Path scenarioFolder, Optional<RulebaseCache> cache, RulebaseRunner runner, Consumer<ReloadAttempt> reloads) {
        this(rulesFolder, scenarioFolder, cache, runner, reloads, Optional.empty());
    }

    private ActiveRulebase(Path rulesFolder, Path scenarioFolder, Optional<RulebaseCache> cache, RulebaseRunner runner,
            Consumer<ReloadAttempt> reloads, Optional<EligibilityConfig.Rules> settings) {
        this.settings = settings;
        this.rulesFolder = rulesFolder;
        this.scenarioFolder = scenarioFolder;
        this.prover = new Prover(runner, cache);
        this.reloads = reloads;
    }

    void loadAtStartup(@Observes StartupEvent startup) {
        ReloadAttempt attempt = reload("startup");
        Optional<Proven> lastGood = attempt.outcome() == ReloadAttempt.Outcome.REFUSED ? prover.lastGood() : Optional.empty();
        if (lastGood.isPresent()) {
            // As OPA activates its persisted bundle: a pod restarted on a folder that is now refused serves what it
            // proved before, and says so, rather than crash-looping every replica that reads the same ConfigMap.
            active.set(lastGood.get());
            servingLastGood = true;
            LOG.warnf("Rules in %s refused at start; serving the last good rulebase %s from the rulebase cache until a "
                    + "change of the folder is proven", RulesFolder.shown(rulesFolder), lastGood.get().rulebase().version());
        } else if (attempt.outcome() == ReloadAttempt.Outcome.REFUSED) {
            List<String> problems = new ArrayList<>(attempt.errors());
            attempt.failingScenarios().forEach(failure -> problems.add("scenario failed: " + failure));
            throw new RulebaseException(problems);
        }
    }

    /**
     * Reads and compiles the rules folder and runs its scenarios; activates the result only if all
     * of that succeeds. One reload at a time; evaluations go on meanwhile on the active rulebase.
     */
    public synchronized ReloadAttempt reload(String trigger) {
        long started = System.nanoTime();
        Rulebase current = current().orElse(null);
        ReloadAttempt attempt;
        try {
            RulesFolder folder = read();
            if (current != null && current.version().equals(folder.version())) {
                attempt = new ReloadAttempt(Instant.now(), trigger, ReloadAttempt.Outcome.UNCHANGED, folder.version(), List.of(), List.of());
            } else {
                Optional<Proven> headStart = settings.flatMap(rules -> HeadStart.taken(folder, rulesFolder, prover.limits(), rules));
                attempt = activate(headStart.map(taken -> prover.cached(folder, taken)).orElseGet(() -> prover.prove(folder)), trigger, started,
                        headStart.isPresent());
            }
        } catch (RulebaseException e) {
            attempt = refused(trigger, null, e.errors(), List.of(), e.count());
        } catch (RuntimeException | StackOverflowError e) {
            // Whatever reading or compiling throws is a refusal too: the last good rulebase serves on, and the
            // watcher and the admin endpoint that asked live on to try the next change.
            LOG.error("Reading or compiling the rules failed unexpectedly", e);
            attempt = refused(trigger, null, List.of("The rules could not be read or compiled: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())), List.of(), "1 error");
        }
        lastAttempt = attempt;
        reloads.accept(attempt);
        return attempt;
    }

    /** Activates a verdict that passed (logging how it was proven), or refuses one whose scenarios failed. */
    private ReloadAttempt activate(Prover.Verdict verdict, String trigger, long started, boolean byHeadStart) {
        Rulebase candidate = verdict.rulebase();
        if (!verdict.passed()) {
            ScenarioRunner.Report report = verdict.report().orElseThrow();
            return refused(trigger, candidate.version(), List.of(), report.failures().stream().map(Object::toString).toList(), report.summary());
        }
        active.set(verdict.proven());
        servingLastGood = false;
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (verdict.fromCache()) {
            LOG.infof("Rulebase %s activated (%s) from %s: %d rules, proven before with the same files, scenarios and build, "
                    + "taken from the rulebase cache%s (%d ms)", candidate.version(), trigger, rulesFolder.toAbsolutePath().normalize(),
                    candidate.rules().size(), byHeadStart ? " and warmed up while the service started" : "", millis);
        } else {
            RuleCoverage coverage = verdict.coverage();
            LOG.infof("Rulebase %s activated (%s) from %s: %d rules, scenarios %s, %d of %d rules fired (%s%%) (%d ms)",
                    candidate.version(), trigger, rulesFolder.toAbsolutePath().normalize(), candidate.rules().size(),
                    verdict.report().orElseThrow().summary(), coverage.rulesFired(), candidate.rules().size(), coverage.percent(), millis);
            if (verdict.folder().scenarioFiles().isEmpty()) {
                LOG.warnf("No scenario file in %s: rulebase %s is active without a scenario proving it",
                        scenarioFolder.toAbsolutePath().normalize(), candidate.version());
            }
        }
        return new ReloadAttempt(Instant.now(), trigger, ReloadAttempt.Outcome.ACTIVATED, candidate.version(), List.of(), List.of(),
                verdict.fromCache());
    }

    private ReloadAttempt refused(String trigger, String version, List<String> errors, List<String> failing, String summary) {
        Rulebase current = current().orElse(null);
        LOG.errorf("Rules in %s refused (%s: %s); %s:%n  %s", rulesFolder.toAbsolutePath().normalize(), trigger, summary,
                current == null ? "no rulebase is active" : "still serving " + current.version(),
                String.join("\n  ", errors.isEmpty() ? failing : errors));
        return new ReloadAttempt(Instant.now(), trigger, ReloadAttempt.Outcome.REFUSED, version, errors, failing);
    }

    /** The active rulebase, or empty while none is loaded. */
    public Optional<Rulebase> current() {
        return Optional.ofNullable(active.get()).map(Proven::rulebase);
    }

    /** The active rulebase with the coverage of the scenarios that proved it, or empty while none is loaded. */
    public Optional<Proven> proven() {
        return Optional.ofNullable(active.get());
    }

    /** The active rulebase; an evaluation asked for before one is loaded gets {@link RulebaseUnavailableException}. */
    public Rulebase require() {
        return current().orElseThrow(RulebaseUnavailableException::new);
    }

    /** Whether the active rulebase is the last good one from the cache, taken because the folder was refused at start. */
    public boolean servingLastGood() {
        return servingLastGood;
    }

    /** The last reload attempt, or empty before the first. */
    public Optional<ReloadAttempt> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    public Path folder() {
        return rulesFolder;
    }

    /** The rules folder as it is now on disk, with its scenarios. */
    public RulesFolder read() {
        return RulesFolder.read(rulesFolder, scenarioFolder);
    }
}
