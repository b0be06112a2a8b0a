package org.advising.eligibility.bench;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs the JMH benchmarks of {@link EvaluationBenchmark} in a forked JVM and prints one table.
 * It measures and prints; it asserts nothing about speed. Run with {@code ./mvnw test -Pbench}
 * (docs/performance.md).
 */
@Tag("benchmark")
class PerformanceBenchmark {

    @Test
    void in_process_evaluations_of_five_offerings() throws Exception {
        Collection<RunResult> throughput = new Runner(options()
                .include(EvaluationBenchmark.class.getName() + ".*")
                .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)
                .addProfiler(GCProfiler.class)
                .build()).run();
        Collection<RunResult> latency = new Runner(options()
                .include(EvaluationBenchmark.class.getName() + ".service$")
                .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS)
                .build()).run();

        StringBuilder table = new StringBuilder(String.format("%n%-18s %14s %22s %16s%n",
                "benchmark", "evaluations/s", "offering decisions/s", "bytes/evaluation"));
        for (RunResult run : throughput) {
            Result<?> score = run.getPrimaryResult();
            Result<?> bytes = run.getSecondaryResults().get("gc.alloc.rate.norm");
            table.append(String.format("%-18s %,14.0f %,22.0f %,16.0f%n", run.getParams().getBenchmark().replaceAll(".*\\.", ""),
                    score.getScore(), score.getScore() * EvaluationBenchmark.OFFERINGS, bytes == null ? Double.NaN : bytes.getScore()));
        }
        for (RunResult run : latency) {
            var statistics = run.getPrimaryResult().getStatistics();
            table.append(String.format("service latency per evaluation: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs (%d samples)%n",
                    statistics.getPercentile(50), statistics.getPercentile(99), statistics.getPercentile(99.9), statistics.getN()));
        }
        System.out.println(table);
    }

    private static ChainedOptionsBuilder options() {
        return new OptionsBuilder()
                .forks(1).threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(3))
                .measurementIterations(5).measurementTime(TimeValue.seconds(3))
                .jvmArgsAppend("-Xmx512m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
                .shouldFailOnError(true);
    }
}
