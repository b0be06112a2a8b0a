package org.advising.eligibility.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.advising.eligibility.GeneratedInstitutions;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.options.TransferOptionsFinder;

/**
 * The CPU time of one operation on this thread, for comparing two builds side by side on a machine
 * others share (where JMH's wall-clock rows moved by more than their own size on 2026-12-06): the
 * thread's CPU clock counts only this thread's work, so the low quantiles of many short rounds stay
 * put while other processes come and go. Prints numbers, asserts nothing (docs/performance.md).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.advising.eligibility.bench.CpuTime service|three|to20000 ROUNDS</pre>
 *
 * {@code service} and {@code three} are EvaluationBenchmark's rows (rounds of 100 evaluations); {@code toN}
 * is TransferOptionsBenchmark at N generated institutions (rounds of 2 requests). 15 s of warm-up first.
 */
public final class CpuTime {

    private CpuTime() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO); // as the service runs (EvaluationBenchmark)
        String mode = args[0];
        int rounds = Integer.parseInt(args[1]);
        EvaluationRequest request = BenchRequests.request(BenchRequests.MIXED);
        Supplier<Object> operation;
        int perRound;
        if (mode.startsWith("to")) {
            Path folder = GeneratedInstitutions.rulesFolder(Files.createTempDirectory("institutions"), Integer.parseInt(mode.substring(2)), 42);
            Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(folder));
            org.advising.eligibility.Folders.delete(folder); // compiled: the generated files are not needed again
            RulebaseRunner runner = new RulebaseRunner(RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING, java.time.Duration.ofMinutes(1));
            TransferOptionsFinder finder = new TransferOptionsFinder(runner);
            operation = () -> finder.find(rulebase, request.learner(), request.offerings(), request.asOf(), org.advising.eligibility.intake.TransferOptionsRequest.DEFAULT_LIMIT,
                    runner.deadline());
            perRound = 2;
        } else {
            Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(Path.of("rules")));
            RulebaseRunner runner = new RulebaseRunner(RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING);
            List<ReceivingInstitution> institutions = mode.equals("three") ? Stream.of("example-state", "lakeside-cc", "harbor-grad")
                    .map(rulebase.institutions().inEffectOn(request.asOf())::get).toList() : List.of();
            operation = () -> runner.evaluate(rulebase, request.learner(), request.offerings(), request.asOf(), institutions);
            perRound = 100;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warm = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < warm) {
            operation.get();
        }
        double[] micros = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                operation.get();
            }
            micros[round] = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / perRound;
        }
        Arrays.sort(micros);
        System.out.printf("%s: CPU µs per operation: min %.1f, p10 %.1f, median %.1f (%d rounds of %d)%n", mode, micros[0],
                micros[rounds / 10], micros[rounds / 2], rounds, perRound);
    }
}
