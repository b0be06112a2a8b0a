package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged service as an operator would, on a rules folder with a broken file, and
 * proves it refuses to start and says which file, line and problem.
 */
class StartupWithBrokenRulesIT {

    private static void writeBrokenRules(Path rules) throws Exception {
        Files.copy(Path.of("rules/policy-values.yaml"), rules.resolve("policy-values.yaml"));
        Files.writeString(rules.resolve("credit.drl"), """
                package eligibility;

                import org.advising.eligibility.model.*;

                rule "Misspelt field"
                    @policy("CR-2")
                    @description("A typo a policy author could make.")
                when
                    $offering : Offering( creditEligable == true )
                then
                    insert(new Conclusion($offering, CreditTransfer.YES, "x"));
                end
                """);
    }

    @Test
    void a_broken_rule_file_stops_startup_naming_file_line_and_problem(@TempDir Path rules) throws Exception {
        writeBrokenRules(rules);
        PackagedApp.Run run = PackagedApp.run(rules, Map.of("ELIGIBILITY_RULES_FOLDER", rules.toString(), "QUARKUS_HTTP_PORT", "0"));
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("The rules cannot be loaded (1 error):"), run.output());
        assertTrue(run.output().contains("credit.drl:9: Offering has no field 'creditEligable'"), run.output());
    }

    @Test
    void one_property_switches_the_logs_to_one_json_object_per_line(@TempDir Path rules) throws Exception {
        writeBrokenRules(rules);
        PackagedApp.Run run = PackagedApp.run(rules, Map.of("ELIGIBILITY_RULES_FOLDER", rules.toString(), "QUARKUS_HTTP_PORT", "0",
                "QUARKUS_LOG_JSON_CONSOLE_ENABLE", "true"));
        assertNotEquals(0, run.exitCode(), run.output());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.output().lines().filter(line -> !line.isBlank()).toList()) {
            lines.add(json.readTree(line)); // fails unless every line is a JSON object
        }
        assertTrue(lines.stream().anyMatch(line -> line.path("level").asText().equals("ERROR")
                && line.path("exception").toString().contains("credit.drl:9: Offering has no field 'creditEligable'")
                || line.path("message").asText().contains("credit.drl:9")), run.output());
    }
}
