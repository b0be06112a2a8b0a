package org.advising.eligibility.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.ops.EvaluationMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** What recording the metrics of one five-offering evaluation costs. Run by {@link PerformanceBenchmarkIT}. */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsCostBenchmark {

    private RulebaseAnswer evaluation;
    private EvaluationMetrics metrics;

    @Setup(Level.Trial)
    public void evaluateOnce() throws IOException {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        EvaluationRequest request = BenchRequests.request(BenchRequests.MIXED);
        evaluation = new RulebaseRunner(RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING).evaluate(
                new RulebaseCompiler().compile(RulesFolder.read(Path.of("rules"))), request.learner(), request.offerings(), request.asOf());
        metrics = new EvaluationMetrics(new SimpleMeterRegistry());
    }

    @Benchmark
    public void recordMetrics() {
        metrics.evaluated(evaluation, 1_000);
    }
}
