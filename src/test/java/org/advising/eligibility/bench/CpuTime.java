package org.advising.eligibility.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.advising.eligibility.bench.CpuTime service|three|service,three|to20000 ROUNDS</pre>
 *
 * {@code service} and {@code three} are EvaluationBenchmark's rows (rounds of 100 evaluations); {@code toN}
 * is TransferOptionsBenchmark at N generated institutions (rounds of 2 requests). 15 s of warm-up first.
 * Two modes ({@code service,three}) alternate their rounds in one JVM and print, besides each one's numbers,
 * the ratio of the second to the first over each pair of rounds: what naming three institutions adds, with
 * the machine's drift shared by both sides of every pair (two runs an hour apart can differ by a third).
 * {@code ./mvnw verify -Pbench} runs it too, in a JVM of its own, for the CPU-time rows of its table.
 */
public final class CpuTime {

    private CpuTime() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO); // as the service runs (EvaluationBenchmark)
        List<String> modes = List.of(args[0].split(","));
        int rounds = Integer.parseInt(args[1]);
        EvaluationRequest request = BenchRequests.request(BenchRequests.MIXED);
        List<Operation> operations = new java.util.ArrayList<>();
        for (String mode : modes) {
            operations.add(operation(mode, request));
        }
        long warm = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < warm) {
            for (Operation operation : operations) {
                operation.run.get();
            }
        }
        // With two modes their rounds alternate, so each pair of rounds shares the machine's state of the moment.
        double[][] micros = new double[operations.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int m = 0; m < operations.size(); m++) {
                micros[m][round] = operations.get(m).round();
            }
        }
        if (operations.size() == 2) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = micros[1][round] / micros[0][round];
            }
            Arrays.sort(ratios);
            System.out.printf(java.util.Locale.ROOT, "%s / %s: CPU time ratio of alternated rounds: p10 ×%.3f, median ×%.3f, p90 ×%.3f (%d pairs)%n",
                    modes.get(1), modes.get(0), ratios[rounds / 10], ratios[rounds / 2], ratios[rounds * 9 / 10], rounds);
        }
        for (int m = 0; m < operations.size(); m++) {
            double[] sorted = micros[m].clone();
            Arrays.sort(sorted);
            System.out.printf(java.util.Locale.ROOT, "%s: CPU µs per operation: min %.1f, p10 %.1f, median %.1f (%d rounds of %d)%n", modes.get(m),
                    sorted[0], sorted[rounds / 10], sorted[rounds / 2], rounds, operations.get(m).perRound);
        }
    }

    /** One mode's operation, and how many of it make a round. */
    private record Operation(Supplier<Object> run, int perRound) {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        /** The CPU µs of this thread per operation over one round. */
        double round() {
            long cpu = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                run.get();
            }
            return (THREADS.getCurrentThreadCpuTime() - cpu) / 1000.0 / perRound;
        }
    }

    private static Operation operation(String mode, EvaluationRequest request) throws Exception {
        if (mode.startsWith("to")) {
            Rulebase rulebase = GeneratedInstitutions.rulebase(Integer.parseInt(mode.substring(2)), 42);
            RulebaseRunner runner = new RulebaseRunner(RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING, java.time.Duration.ofMinutes(1));
            TransferOptionsFinder finder = new TransferOptionsFinder(runner);
            return new Operation(() -> finder.find(rulebase, request.learner(), request.offerings(), request.asOf(),
                    org.advising.eligibility.intake.TransferOptionsRequest.DEFAULT_LIMIT, runner.deadline()), 2);
        }
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(Path.of("rules")));
        RulebaseRunner runner = new RulebaseRunner(RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING);
        List<ReceivingInstitution> institutions = switch (mode) {
            case "service" -> List.of();
            case "three" -> Stream.of("example-state", "lakeside-cc", "harbor-grad").map(rulebase.institutions().inEffectOn(request.asOf())::get).toList();
            default -> throw new IllegalArgumentException("no such mode: " + mode + " (service, three, toN, or two of them: service,three)");
        };
        return new Operation(() -> runner.evaluate(rulebase, request.learner(), request.offerings(), request.asOf(), institutions), 100);
    }
}
