package org.advising.eligibility.engine.prove;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.evaluate.InstitutionTotals;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.engine.evaluate.TracedConclusion;
import org.advising.eligibility.engine.evaluate.TransferAnswer;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.folder.Yaml;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.model.Topic;

/**
 * Runs the scenario files of a rules folder against a rulebase and reports, per failing case,
 * the file, the case and what differed. A file that cannot be read counts as one failure with
 * its line. A case that states no {@code asOf} date is not run: it fails at the line of its name.
 */
public final class ScenarioRunner {

    private static final TypeReference<List<Scenario>> CASES = new TypeReference<>() { };

    /** Why a case without a date is refused, not run (as of today its answer would change with the calendar). */
    static final String NO_DATE = "states no asOf date: add the line asOf: YYYY-MM-DD under its name, the date on which its "
            + "expected answer holds (e.g. the day you write it); every case is evaluated as of the date it states, so that it "
            + "gives the same answer on every day the scenarios run";

    /** A failing case at the line of its name, or an unreadable file (then {@code scenario} is null). */
    public record Failure(String file, int line, String scenario, String problem) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + (scenario == null ? "" : "\"" + scenario + "\": ") + problem;
        }
    }

    /** The case at this position (from 0) among the cases of this scenario file. */
    public record CaseRef(String file, int index) implements Serializable {
    }

    /**
     * The cases that passed, those that failed, per rule name the number of cases in which the
     * rule fired (failing cases count too: the rule was exercised), and a few cases that between
     * them fire every rule that any case fires (what a warm-up runs).
     */
    public record Report(int passed, List<Failure> failures, Map<String, Integer> casesByRule, List<CaseRef> covering) {
        public int failed() {
            return failures.size();
        }

        public String summary() {
            return passed + " passed, " + failed() + " failed";
        }
    }

    private ScenarioRunner() {
    }

    /**
     * Runs every case, on as many threads as the machine has cores (the rulebase serves evaluations
     * at once anyway), and reports them in the order of their files and cases.
     */
    public static Report run(Rulebase rulebase, RulebaseRunner runner, List<RulesFolder.RuleFile> scenarioFiles) {
        List<Case> cases = casesIn(scenarioFiles);
        List<Checked> checked = checkAll(rulebase, runner, cases);
        int passed = 0;
        List<Failure> failures = new ArrayList<>();
        Map<String, Integer> casesByRule = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Case each = cases.get(i);
            if (each.unreadable() != null) {
                failures.add(each.unreadable());
                continue;
            }
            checked.get(i).fired().forEach(rule -> casesByRule.merge(rule, 1, Integer::sum));
            String problem = checked.get(i).problem();
            if (problem == null) {
                passed++;
            } else {
                failures.add(new Failure(each.file().name(), lineOfCase(each.file().content(), each.scenario().name()),
                        each.scenario().name(), problem));
            }
        }
        return new Report(passed, List.copyOf(failures), Collections.unmodifiableMap(casesByRule), covering(cases, checked));
    }

    /**
     * Runs just these cases, one after the other on the caller's thread, and checks nothing: a
     * warm-up, in which the rule engine analyses the constraints of the rules they fire. A case
     * the files no longer have is skipped.
     */
    public static void warmUp(Rulebase rulebase, RulebaseRunner runner, List<RulesFolder.RuleFile> scenarioFiles, List<CaseRef> which) {
        Set<CaseRef> wanted = Set.copyOf(which);
        casesIn(scenarioFiles).stream().filter(each -> each.unreadable() == null && wanted.contains(each.ref()))
                .forEach(each -> check(rulebase, runner, each.scenario()));
    }

    /** Every case of the files in their order; a file that cannot be read is one case with its failure. */
    private static List<Case> casesIn(List<RulesFolder.RuleFile> scenarioFiles) {
        List<Case> cases = new ArrayList<>();
        for (RulesFolder.RuleFile file : scenarioFiles) {
            try {
                List<Scenario> scenarios = Yaml.MAPPER.readValue(file.content(), CASES);
                for (int i = 0; scenarios != null && i < scenarios.size(); i++) {
                    cases.add(new Case(file, new CaseRef(file.name(), i), scenarios.get(i), null));
                }
            } catch (JsonProcessingException e) {
                Yaml.Problem problem = Yaml.problem(e, file.content(), "field");
                cases.add(new Case(file, new CaseRef(file.name(), -1), null, new Failure(file.name(), problem.line(), null, problem.message())));
            }
        }
        return cases;
    }

    /**
     * Few cases that together fire every rule some case fires: each next the one that fires the
     * most rules not fired yet (the earlier of equals), until none is left.
     */
    private static List<CaseRef> covering(List<Case> cases, List<Checked> checked) {
        Set<String> left = new HashSet<>();
        checked.stream().filter(Objects::nonNull).forEach(each -> left.addAll(each.fired()));
        List<CaseRef> chosen = new ArrayList<>();
        while (!left.isEmpty()) {
            int best = -1;
            long most = 0;
            for (int i = 0; i < cases.size(); i++) {
                long firesNew = checked.get(i) == null ? 0 : checked.get(i).fired().stream().filter(left::contains).count();
                if (firesNew > most) {
                    best = i;
                    most = firesNew;
                }
            }
            chosen.add(cases.get(best).ref());
            left.removeAll(checked.get(best).fired());
        }
        return List.copyOf(chosen);
    }

    /** A case, the file it is in and where; or a file that cannot be read, with its failure. */
    private record Case(RulesFolder.RuleFile file, CaseRef ref, Scenario scenario, Failure unreadable) {
    }

    /** Each case checked, in the cases' order, on one thread per core (the caller's class loader, which the rules' classes need). */
    private static List<Checked> checkAll(Rulebase rulebase, RulebaseRunner runner, List<Case> cases) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), cases.size());
        if (threads <= 1) {
            return cases.stream().map(each -> each.unreadable() != null ? null : check(rulebase, runner, each.scenario())).toList();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger named = new AtomicInteger();
        ExecutorService gate = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "scenario-gate-" + named.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        try {
            List<Future<Checked>> running = new ArrayList<>();
            cases.forEach(each -> running.add(gate.submit(() -> each.unreadable() != null ? null : check(rulebase, runner, each.scenario()))));
            List<Checked> checked = new ArrayList<>();
            for (Future<Checked> each : running) {
                checked.add(each.get());
            }
            return checked;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the scenarios", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            gate.shutdownNow();
        }
    }

    /** The line of the case's {@code - name:}, or 1 when it has none. */
    private static int lineOfCase(String content, String name) {
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (name != null && line.startsWith("- name:") && line.substring("- name:".length()).strip().replaceAll("^([\"'])(.*)\\1$", "$2").equals(name)) {
                return i + 1;
            }
        }
        return 1;
    }

    /** What differs from the expectation (null when the case passes) and the rules that fired. */
    private record Checked(String problem, Set<String> fired) {
        static Checked failed(String problem) {
            return new Checked(problem, Set.of());
        }
    }

    private static Checked check(Rulebase rulebase, RulebaseRunner runner, Scenario scenario) {
        if (scenario.name() == null || scenario.learner() == null || scenario.offerings() == null || scenario.expect() == null) {
            return Checked.failed("a case needs name, learner, offerings and expect");
        }
        if (scenario.asOf() == null) {
            return Checked.failed(NO_DATE);
        }
        if (scenario.learner().credentials() != null) {
            return Checked.failed("gives the learner credentials, which scenarios do not read: write out the records (and "
                    + "recommendations) they give, as the answer's credentials[] shows them");
        }
        List<ReceivingInstitution> institutions = new ArrayList<>();
        for (String id : scenario.receivingInstitutions() == null ? List.<String>of() : scenario.receivingInstitutions()) {
            java.util.Optional<ReceivingInstitution> institution = rulebase.institutions().inEffectOn(id, scenario.asOf());
            if (institution.isEmpty()) {
                int count = rulebase.institutions().countInEffectOn(scenario.asOf());
                return Checked.failed("names the receiving institution '" + id + "', which institutions.yaml does not have in effect on "
                        + scenario.asOf() + (count <= 10 ? " (it has " + String.join(", ",
                                rulebase.institutions().inEffectOn(scenario.asOf()).keySet()) + ")" : " (it has " + count + " others)"));
            }
            institutions.add(institution.get());
        }
        String credentialRecords = credentialRecordsProblem(scenario);
        if (credentialRecords != null) {
            return Checked.failed(credentialRecords);
        }
        RulebaseAnswer evaluation;
        try {
            evaluation = runner.evaluate(rulebase, scenario.learner(), scenario.credentialRecordFacts(), scenario.offerings(),
                    scenario.asOf(), institutions, runner.deadline());
        } catch (RuntimeException e) {
            return Checked.failed("could not be evaluated: " + e.getMessage());
        }
        List<OfferingDecision> decisions = evaluation.decisions();
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Scenario.Expected> entry : scenario.expect().entrySet()) {
            String id = entry.getKey();
            Scenario.Expected want = entry.getValue();
            OfferingDecision got = decisions.stream().filter(d -> d.offeringId().equals(id)).findFirst().orElse(null);
            if (got == null) {
                differences.add("expects offering '" + id + "', which the case does not have");
                continue;
            }
            compare(differences, id + ".accredited", want.accredited(), got.accredited());
            compare(differences, id + ".credential", want.credential(), got.credential());
            compare(differences, id + ".transfersCredit", want.transfersCredit(), got.transfersCredit());
            compare(differences, id + ".degreeAdmission", want.degreeAdmission(), got.degreeAdmission());
            compare(differences, id + ".industryCertification", want.industryCertification(), got.industryCertification());
            // A statement appears when it drew a conclusion or when a conclusion rests on it (basedOn).
            List<String> policies = got.conclusions().stream()
                    .flatMap(c -> Stream.concat(Stream.of(c.policy()), c.basedOn().stream()))
                    .distinct().toList();
            for (String policy : want.policies() == null ? List.<String>of() : want.policies()) {
                if (!policies.contains(policy)) {
                    differences.add(id + " has no " + policy + " conclusion (it has " + String.join(", ", policies) + ")");
                }
            }
            for (String policy : want.absentPolicies() == null ? List.<String>of() : want.absentPolicies()) {
                if (policies.contains(policy)) {
                    differences.add(id + " has a " + policy + " conclusion it must not have");
                }
            }
            if (want.transfers() != null) {
                compareTransfers(differences, id, want.transfers(), got);
            }
        }
        if (scenario.institutions() != null) {
            compareTotals(differences, scenario.institutions(), evaluation.institutions() == null ? List.of() : evaluation.institutions());
        }
        return new Checked(differences.isEmpty() ? null : String.join("; ", differences), evaluation.firingsByRule().keySet());
    }

    /**
     * Why the case's credentialRecords cannot stand for what a credential gives (null when they can):
     * each names an offering of the case that has a record in learner.records, once, and says
     * whether its issuer was authenticated.
     */
    private static String credentialRecordsProblem(Scenario scenario) {
        List<Scenario.FromCredential> records = scenario.credentialRecords() == null ? List.of() : scenario.credentialRecords();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            Scenario.FromCredential each = records.get(i);
            String where = "credentialRecords[" + i + "]";
            String id = each == null ? null : each.offeringId();
            if (id == null) {
                return where + " names no offeringId";
            }
            if (scenario.offerings().stream().noneMatch(offering -> offering != null && id.equals(offering.id()))) {
                return where + " names the offering '" + id + "', which the case does not have";
            }
            if (scenario.learner().records() == null || scenario.learner().records().stream()
                    .noneMatch(record -> record != null && id.equals(record.offeringId()))) {
                return where + " (" + id + ") has no record in learner.records: write the record the credential gave there "
                        + "(COMPLETED, as the answer's credentials[] shows it); credentialRecords only says where it came from";
            }
            if (!named.add(id)) {
                return where + " names '" + id + "' a second time; an offering has one record (LC-6)";
            }
            if (each.issuerAuthenticated() == null) {
                return where + " (" + id + ") does not say issuerAuthenticated: true or false";
            }
        }
        return null;
    }

    private static void compareTransfers(List<String> differences, String offering, Map<String, Scenario.ExpectedTransfer> wanted,
            OfferingDecision got) {
        for (Map.Entry<String, Scenario.ExpectedTransfer> entry : wanted.entrySet()) {
            String institution = entry.getKey();
            Scenario.ExpectedTransfer want = entry.getValue();
            TransferAnswer answer = got.transfers() == null ? null
                    : got.transfers().stream().filter(t -> t.institution().equals(institution)).findFirst().orElse(null);
            if (answer == null) {
                differences.add(offering + " has no transfer to '" + institution + "' (name it in receivingInstitutions)");
                continue;
            }
            String field = offering + ".transfers." + institution;
            compare(differences, field + ".outcome", want.outcome(), answer.outcome());
            compareHours(differences, field + ".semesterHours", want.semesterHours(), answer.semesterHours());
            String policy = got.conclusions().stream()
                    .filter(c -> c.topic() == Topic.TRANSFER && institution.equals(c.institution()))
                    .map(TracedConclusion::policy).findFirst().orElse(null);
            compare(differences, field + ".policy", want.policy(), policy);
        }
    }

    private static void compareTotals(List<String> differences, Map<String, Scenario.Totals> wanted, List<InstitutionTotals> got) {
        for (Map.Entry<String, Scenario.Totals> entry : wanted.entrySet()) {
            InstitutionTotals totals = got.stream().filter(t -> t.id().equals(entry.getKey())).findFirst().orElse(null);
            if (totals == null) {
                differences.add("no totals for '" + entry.getKey() + "' (name it in receivingInstitutions)");
                continue;
            }
            compareHours(differences, "institutions." + entry.getKey() + ".acceptedSemesterHours",
                    entry.getValue().acceptedSemesterHours(), totals.acceptedSemesterHours());
            compareHours(differences, "institutions." + entry.getKey() + ".expectedSemesterHours",
                    entry.getValue().expectedSemesterHours(), totals.expectedSemesterHours());
        }
    }

    /** Hours compared as numbers: 12 and 12.0 are the same hours. */
    private static void compareHours(List<String> differences, String field, BigDecimal expected, BigDecimal actual) {
        if (expected != null && (actual == null || expected.compareTo(actual) != 0)) {
            differences.add(field + ": expected " + expected.toPlainString() + ", got " + (actual == null ? null : actual.toPlainString()));
        }
    }

    private static void compare(List<String> differences, String field, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            differences.add(field + ": expected " + expected + ", got " + actual);
        }
    }
}
