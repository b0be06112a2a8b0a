package org.advising.eligibility.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.decisions.EvaluationResponse;
import org.advising.eligibility.decisions.DecisionService;
import org.advising.eligibility.decisions.OfferingResult;
import org.advising.eligibility.decisions.Refusal;
import org.advising.eligibility.problems.Problems;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.evaluate.InstitutionTotals;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.engine.evaluate.TracedConclusion;
import org.advising.eligibility.engine.evaluate.TransferAnswer;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.prove.Prover;
import org.advising.eligibility.model.Topic;

/**
 * {@code impact --baseline DIR --proposed DIR --input requests.jsonl [--report report.md]
 * [--json impact.json] [--fail-on-change]}: answers every request under both rulebases and
 * reports whose answers a rule change would change, grouped by field and {@code from → to} with the
 * deciding policy before and after, with a few example lines per group; transfers and totals
 * included. Exit 0, or 1 with {@code --fail-on-change} when anything changed, 2 when either
 * rulebase does not load or the input cannot be read, 64 when the command is misused.
 */
public final class ImpactCommand {

    /** One kind of change: a field's answer went from one value to another, decided by these policies before and after. */
    public record Group(String field, String from, String to, String policyBefore, String policyAfter, long count, List<Long> examples) {
        String label() {
            return field + " " + from + " → " + to + (policyBefore.equals("-") && policyAfter.equals("-") ? "" : ", " + policyBefore + " → " + policyAfter);
        }
    }

    /** The whole comparison, as --json writes it. */
    public record Impact(String baseline, String proposed, long requests, long offerings, long changedRequests, List<Group> groups) {
    }

    private static final int EXAMPLES = 3;

    private ImpactCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        boolean failOnChange = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--fail-on-change")) {
                failOnChange = true;
            } else if (i + 1 < args.length && args[i].matches("--(baseline|proposed|input|report|json)")) {
                options.put(args[i], args[++i]);
            } else {
                options.put("?", args[i]);
            }
        }
        if (options.containsKey("?") || !options.keySet().containsAll(List.of("--baseline", "--proposed", "--input"))) {
            err.println("usage: impact --baseline DIR --proposed DIR --input requests.jsonl [--report report.md] [--json impact.json] "
                    + "[--fail-on-change]");
            return 64;
        }
        EligibilityConfig config = Standalone.configuration();
        ObjectMapper json = Standalone.json();
        RulebaseRunner runner = Standalone.runner(config);
        DecisionService decisions = Standalone.decisionService(json, config, runner);
        Prover prover = Standalone.prover(config, runner);
        Rulebase baseline;
        Rulebase proposed;
        try {
            baseline = load("baseline", Path.of(options.get("--baseline")), prover, err);
            proposed = load("proposed", Path.of(options.get("--proposed")), prover, err);
        } catch (RulebaseException e) {
            return 2;
        }
        Impact impact;
        try {
            impact = compare(decisions, baseline, proposed, Path.of(options.get("--input")));
        } catch (IOException e) {
            err.println("Cannot read " + options.get("--input") + ": " + e.getMessage());
            return 2;
        }
        out.printf("%,d requests (%,d offerings) answered by both rulebases; %,d requests would get a different answer.%n",
                impact.requests(), impact.offerings(), impact.changedRequests());
        impact.groups().forEach(group -> out.printf("%s: %,d%n", group.label(), group.count()));
        try {
            if (options.containsKey("--report")) {
                Path report = Path.of(options.get("--report"));
                Path chart = report.resolveSibling(report.getFileName().toString().replaceFirst("(\\.md)?$", ".svg"));
                Files.writeString(chart, ImpactReport.chart(impact));
                Files.writeString(report, ImpactReport.markdown(impact, options.get("--baseline"), options.get("--proposed"),
                        options.get("--input"), chart.getFileName().toString()));
            }
            if (options.containsKey("--json")) {
                json.writerWithDefaultPrettyPrinter().writeValue(Path.of(options.get("--json")).toFile(), impact);
            }
        } catch (IOException e) {
            err.println("Cannot write the report: " + e.getMessage());
            return 2;
        }
        return failOnChange && impact.changedRequests() > 0 ? 1 : 0;
    }

    /**
     * The rules of one side, proven as the service proves them (from the cache when it holds them). Rules whose
     * scenarios fail are still compared, since a change of policy changes its scenarios too; the failures are told.
     */
    private static Rulebase load(String which, Path folder, Prover prover, PrintStream err) {
        try {
            Prover.Verdict verdict = prover.prove(RulesFolder.read(folder));
            verdict.report().filter(report -> !report.failures().isEmpty()).ifPresent(report -> err.println(which
                    + ": the scenarios in " + folder + " do not all pass (" + report.summary() + "); the answers are compared all the same."));
            return verdict.rulebase();
        } catch (RulebaseException e) {
            e.errors().forEach(error -> err.println(which + ": " + error));
            err.println("The " + which + " rules in " + folder + " do not load.");
            throw e;
        }
    }

    static Impact compare(DecisionService decisions, Rulebase baseline, Rulebase proposed, Path input) throws IOException {
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        long requests = 0;
        long offerings = 0;
        long changedRequests = 0;
        long number = 0;
        try (BufferedReader lines = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                requests++;
                byte[] body = line.getBytes(StandardCharsets.UTF_8);
                Answer before = answer(decisions, body, baseline, number);
                Answer after = answer(decisions, body, proposed, number);
                offerings += before.response() == null ? 0 : before.response().results().size();
                List<List<String>> changes = differences(before, after);
                if (!changes.isEmpty()) {
                    changedRequests++;
                }
                for (List<String> change : changes) {
                    long line1 = number;
                    groups.merge(change, new Group(change.get(0), change.get(1), change.get(2), change.get(3), change.get(4), 1,
                            List.of(line1)), (old, one) -> new Group(old.field(), old.from(), old.to(), old.policyBefore(),
                                    old.policyAfter(), old.count() + 1, old.examples().size() < EXAMPLES
                                            ? concat(old.examples(), line1) : old.examples()));
                }
            }
        }
        List<Group> sorted = groups.values().stream()
                .sorted(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::label)).toList();
        return new Impact(baseline.version(), proposed.version(), requests, offerings, changedRequests, sorted);
    }

    private static List<Long> concat(List<Long> examples, long line) {
        List<Long> more = new ArrayList<>(examples);
        if (!more.contains(line)) {
            more.add(line);
        }
        return List.copyOf(more);
    }

    /** One request's answer under one rulebase: the response, or the status of its problem. */
    private record Answer(EvaluationResponse response, int status) {
    }

    private static Answer answer(DecisionService decisions, byte[] body, Rulebase rulebase, long number) {
        try {
            return new Answer(decisions.answer(body, Optional.of(rulebase), "impact#" + number), 200);
        } catch (RuntimeException e) {
            return new Answer(null, Problems.status(Refusal.of(e).code()));
        }
    }

    /** Every answer that differs, as (field, from, to, policy before, policy after). */
    private static List<List<String>> differences(Answer before, Answer after) {
        List<List<String>> changes = new ArrayList<>();
        if (before.response() == null || after.response() == null) {
            if (before.status() != after.status()) {
                changes.add(List.of("status", String.valueOf(before.status()), String.valueOf(after.status()), "-", "-"));
            }
            return changes;
        }
        List<OfferingDecision> was = before.response().results().stream().map(OfferingResult::decision).toList();
        List<OfferingDecision> is = after.response().results().stream().map(OfferingResult::decision).toList();
        for (int i = 0; i < was.size(); i++) {
            OfferingDecision a = was.get(i);
            OfferingDecision b = is.get(i);
            field(changes, "accredited", a.accredited(), b.accredited(), a, b, Topic.ACCREDITATION);
            field(changes, "credential", a.credential(), b.credential(), a, b, Topic.CREDENTIAL);
            field(changes, "transfersCredit", a.transfersCredit(), b.transfersCredit(), a, b, Topic.CREDIT);
            field(changes, "degreeAdmission", a.degreeAdmission(), b.degreeAdmission(), a, b, Topic.ADMISSION);
            field(changes, "industryCertification", a.industryCertification(), b.industryCertification(), a, b,
                    Topic.INDUSTRY_CERTIFICATION);
            if (a.transfers() != null && b.transfers() != null) {
                for (int t = 0; t < a.transfers().size(); t++) {
                    TransferAnswer x = a.transfers().get(t);
                    TransferAnswer y = b.transfers().get(t);
                    int hours = y.semesterHours().compareTo(x.semesterHours());
                    if (x.outcome() != y.outcome() || hours != 0) {
                        // Grouped by outcome; a change of hours alone says which way.
                        changes.add(List.of("transfers." + x.institution(), x.outcome().name(),
                                y.outcome() + (x.outcome() != y.outcome() || hours == 0 ? "" : hours < 0 ? " (fewer hours)" : " (more hours)"),
                                transferPolicy(a, x.institution()), transferPolicy(b, x.institution())));
                    }
                }
            }
        }
        List<InstitutionTotals> totalsBefore = before.response().institutions();
        List<InstitutionTotals> totalsAfter = after.response().institutions();
        if (totalsBefore != null && totalsAfter != null) {
            for (int t = 0; t < totalsBefore.size(); t++) {
                InstitutionTotals x = totalsBefore.get(t);
                InstitutionTotals y = totalsAfter.get(t);
                total(changes, "totals." + x.id() + ".acceptedSemesterHours", x.acceptedSemesterHours(), y.acceptedSemesterHours());
                total(changes, "totals." + x.id() + ".expectedSemesterHours", x.expectedSemesterHours(), y.expectedSemesterHours());
            }
        }
        return changes;
    }

    /** A total that changes, grouped by which way: its hours are the sums of the transfers above. */
    private static void total(List<List<String>> changes, String field, BigDecimal before, BigDecimal after) {
        int way = after.compareTo(before);
        if (way != 0) {
            changes.add(List.of(field, "as now", way < 0 ? "fewer hours" : "more hours", "-", "-"));
        }
    }

    private static void field(List<List<String>> changes, String name, Object from, Object to, OfferingDecision a,
            OfferingDecision b, Topic topic) {
        if (!Objects.equals(from, to)) {
            changes.add(List.of(name, String.valueOf(from), String.valueOf(to), policy(a, topic), policy(b, topic)));
        }
    }

    private static String policy(OfferingDecision decision, Topic topic) {
        return decision.conclusions().stream().filter(c -> c.topic() == topic).map(TracedConclusion::policy).findFirst().orElse("-");
    }

    private static String transferPolicy(OfferingDecision decision, String institution) {
        return decision.conclusions().stream().filter(c -> c.topic() == Topic.TRANSFER && institution.equals(c.institution()))
                .map(TracedConclusion::policy).findFirst().orElse("-");
    }

}
