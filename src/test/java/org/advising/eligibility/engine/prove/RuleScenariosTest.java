package org.advising.eligibility.engine.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.advising.eligibility.ShippedRules;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.engine.evaluate.TracedConclusion;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.folder.Yaml;
import org.advising.eligibility.model.ReceivingInstitution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy authors' scenario files in rules/tests, and how a bad one is reported. */
class RuleScenariosTest {

    @Test
    void every_scenario_in_the_rules_folder_passes() {
        RulesFolder folder = RulesFolder.read(Path.of("rules"));
        ScenarioRunner.Report report = ScenarioRunner.run(new RulebaseCompiler().compile(folder), new RulebaseRunner(100), folder.scenarioFiles());
        assertEquals(List.of(), report.failures().stream().map(Object::toString).toList());
        assertEquals(ShippedRules.scenarioCount(), report.passed(), report.summary());
    }

    @Test
    void every_reason_drawn_in_any_scenario_reads_without_null_or_placeholders() throws Exception {
        RulesFolder folder = RulesFolder.read(Path.of("rules"));
        Rulebase rulebase = new RulebaseCompiler().compile(folder);
        int reasons = 0;
        for (RulesFolder.RuleFile file : folder.scenarioFiles()) {
            for (Scenario scenario : Yaml.MAPPER.readValue(file.content(), new com.fasterxml.jackson.core.type.TypeReference<List<Scenario>>() { })) {
                List<ReceivingInstitution> institutions = scenario.receivingInstitutions() == null ? List.of()
                        : scenario.receivingInstitutions().stream().map(rulebase.institutions().inEffectOn(scenario.asOf())::get).toList();
                RulebaseRunner runner = new RulebaseRunner(100);
                for (OfferingDecision decision : runner.evaluate(rulebase, scenario.learner(), scenario.credentialRecordFacts(),
                        scenario.offerings(), scenario.asOf(), institutions, runner.deadline()).decisions()) {
                    for (TracedConclusion conclusion : decision.conclusions()) {
                        reasons++;
                        assertTrue(!conclusion.reason().matches("(?s).*\\bnull\\b.*") && conclusion.reason().endsWith("."),
                                file.name() + " \"" + scenario.name() + "\": " + conclusion.policy() + ": " + conclusion.reason());
                    }
                }
            }
        }
        assertTrue(reasons > 200, "reasons checked: " + reasons);
    }

    @Test
    void the_shipped_scenarios_cover_every_policy_statement() throws Exception {
        String scenarios = RulesFolder.read(Path.of("rules")).scenarioFiles().stream()
                .map(RulesFolder.RuleFile::content).collect(Collectors.joining("\n"));
        String brief = Files.readString(Path.of("docs/policy.md"));
        List<String> statements = java.util.regex.Pattern.compile("\\*\\*([A-Z]+-\\d+)\\*\\*").matcher(brief).results()
                .map(match -> match.group(1)).toList();
        Set<String> implemented = ShippedRules.rulebase().rules().values().stream()
                .map(RuleInfo::policy).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(implemented, new TreeSet<>(statements), "the statements of docs/policy.md are those the rules implement");
        for (String statement : statements) {
            assertTrue(scenarios.matches("(?s).*\\b" + statement + "\\b.*"), statement + " has no scenario");
        }
    }

    @Test
    void a_failing_case_and_a_malformed_file_are_reported_with_file_case_and_line(@TempDir Path tests) throws Exception {
        Rulebase rulebase = ShippedRules.rulebase();
        List<RulesFolder.RuleFile> files = List.of(
                new RulesFolder.RuleFile("tests/wrong.yaml", """
                        - name: A company course said to transfer credit
                          asOf: 2026-11-20
                          learner: { id: l }
                          offerings:
                            - { id: c1, type: COURSE, provider: { name: Example Cloud Co, kind: COMPANY } }
                          expect:
                            c1: { transfersCredit: YES, policies: [CR-2] }
                        """),
                new RulesFolder.RuleFile("tests/malformed.yaml", """
                        - name: Misspelt field
                          learner: { id: l }
                          offerings: []
                          expected: {}
                        """));
        ScenarioRunner.Report report = ScenarioRunner.run(rulebase, new RulebaseRunner(100), files);
        assertEquals(List.of(
                "tests/wrong.yaml:1: \"A company course said to transfer credit\": c1.transfersCredit: expected YES, got NO; "
                        + "c1 has no CR-2 conclusion (it has ACC-5, CRED-3, CR-4, ADM-6, IND-1, ADV-1)",
                "tests/malformed.yaml:4: unknown field 'expected'; known: asOf, credentialRecords, expect, institutions, learner, name, "
                        + "offerings, receivingInstitutions"),
                report.failures().stream().map(Object::toString).toList());
        assertEquals("0 passed, 2 failed", report.summary());
    }

    @Test
    void a_case_that_states_no_date_is_refused_at_its_name_and_not_run_while_the_others_run() {
        Rulebase rulebase = ShippedRules.rulebase();
        String dated = """
                # A dated case, one without a date, and another dated case.
                - name: A degree of a university accredited by HLC is accredited
                  asOf: 2026-11-20
                  learner: { id: l }
                  offerings:
                    - { id: deg, type: DEGREE, provider: { name: Example State University, kind: UNIVERSITY, accreditor: HLC, domain: example.edu } }
                  expect:
                    deg: { accredited: true, policies: [ACC-3, ACC-1] }

                """;
        String undated = """
                - name: A case without a date
                  learner: { id: l }
                  offerings:
                    - { id: deg, type: DEGREE, provider: { name: Example State University, kind: UNIVERSITY, accreditor: HLC, domain: example.edu } }
                  expect:
                    deg: { accredited: false, credential: NONE }

                """;
        String alsoDated = """
                - name: A company course is not accredited
                  asOf: 2026-11-20
                  learner: { id: l }
                  offerings:
                    - { id: c1, type: COURSE, provider: { name: Example Cloud Co, kind: COMPANY } }
                  expect:
                    c1: { accredited: false }
                """;
        RulebaseRunner runner = new RulebaseRunner(100);
        ScenarioRunner.Report report = ScenarioRunner.run(rulebase, runner,
                List.of(new RulesFolder.RuleFile("tests/dates.yaml", dated + undated + alsoDated)));

        // Only the date is reported, not the two expectations the case gets wrong: it was not evaluated.
        assertEquals(List.of(new ScenarioRunner.Failure("tests/dates.yaml", 10, "A case without a date",
                "states no asOf date: add the line asOf: YYYY-MM-DD under its name, the date on which its expected answer holds "
                        + "(e.g. the day you write it); every case is evaluated as of the date it states, so that it gives the same "
                        + "answer on every day the scenarios run")), report.failures());
        assertEquals("tests/dates.yaml:10: \"A case without a date\": states no asOf date: add the line asOf: YYYY-MM-DD under its name, "
                + "the date on which its expected answer holds (e.g. the day you write it); every case is evaluated as of the date it "
                + "states, so that it gives the same answer on every day the scenarios run", report.failures().get(0).toString());
        assertEquals("2 passed, 1 failed", report.summary(), "the dated cases before and after it still run");
        assertEquals(ScenarioRunner.run(rulebase, runner, List.of(new RulesFolder.RuleFile("tests/dates.yaml", dated + alsoDated)))
                .casesByRule(), report.casesByRule(), "the undated case fired no rule");
    }
}
