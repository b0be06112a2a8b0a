package org.advising.eligibility.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.decisions.BatchEvaluations;
import org.advising.eligibility.problems.Problems;
import org.advising.eligibility.decisions.DecisionService;
import org.advising.eligibility.decisions.OfferingResult;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.prove.Prover;
import org.advising.eligibility.engine.prove.ScenarioRunner;

/**
 * {@code evaluate --input requests.jsonl [--rules DIR] [--output answers.jsonl] [--partition i/n]}:
 * the batch endpoint without a server. Reads one request per line, writes the same NDJSON answer
 * lines as POST /api/v1/evaluations/batch, and prints a summary (counts per answer of each summary
 * field, and errors) to stderr, with a progress line while it runs when stderr is a terminal.
 * {@code --partition i/n} answers only the lines whose number minus one leaves i when divided by n,
 * so n processes (a Kubernetes Indexed Job) share one file; merged by {@code line}, their outputs
 * equal one run's. The rules must load and pass their scenarios, as the service requires. Exit 0
 * when it ran, 2 when the rules do not load or fail a scenario, 64 when the command is misused.
 */
public final class EvaluateCommand {

    private static final Pattern PARTITION = Pattern.compile("(\\d+)/(\\d+)");

    private EvaluateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Matcher partition = PARTITION.matcher(options.getOrDefault("--partition", "0/1"));
        if (args.length % 2 != 0 || !options.containsKey("--input") || !partition.matches()
                || !options.keySet().stream().allMatch(key -> key.matches("--(input|output|rules|partition)"))
                || Integer.parseInt(partition.group(1)) >= Integer.parseInt(partition.group(2))) {
            err.println("usage: evaluate --input requests.jsonl [--rules DIR] [--output answers.jsonl] [--partition i/n, 0 <= i < n]");
            return 64;
        }
        int index = Integer.parseInt(partition.group(1));
        int count = Integer.parseInt(partition.group(2));
        EligibilityConfig config = Standalone.configuration();
        ObjectMapper json = Standalone.json();
        RulebaseRunner runner = Standalone.runner(config);
        DecisionService decisions = Standalone.decisionService(json, config, runner);
        Path rules = Path.of(options.getOrDefault("--rules", config.rules().folder().toString()));
        Rulebase rulebase;
        try {
            Prover.Verdict verdict = Standalone.prover(config, runner).prove(RulesFolder.read(rules, config.rules().scenariosFor(rules)));
            rulebase = verdict.rulebase();
            if (!verdict.passed()) {
                ScenarioRunner.Report report = verdict.report().orElseThrow();
                report.failures().forEach(err::println);
                err.println("The rules fail their scenarios (" + report.summary() + "): run check, and evaluate once they pass.");
                return 2;
            }
        } catch (RulebaseException e) {
            e.errors().forEach(err::println);
            err.println("The rules do not load: " + e.count());
            return 2;
        }
        Path input = Path.of(options.get("--input"));
        boolean terminal = System.console() != null;
        Summary summary = new Summary(rulebase.version(), terminal ? lineCount(input, index, count) : 0, terminal ? err : null);
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "evaluate");
            thread.setDaemon(true);
            return thread;
        });
        try (InputStream in = Files.newInputStream(input);
                OutputStream answers = options.containsKey("--output")
                        ? new BufferedOutputStream(Files.newOutputStream(Path.of(options.get("--output"))))
                        : new BufferedOutputStream(out)) {
            new BatchEvaluations(decisions, config, workers).run(in, rulebase, "evaluate",
                    number -> (number - 1) % count == index, line -> {
                        Problems.BatchLine written = Problems.BatchLine.of(line);
                        answers.write(json.writeValueAsBytes(written));
                        answers.write('\n');
                        summary.count(written);
                    });
            answers.flush();
        } catch (IOException e) {
            err.println("Cannot read " + input + " or write the answers: " + e.getMessage());
            return 2;
        } finally {
            workers.shutdownNow();
        }
        summary.print(err);
        return 0;
    }

    /** The non-blank lines this partition answers, for the progress line. */
    private static long lineCount(Path input, int index, int count) {
        try (var lines = Files.lines(input)) {
            long[] number = {0};
            return lines.filter(line -> (number[0]++ % count) == index && !line.isBlank()).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Counts per answer of each summary field and per error status, and the progress line. */
    private static final class Summary {
        private final String version;
        private final long total;
        private final PrintStream progress;
        private final long started = System.nanoTime();
        private final Map<String, Map<String, Long>> answers = new TreeMap<>();
        private final Map<Integer, Long> errors = new TreeMap<>();
        private long requests;
        private long offerings;
        private long lastProgress;

        Summary(String version, long total, PrintStream progress) {
            this.version = version;
            this.total = total;
            this.progress = progress;
        }

        void count(Problems.BatchLine line) {
            requests++;
            if (line.result() == null) {
                errors.merge(line.status(), 1L, Long::sum);
            } else {
                for (OfferingDecision decision : line.result().results().stream().map(OfferingResult::decision).toList()) {
                    offerings++;
                    add("accredited", decision.accredited());
                    add("credential", decision.credential());
                    add("transfersCredit", decision.transfersCredit());
                    add("degreeAdmission", decision.degreeAdmission());
                    add("industryCertification", decision.industryCertification());
                }
            }
            long now = System.nanoTime();
            if (progress != null && now - lastProgress > 500_000_000L) {
                lastProgress = now;
                double rate = requests / seconds();
                progress.printf("\r%,d / %,d requests, %,.0f/s, %,.0f s left   ", requests, total, rate,
                        rate > 0 ? Math.max(0, total - requests) / rate : 0.0);
            }
        }

        private void add(String field, Object value) {
            answers.computeIfAbsent(field, key -> new TreeMap<>()).merge(String.valueOf(value), 1L, Long::sum);
        }

        private double seconds() {
            return Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        }

        void print(PrintStream err) {
            if (progress != null) {
                progress.println();
            }
            err.printf("%,d requests (%,d offerings) in %.1f s, %,.0f requests/s, by rulebase %s%n", requests, offerings, seconds(),
                    requests / seconds(), version);
            answers.forEach((field, counts) -> err.println(field + ": " + String.join(", ",
                    counts.entrySet().stream().map(entry -> entry.getKey() + " " + String.format("%,d", entry.getValue())).toList())));
            err.println("errors: " + (errors.isEmpty() ? "none" : String.join(", ",
                    errors.entrySet().stream().map(entry -> entry.getValue() + " × " + entry.getKey()).toList())));
        }
    }
}
