package org.advising.eligibility.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How evaluations of the service scale: with the number of rules ({@code rules}: the real rules
 * alone, or with generated ones up to that total, see {@link GeneratedRules}) and with the number
 * of offerings in one request ({@code offerings}, see {@link BenchRequests}). Run by
 * {@link PerformanceBenchmarkIT}, one parameter at a time.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScalingBenchmark {

    /** "real" for the rules of rules/ alone, or a total number of rules. */
    @Param("real")
    public String rules;

    /** How the generated rules are written: "joined" or "indexed" (see {@link GeneratedRules.Shape}). */
    @Param("joined")
    public String shape;

    @Param("5")
    public int offerings;

    private Rulebase rulebase;
    private RulebaseRunner runner;
    private EvaluationRequest request;

    @Setup(Level.Trial)
    public void compileTheRules() throws IOException {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        Path folder = rules.equals("real") ? Path.of("rules")
                : GeneratedRules.write(Files.createTempDirectory("rules-" + rules), Integer.parseInt(rules),
                        GeneratedRules.Shape.valueOf(shape.toUpperCase(java.util.Locale.ROOT)));
        try {
            rulebase = new RulebaseCompiler().compile(RulesFolder.read(folder));
        } finally {
            if (!rules.equals("real")) {
                org.advising.eligibility.Folders.delete(folder); // read: the generated files are not needed again
            }
        }
        runner = new RulebaseRunner(RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING);
        request = BenchRequests.request(offerings);
        int decided = evaluate().decisions().size();
        if (decided != offerings) {
            throw new IllegalStateException(decided + " decisions for " + offerings + " offerings");
        }
    }

    @Benchmark
    public RulebaseAnswer evaluate() {
        return runner.evaluate(rulebase, request.learner(), request.offerings(), request.asOf());
    }
}
