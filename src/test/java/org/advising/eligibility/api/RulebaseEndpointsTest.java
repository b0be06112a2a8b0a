package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.advising.eligibility.ShippedRules;
import org.junit.jupiter.api.Test;

/** The rule catalogue and the rulebase status, as an author or operator reads them. */
@QuarkusTest
class RulebaseEndpointsTest {

    @Test
    void the_catalogue_lists_every_rule_with_policy_topic_file_line_and_description() throws Exception {
        given().when().get("/api/v1/rules")
                .then().statusCode(200).contentType("application/json")
                .body("version", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("rules", hasSize(ShippedRules.ruleCount()))
                .body("rules[0].name", equalTo("A university accredited by a recognized accreditor is accredited"))
                .body("rules[0].policy", equalTo("ACC-1"))
                .body("rules[0].topic", equalTo("accreditation"))
                .body("rules[0].file", equalTo("accreditation.drl"))
                .body("rules[0].line", equalTo(lineOf("rules/accreditation.drl", "rule \"A university accredited by a recognized accreditor")))
                .body("rules[0].description", equalTo("A university whose accreditor is on the recognized list is an accredited provider."))
                .body("rules.policy", hasItems("ACC-1", "ACC-6", "CRED-5", "CR-5", "ADM-7", "IND-2", "ADV-5"));
    }

    @Test
    void a_decision_table_rule_is_catalogued_by_its_row_under_its_topic() {
        given().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("rules.find { it.policy == 'CRED-1' }.name", equalTo("A degree gives an official degree and transcript"))
                .body("rules.find { it.policy == 'CRED-1' }.topic", equalTo("credential"))
                .body("rules.find { it.policy == 'CRED-1' }.file", equalTo("credential.drl.csv"))
                .body("rules.find { it.policy == 'CRED-1' }.row", equalTo(11))
                .body("rules.find { it.policy == 'CRED-1' }.line", equalTo(11))
                .body("rules.find { it.policy == 'CRED-1' }", not(hasKey("sheet")))
                .body("rules.find { it.policy == 'ACC-1' }", not(hasKey("row")));
    }

    @Test
    void the_status_reports_how_much_of_the_active_rulebase_its_scenarios_exercised() {
        given().when().get("/api/v1/rulebase")
                .then().statusCode(200)
                .body("active.coverage.cases", equalTo(ShippedRules.scenarioCount()))
                .body("active.coverage.rules", equalTo(ShippedRules.ruleCount()))
                .body("active.coverage.rulesFired", equalTo(ShippedRules.ruleCount()))
                .body("active.coverage.percent", equalTo(100.0f))
                .body("active.coverage.neverFired", hasSize(0));
    }

    @Test
    void the_status_names_the_active_rulebase_and_the_startup_load() {
        given().when().get("/api/v1/rulebase")
                .then().statusCode(200)
                .body("active.version", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("active.ruleCount", equalTo(ShippedRules.ruleCount()))
                .body("active.files", hasSize(ShippedRules.ruleFileCount()))
                .body("lastReload.trigger", equalTo("startup"))
                .body("lastReload.outcome", equalTo("ACTIVATED"));
    }

    @Test
    void the_admin_reload_is_closed_when_no_token_is_configured() {
        given().header("Authorization", "Bearer anything").when().post("/api/v1/rulebase/reload")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The reload endpoint is closed: no admin token is configured (eligibility.admin.token)."));
    }

    private static int lineOf(String file, String start) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(file));
        return lines.indexOf(lines.stream().filter(line -> line.startsWith(start)).findFirst().orElseThrow()) + 1;
    }
}
