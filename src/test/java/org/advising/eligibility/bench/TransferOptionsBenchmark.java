package org.advising.eligibility.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.advising.eligibility.GeneratedInstitutions;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.options.TransferOptionsFinder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Transfer options (TO) for the benchmark's five offerings against a generated institutions file
 * ({@link GeneratedInstitutions}, seed 42) of {@code institutions} entries in effect: the time of one
 * request, on one thread. Run by {@link PerformanceBenchmarkIT}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TransferOptionsBenchmark {

    @Param("2000")
    public int institutions;

    private Rulebase rulebase;
    private RulebaseRunner runner;
    private TransferOptionsFinder finder;
    private EvaluationRequest request;

    @Setup(Level.Trial)
    public void compileTheRules() throws IOException {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        rulebase = GeneratedInstitutions.rulebase(institutions, 42);
        // A minute per request, not the service's 5 s: the time is what is measured, and the first, cold request for
        // 20,000 institutions took longer than 5 s on a slow day (three times slower than usual), failing the whole run.
        runner = new RulebaseRunner(RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING, java.time.Duration.ofMinutes(1));
        finder = new TransferOptionsFinder(runner);
        request = BenchRequests.request(BenchRequests.MIXED);
        int considered = options().considered();
        if (considered != institutions) {
            throw new IllegalStateException(considered + " institutions considered, not " + institutions);
        }
    }

    @Benchmark
    public TransferOptionsFinder.Ranked options() {
        return finder.find(rulebase, request.learner(), request.offerings(), request.asOf(), org.advising.eligibility.intake.TransferOptionsRequest.DEFAULT_LIMIT,
                runner.deadline());
    }
}
