package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void a_restart_on_a_folder_now_refused_serves_the_last_good_rulebase_from_the_cache(@TempDir Path work) throws Exception {
        Path rules = RulesCopy.into(work.resolve("rules"));
        Path cache = work.resolve("cache");
        Map<String, String> environment = Map.of("ELIGIBILITY_RULES_FOLDER", rules.toString(), "ELIGIBILITY_RULES_CACHE_FOLDER",
                cache.toString(), "ELIGIBILITY_RULES_WATCH_INTERVAL", "0");
        String request = ContractExamples.requestBody("01-mastertrack-completed-eligible.json");
        String goodVersion;
        String goodAnswer;
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        try (RunningService first = new RunningService(RunningService.APP, environment, request)) {
            goodAnswer = first.post(client, "/api/v1/evaluations", request).body();
            goodVersion = new ObjectMapper().readTree(goodAnswer).at("/rulebase/version").asText();
        }
        // The ConfigMap is edited into a folder that does not compile: every restarted replica would crash-loop.
        Files.writeString(rules.resolve("credit.drl"), Files.readString(rules.resolve("credit.drl")) + "\nrule \"Broken\" when then insert(; end\n");
        try (RunningService restarted = new RunningService(RunningService.APP, environment, request)) {
            String loadedAt = "\"loadedAt\":\"[^\"]*\"";
            assertEquals(goodAnswer.replaceAll(loadedAt, ""), restarted.post(client, "/api/v1/evaluations", request).body().replaceAll(loadedAt, ""));
            JsonNode status = new ObjectMapper().readTree(restarted.get(client, "/api/v1/rulebase").body());
            assertEquals(goodVersion, status.at("/active/version").asText());
            assertTrue(status.get("servingLastGood").asBoolean(), status.toString());
            assertEquals("REFUSED", status.at("/lastReload/outcome").asText());
            assertTrue(status.at("/lastReload/errors/0").asText().startsWith("credit.drl:"), status.toString());
            assertTrue(restarted.get(client, "/q/metrics").body().contains("eligibility_rulebase_last_good 1.0"));
            assertTrue(restarted.log().contains("refused at start; serving the last good rulebase " + goodVersion), restarted.log());
        }
    }
}
