package org.advising.eligibility.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.activate.ReloadAttempt;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.engine.evaluate.TracedConclusion;
import org.advising.eligibility.model.Topic;

/**
 * The service's own metrics, exported at /q/metrics (see docs/operations.md for each one).
 * Counters are looked up once per tag set and cached, so recording an evaluation is a handful
 * of increments.
 */
@ApplicationScoped
public class EvaluationMetrics {

    private final MeterRegistry registry;
    private final Timer evaluations;
    private final Timer failedEvaluations;
    private final Timer timedOutEvaluations;
    private final Map<String, Timer> transferOptions = new HashMap<>();
    private final Counter offeringDecisions;
    /** Per topic, by outcome: found without building a key per conclusion. */
    private final Map<Topic, Map<String, Counter>> conclusions = new EnumMap<>(Topic.class);
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();
    private volatile Gauge activeVersion;

    public EvaluationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluations = timer(registry, "ok");
        this.failedEvaluations = timer(registry, "rulebase_defect");
        this.timedOutEvaluations = timer(registry, "timed_out");
        for (String result : List.of("ok", "rulebase_defect", "timed_out")) {
            transferOptions.put(result, Timer.builder("eligibility.transfer.options")
                    .description("Transfer-options rankings (every institution in effect) and their time in the rule engine")
                    .tag("result", result).publishPercentileHistogram().register(registry));
        }
        for (Topic topic : Topic.values()) {
            conclusions.put(topic, new ConcurrentHashMap<>());
        }
        this.offeringDecisions = Counter.builder("eligibility.offering.decisions")
                .description("Offerings decided (one evaluation decides one or more)").register(registry);
    }

    private static Timer timer(MeterRegistry registry, String result) {
        return Timer.builder("eligibility.evaluations").description("Evaluations and their time in the rule engine")
                .tag("result", result).publishPercentileHistogram().register(registry);
    }

    public void evaluated(RulebaseAnswer evaluation, long nanos) {
        evaluations.record(Duration.ofNanos(nanos));
        offeringDecisions.increment(evaluation.decisions().size());
        for (OfferingDecision decision : evaluation.decisions()) {
            for (TracedConclusion conclusion : decision.conclusions()) {
                conclusions.get(conclusion.topic()).computeIfAbsent(conclusion.outcome(), outcome -> Counter
                        .builder("eligibility.conclusions").description("Conclusions drawn, by topic and outcome")
                        .tag("topic", conclusion.topic().name()).tag("outcome", conclusion.outcome()).register(registry))
                        .increment();
            }
        }
        evaluation.firingsByRule().forEach((rule, count) -> firings.computeIfAbsent(rule, name -> Counter
                .builder("eligibility.rule.firings").description("Rule firings, by rule name")
                .tag("rule", name).register(registry)).increment(count));
    }

    /**
     * A transfer-options request's ranking and its time in the rule engine, by result ({@code ok},
     * {@code rulebase_defect}, {@code timed_out}); its evaluations are not counted as evaluations.
     */
    public void rankedTransferOptions(String result, long nanos) {
        transferOptions.get(result).record(Duration.ofNanos(nanos));
    }

    public void failed(long nanos) {
        failedEvaluations.record(Duration.ofNanos(nanos));
    }

    public void timedOut(long nanos) {
        timedOutEvaluations.record(Duration.ofNanos(nanos));
    }

    /**
     * After the rulebase is loaded at start (a later observer): whether it is the last good one from the
     * cache, served because the rules folder was refused, as a gauge, and its version as the active one.
     */
    void lastGood(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent startup, ActiveRulebase rulebases) {
        Gauge.builder("eligibility.rulebase.last.good", () -> rulebases.servingLastGood() ? 1 : 0)
                .description("1 while the service serves the last good rulebase from its cache because the rules folder was refused at start")
                .register(registry);
        if (rulebases.servingLastGood()) {
            showActive(rulebases.require().version());
        }
    }

    void reloaded(@Observes ReloadAttempt attempt) {
        Counter.builder("eligibility.rulebase.reloads").description("Attempts to load the rules folder, by outcome and trigger")
                .tag("outcome", attempt.outcome().name()).tag("trigger", attempt.trigger()).register(registry).increment();
        if (attempt.outcome() == ReloadAttempt.Outcome.ACTIVATED) {
            showActive(attempt.version());
        }
    }

    /** The active version as the label of the one eligibility_rulebase_active gauge, replacing the previous one. */
    private void showActive(String version) {
        Gauge previous = activeVersion;
        activeVersion = Gauge.builder("eligibility.rulebase.active", () -> 1)
                .description("The active rulebase, named by its version label (always 1)")
                .tag("version", version).register(registry);
        if (previous != null && previous != activeVersion) {
            registry.remove(previous);
        }
    }
}
