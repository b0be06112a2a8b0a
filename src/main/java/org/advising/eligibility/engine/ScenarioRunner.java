package org.advising.eligibility.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs the scenario files of a rules folder against a rulebase and reports, per failing case,
 * the file, the case and what differed. A file that cannot be read counts as one failure with
 * its line.
 */
public final class ScenarioRunner {

    private static final TypeReference<List<Scenario>> CASES = new TypeReference<>() { };

    /** A failing case at the line of its name, or an unreadable file (then {@code scenario} is null). */
    public record Failure(String file, int line, String scenario, String problem) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + (scenario == null ? "" : "\"" + scenario + "\": ") + problem;
        }
    }

    public record Report(int passed, List<Failure> failures) {
        public int failed() {
            return failures.size();
        }

        public String summary() {
            return passed + " passed, " + failed() + " failed";
        }
    }

    private ScenarioRunner() {
    }

    public static Report run(Rulebase rulebase, Evaluator evaluator, List<RulesFolder.RuleFile> scenarioFiles) {
        int passed = 0;
        List<Failure> failures = new ArrayList<>();
        for (RulesFolder.RuleFile file : scenarioFiles) {
            List<Scenario> scenarios;
            try {
                scenarios = Yaml.MAPPER.readValue(file.content(), CASES);
            } catch (JsonProcessingException e) {
                Yaml.Problem problem = Yaml.problem(e, file.content(), "field");
                failures.add(new Failure(file.name(), problem.line(), null, problem.message()));
                continue;
            }
            for (Scenario scenario : scenarios == null ? List.<Scenario>of() : scenarios) {
                String problem = check(rulebase, evaluator, scenario);
                if (problem == null) {
                    passed++;
                } else {
                    failures.add(new Failure(file.name(), lineOfCase(file.content(), scenario.name()), scenario.name(), problem));
                }
            }
        }
        return new Report(passed, List.copyOf(failures));
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

    /** What differs from the expectation, or null when the case passes. */
    private static String check(Rulebase rulebase, Evaluator evaluator, Scenario scenario) {
        if (scenario.name() == null || scenario.learner() == null || scenario.offerings() == null || scenario.expect() == null) {
            return "a case needs name, learner, offerings and expect";
        }
        List<OfferingDecision> decisions;
        try {
            decisions = evaluator.evaluate(rulebase, scenario.learner(), scenario.offerings(), scenario.evaluatedOn()).decisions();
        } catch (RuntimeException e) {
            return "could not be evaluated: " + e.getMessage();
        }
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
        }
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    private static void compare(List<String> differences, String field, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            differences.add(field + ": expected " + expected + ", got " + actual);
        }
    }
}
