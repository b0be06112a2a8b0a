package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar quarkus-run.jar check [rules-folder]}, as a policy author runs it. */
class CheckCommandIT {

    @TempDir
    Path work;

    private Path copyOfRules() throws Exception {
        return RulesCopy.into(work.resolve("rules"));
    }

    private static List<String> lines(PackagedApp.Run run) {
        return run.output().lines().toList();
    }

    @Test
    void the_shipped_rules_pass_every_scenario_without_starting_a_server() throws Exception {
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), "check", "rules");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(ShippedRules.scenarioCount() + " passed, 0 failed", lines(run).get(lines(run).size() - 1), run.output());
        assertFalse(run.output().contains("Listening on"), run.output());
        // Every constraint stands on the pattern whose fields it reads: Drools has nothing to warn about.
        assertFalse(run.output().contains("WARN"), run.output());
    }

    /** Keeps the shipped rules at full coverage: a rule no scenario fires fails the build, named. */
    @Test
    void every_shipped_rule_fires_in_at_least_one_scenario() throws Exception {
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), "check", "--coverage", "--min-coverage", "100", "rules");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(lines(run).contains("Coverage: " + ShippedRules.ruleCount() + " of " + ShippedRules.ruleCount()
                + " rules fired in at least one of the " + ShippedRules.scenarioCount() + " cases (100.0%)"), run.output());
        assertTrue(lines(run).contains("credential.drl.csv"), run.output());
        assertEquals("Every rule fired in at least one case.", lines(run).get(lines(run).size() - 1), run.output());
    }

    @Test
    void the_scenarios_are_read_where_the_service_reads_them_when_they_live_in_their_own_folder() throws Exception {
        Path rules = copyOfRules();
        Path scenarios = Files.move(rules.resolve("tests"), work.resolve("rule-tests"));
        PackagedApp.Run run = PackagedApp.run(work, Map.of("ELIGIBILITY_RULES_FOLDER", rules.toString(),
                "ELIGIBILITY_RULES_SCENARIOS_FOLDER", scenarios.toString()), "check");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("Checking " + rules + " with the scenarios in " + scenarios, lines(run).get(0));
        assertEquals(ShippedRules.scenarioCount() + " passed, 0 failed", lines(run).get(lines(run).size() - 1), run.output());
    }

    @Test
    void a_check_that_finds_no_scenario_fails_and_says_where_it_looked() throws Exception {
        Path rules = copyOfRules();
        try (var scenarios = Files.list(rules.resolve("tests"))) {
            for (Path scenario : scenarios.toList()) {
                Files.delete(scenario);
            }
        }
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), "check", rules.toString());
        assertEquals(1, run.exitCode(), run.output());
        assertEquals("No scenario file (*.yaml) in " + rules.resolve("tests") + ": nothing proves these rules. "
                + "Put the scenarios there, or set ELIGIBILITY_RULES_SCENARIOS_FOLDER to where they are.",
                lines(run).get(lines(run).size() - 1), run.output());
    }

    @Test
    void a_changed_rule_that_breaks_a_scenario_is_named_and_fails_the_check() throws Exception {
        Path rules = copyOfRules();
        Path values = rules.resolve("policy-values.yaml");
        Files.writeString(values, Files.readString(values).replace("passingGrade: 2.0", "passingGrade: 2.5"));
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), "check", rules.toString());
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(lines(run).contains("tests/credit.yaml:128: \"Completing exactly at the passing grade earns credit\": "
                + "mt.transfersCredit: expected YES, got NO; mt has no CR-1 conclusion (it has ACC-3, ACC-1, CRED-2, CR-5, ADM-6, IND-1); "
                + "mt has a CR-5 conclusion it must not have"), run.output());
        assertEquals((ShippedRules.scenarioCount() - 1) + " passed, 1 failed", lines(run).get(lines(run).size() - 1), run.output());
    }

    @Test
    void rules_that_do_not_compile_are_listed_and_exit_with_2() throws Exception {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("advice.drl"), Files.readString(rules.resolve("advice.drl"))
                .replace("hasCapstone == true", "hasCapstone == true,"));
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), "check", rules.toString());
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().lines().anyMatch(line -> line.startsWith("advice.drl:")), run.output());
        assertTrue(run.output().contains("The rules do not load: 1 error"), run.output());
    }

    @Test
    void a_decision_table_of_20000_rows_is_refused_under_the_pods_heap_without_running_out_of_memory() throws Exception {
        Path rules = copyOfRules();
        // 20,000 rows of 41 cells: a small file (the zip packs the repetition) that takes more heap than a pod has to read whole.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); var out = Files.newOutputStream(rules.resolve("partners.drl.xlsx"))) {
            Sheet sheet = workbook.createSheet("Partners");
            sheet.createRow(0).createCell(0).setCellValue("RuleTable Partner agreements");
            for (int r = 1; r <= 20_000; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 41; c++) {
                    row.createCell(c).setCellValue("agreement " + (r % 50) + " term " + c);
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
        System.out.printf("CheckCommandIT: the 20,000-row workbook is %d KB%n", Files.size(rules.resolve("partners.drl.xlsx")) / 1000);
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), RunningService.JVM_OPTIONS, "check", rules.toString());
        assertEquals(2, run.exitCode(), run.output());
        // Counted as a stream: its 41 cells a row pass the cell limit before its rows pass theirs.
        assertTrue(run.output().contains("partners.drl.xlsx:1: the table has more than 100000 cells; a decision table may have at most "
                + "100000 (split it into several tables)"), run.output());
        assertFalse(run.output().contains("OutOfMemoryError"), run.output());
    }
}
