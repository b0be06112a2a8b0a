package org.advising.eligibility.bench;

import org.advising.eligibility.ContractExamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.advising.eligibility.api.EvaluationRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.advising.eligibility.engine.Evaluation;
import org.advising.eligibility.engine.Evaluator;
import org.advising.eligibility.engine.Rulebase;
import org.advising.eligibility.engine.RulebaseCompiler;
import org.advising.eligibility.engine.RulesFolder;
import org.advising.eligibility.ops.EvaluationMetrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints what recording the metrics of one evaluation costs. It measures; it asserts nothing.
 * Run with {@code ./mvnw test -Pbench}; see docs/performance.md.
 */
@Tag("benchmark")
class MetricsCostBenchmark {

    @Test
    void cost_of_recording_metrics_for_one_evaluation() throws Exception {
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(Path.of("rules")));
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        JsonNode example = ContractExamples.read("06-degree-presumed-and-route.json");
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
