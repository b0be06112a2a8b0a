package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
        assertTrue(lines(run).get(lines(run).size() - 1).matches("\\d+ passed, 0 failed"), run.output());
        assertFalse(run.output().contains("Listening on"), run.output());
    }

    @Test
    void a_changed_rule_that_breaks_a_scenario_is_named_and_fails_the_check() throws Exception {
        Path rules = copyOfRules();
        Path values = rules.resolve("policy-values.yaml");
        Files.writeString(values, Files.readString(values).replace("passingGrade: 2.0", "passingGrade: 2.5"));
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), "check", rules.toString());
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(lines(run).contains("tests/credit.yaml: \"Completing exactly at the passing grade earns credit\": "
                + "mt.transfersCredit: expected YES, got NO; mt has no CR-1 conclusion (it has ACC-3, ACC-1, CRED-2, CR-5, ADM-6, IND-1); "
                + "mt has a CR-5 conclusion it must not have"), run.output());
        assertTrue(lines(run).get(lines(run).size() - 1).matches("\\d+ passed, 1 failed"), run.output());
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
}
