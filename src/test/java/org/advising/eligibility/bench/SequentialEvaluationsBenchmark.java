package org.advising.eligibility.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.advising.eligibility.api.EvaluationRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.advising.eligibility.engine.Evaluation;
import org.advising.eligibility.engine.Evaluator;
import org.advising.eligibility.engine.OfferingDecision;
import org.advising.eligibility.engine.Rulebase;
import org.advising.eligibility.engine.RulebaseCompiler;
import org.advising.eligibility.engine.RulesFolder;
import org.advising.eligibility.ops.EvaluationMetrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how long the real rules take to compile and to answer 1,000 evaluations one after
 * another in-process (the two-offering contract example 06). It measures; it asserts only that
 * every answer is the same. Run with {@code ./mvnw test -Pbench}; see docs/performance.md.
 */
@Tag("benchmark")
class SequentialEvaluationsBenchmark {

    private static final int WARM_UP = 2_000;
    private static final int RUNS = 1_000;

    @Test
    void compile_then_evaluate_1000_times_in_a_row() throws Exception {
        long started = System.nanoTime();
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(Path.of("rules")));
        double compileMs = (System.nanoTime() - started) / 1e6;

        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        JsonNode example = json.readTree(Path.of("src/main/resources/META-INF/resources/examples/06-degree-presumed-and-route.json").toFile());
        EvaluationRequest request = json.treeToValue(example.get("request"), EvaluationRequest.class);
        Evaluator evaluator = new Evaluator(100);

        List<OfferingDecision> first = evaluator.evaluate(rulebase, request.learner(), request.offerings()).decisions();
        for (int i = 0; i < WARM_UP; i++) {
            evaluator.evaluate(rulebase, request.learner(), request.offerings()).decisions();
        }
        long[] nanos = new long[RUNS];
        long total = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            long one = System.nanoTime();
            List<OfferingDecision> decisions = evaluator.evaluate(rulebase, request.learner(), request.offerings()).decisions();
            nanos[i] = System.nanoTime() - one;
            assertEquals(first, decisions);
        }
        double totalMs = (System.nanoTime() - total) / 1e6;
        Arrays.sort(nanos);
        System.out.printf("%nrules compiled: %d rules in %.0f ms (first build in this JVM)%n", rulebase.rules().size(), compileMs);
        System.out.printf("%d sequential evaluations of %d offerings after %d warm-up: %.1f ms in all, "
                        + "p50 %.3f ms, p99 %.3f ms, %.0f offering decisions/s%n%n",
                RUNS, request.offerings().size(), WARM_UP, totalMs, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6,
                RUNS * request.offerings().size() / (totalMs / 1000));
    }

    @Test
    void cost_of_recording_metrics_for_one_evaluation() throws Exception {
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(Path.of("rules")));
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        JsonNode example = json.readTree(Path.of("src/main/resources/META-INF/resources/examples/06-degree-presumed-and-route.json").toFile());
        EvaluationRequest request = json.treeToValue(example.get("request"), EvaluationRequest.class);
        Evaluation evaluation = new Evaluator(100).evaluate(rulebase, request.learner(), request.offerings());
        EvaluationMetrics metrics = new EvaluationMetrics(new SimpleMeterRegistry());
        for (int i = 0; i < 200_000; i++) {
            metrics.evaluated(evaluation, 1_000);
        }
        long started = System.nanoTime();
        int runs = 1_000_000;
        for (int i = 0; i < runs; i++) {
            metrics.evaluated(evaluation, 1_000);
        }
        System.out.printf("%nrecording metrics for one evaluation of %d offerings (%d conclusions, %d rules fired): %.0f ns%n%n",
                evaluation.decisions().size(), evaluation.decisions().stream().mapToInt(d -> d.conclusions().size()).sum(),
                evaluation.firingsByRule().size(), (System.nanoTime() - started) / (double) runs);
    }
}
