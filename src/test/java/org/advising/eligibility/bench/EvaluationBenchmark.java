package org.advising.eligibility.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.model.Conclusion;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.nextsteps.NextStep;
import org.advising.eligibility.nextsteps.NextStepsFinder;
import org.kie.api.KieServices;
import org.kie.api.command.BatchExecutionCommand;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH benchmarks of one evaluation of the default rules for a learner with five mixed offerings
 * ({@link BenchRequests}).
 *
 * <p>{@code service} is what the service runs ({@link RulebaseRunner}: a pooled session, the
 * conclusion recorder, the summary per offering). The three {@code session*} benchmarks do the
 * engine work (insert the facts, fire, collect the conclusions) with the three ways Drools offers
 * to get a session, to choose between them; they keep no hit policy, so they keep the conclusions
 * the service overrules as well. Run by {@link PerformanceBenchmarkIT}.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvaluationBenchmark {

    private Rulebase rulebase;
    private RulebaseRunner runner;
    private EvaluationRequest request;
    private List<ReceivingInstitution> institutions;
    private List<Object> facts;
    private KieSessionConfiguration pseudoClock;
    private KieSessionsPool pool;
    private StatelessKieSession stateless;
    private BatchExecutionCommand statelessCommands;
    private final List<Conclusion> statelessConclusions = new ArrayList<>();
    /** The second core's evaluation worker, as the service lends it to a request's next steps on 2 cores. */
    private final java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newSingleThreadExecutor();

    @Setup(Level.Trial)
    public void compileTheRules() throws IOException {
        // As in the service (quarkus.log.level=INFO): Drools formats trace messages whenever TRACE is on.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        rulebase = new RulebaseCompiler().compile(RulesFolder.read(Path.of("rules")));
        runner = new RulebaseRunner(RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING);
        request = BenchRequests.request(BenchRequests.MIXED);
        institutions = Stream.of("example-state", "lakeside-cc", "harbor-grad")
                .map(rulebase.institutions().inEffectOn(request.asOf())::get).toList();
        facts = new ArrayList<>(rulebase.policyFactsOn(request.asOf()));
        facts.add(request.learner());
        facts.addAll(request.learner().records());
        request.offerings().stream().map(Offering::provider).distinct().forEach(facts::add);
        facts.addAll(request.offerings());
        pseudoClock = KieServices.Factory.get().newKieSessionConfiguration();
        pseudoClock.setOption(ClockTypeOption.PSEUDO);
        pool = rulebase.kieBase().newKieSessionsPool(1);
        stateless = rulebase.kieBase().newStatelessKieSession(pseudoClock);
        stateless.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof Conclusion conclusion) {
                    statelessConclusions.add(conclusion);
                }
            }
        });
        KieCommands commands = KieServices.Factory.get().getCommands();
        List<Command<?>> batch = new ArrayList<>();
        batch.add(commands.newInsertElements(facts));
        for (int topic = rulebase.topicOrder().size() - 1; topic >= 0; topic--) {
            batch.add(commands.newAgendaGroupSetFocus(rulebase.topicOrder().get(topic)));
        }
        batch.add(commands.newFireAllRules());
        statelessCommands = commands.newBatchExecution(batch);
        // The bare sessions keep no hit policy (the service's recorder does, PR-2): they also keep the conclusions a FIRST
        // topic overrules, and what later topics draw from them, so they draw at least the service's conclusions.
        int expected = service().decisions().stream().mapToInt(decision -> decision.conclusions().size()).sum();
        for (Collection<?> conclusions : List.of(sessionNew(), sessionPooled(), sessionStateless())) {
            if (conclusions.size() < expected) {
                throw new IllegalStateException("a session strategy drew " + conclusions.size() + " conclusions, fewer than the service's " + expected);
            }
        }
    }

    @TearDown(Level.Trial)
    public void closeThePool() {
        pool.shutdown();
        helper.shutdown();
    }

    @Benchmark
    public RulebaseAnswer service() {
        return runner.evaluate(rulebase, request.learner(), request.offerings(), request.asOf());
    }

    /** The same request naming three receiving institutions: a transfer per offering and institution, and the totals. */
    @Benchmark
    public RulebaseAnswer serviceThreeInstitutions() {
        return runner.evaluate(rulebase, request.learner(), request.offerings(), request.asOf(), institutions);
    }

    /** The same request with three institutions and its next steps (NS): the answer, then every move tried on it. */
    @Benchmark
    public Map<String, List<NextStep>> serviceThreeInstitutionsNextSteps() {
        RulebaseAnswer now = runner.evaluate(rulebase, request.learner(), request.offerings(), request.asOf(), institutions);
        return new NextStepsFinder(runner).find(new NextStepsFinder.Request(rulebase, request.learner(), request.offerings(),
                request.asOf(), institutions, now), runner.deadline());
    }

    /** The same, its kinds of moves searched on this thread and one more, as the service does on 2 cores: the time to an answer. */
    @Benchmark
    public Map<String, List<NextStep>> serviceThreeInstitutionsNextStepsTwoThreads() {
        RulebaseAnswer now = runner.evaluate(rulebase, request.learner(), request.offerings(), request.asOf(), institutions);
        return new NextStepsFinder(runner, helper, 1).find(new NextStepsFinder.Request(rulebase, request.learner(), request.offerings(),
                request.asOf(), institutions, now), runner.deadline());
    }

    @Benchmark
    public Collection<?> sessionNew() {
        try (KieSession session = rulebase.kieBase().newKieSession(pseudoClock, null)) {
            return insertAndFire(session);
        }
    }

    @Benchmark
    public Collection<?> sessionPooled() {
        KieSession session = pool.newKieSession(pseudoClock);
        try {
            return insertAndFire(session);
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    public Collection<?> sessionStateless() {
        statelessConclusions.clear();
        stateless.execute(statelessCommands);
        return statelessConclusions;
    }

    private Collection<?> insertAndFire(KieSession session) {
        facts.forEach(session::insert);
        rulebase.focusTopics(session); // as the service does
        session.fireAllRules();
        return new ArrayList<>(session.getObjects(fact -> fact instanceof Conclusion));
    }
}
