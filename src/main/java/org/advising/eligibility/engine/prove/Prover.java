package org.advising.eligibility.engine.prove;

import java.util.Optional;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulesFolder;

/**
 * The one path from a rules folder to a proven rulebase, taken by the service (at start and at
 * every reload), by {@code check}, {@code evaluate} and {@code impact} alike: take the proven rulebase from
 * the rulebase cache when the same files were proven before by this build under these limits;
 * otherwise compile the folder, run its scenarios, compute what they cover and, when every scenario
 * passes, keep it in the cache. A folder that does not compile throws
 * {@link org.advising.eligibility.engine.folder.RulebaseException} with every problem.
 */
public final class Prover {

    private final RulebaseRunner runner;
    private final Optional<RulebaseCache> cache;

    public Prover(RulebaseRunner runner, Optional<RulebaseCache> cache) {
        this.runner = runner;
        this.cache = cache;
    }

    /**
     * The verdict on a folder, what proving it found: its rulebase, the scenario report (empty when the
     * rulebase came from the cache, where only passing ones are kept), what the scenarios cover, and whether it
     * was taken from the cache or kept in it.
     */
    public record Verdict(RulesFolder folder, Rulebase rulebase, Optional<ScenarioRunner.Report> report, RuleCoverage coverage,
            boolean fromCache, boolean keptInCache) {

        /** Whether every scenario passed. */
        public boolean passed() {
            return report.map(run -> run.failures().isEmpty()).orElse(true);
        }

        public Proven proven() {
            return new Proven(rulebase, coverage);
        }
    }

    /** The folder's verdict, from the cache when it holds one, else compiled and proven. */
    public Verdict prove(RulesFolder folder) {
        Optional<Proven> cached = cache.flatMap(c -> c.load(folder, runner.limits()));
        return cached.map(proven -> cached(folder, proven)).orElseGet(() -> compileAndProve(folder));
    }

    /** The verdict on a folder whose proven rulebase was taken from the cache (here, or by a head start). */
    public Verdict cached(RulesFolder folder, Proven proven) {
        return new Verdict(folder, proven.rulebase(), Optional.empty(), proven.coverage(), true, false);
    }

    /** The evaluation limits the scenarios run under, which a cached rulebase must have been proven under. */
    public String limits() {
        return runner.limits();
    }

    /** The folder compiled and its scenarios run, whatever the cache holds (check); kept in the cache when they pass. */
    public Verdict compileAndProve(RulesFolder folder) {
        Rulebase rulebase = new RulebaseCompiler().compile(folder);
        ScenarioRunner.Report report = ScenarioRunner.run(rulebase, runner, folder.scenarioFiles());
        RuleCoverage coverage = RuleCoverage.of(rulebase, report);
        boolean passed = report.failures().isEmpty();
        boolean kept = passed && cache.map(c -> c.store(folder, runner.limits(), new Proven(rulebase, coverage))).orElse(false);
        return new Verdict(folder, rulebase, Optional.of(report), coverage, false, kept);
    }

    /** The last rulebase kept in the cache, proven under these limits by this build: what a refused start serves. */
    public Optional<Proven> lastGood() {
        return cache.flatMap(c -> c.lastGood(runner.limits()));
    }

    /** Whether proofs are kept anywhere. */
    public boolean caches() {
        return cache.isPresent();
    }
}
