package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rulebase with a rule that re-fires forever (and no scenarios to stop it at load): each
 * request is stopped at the firing limit with a problem naming the rule and its firings, and the
 * service stays healthy and keeps answering.
 */
@QuarkusTest
@TestProfile(RunawayRulesTest.RunawayRules.class)
class RunawayRulesTest {

    public static class RunawayRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eligibility.rules.folder", "src/test/resources/rulebases/runaway");
        }
    }

    @Test
    void a_rule_that_fires_forever_is_stopped_and_named_and_the_service_stays_healthy() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body("""
                            {"learner": {"id": "l"}, "offerings": [{"id": "c1", "type": "COURSE",
                             "provider": {"name": "Example State University", "kind": "UNIVERSITY"}},
                             {"id": "c2", "type": "COURSE", "provider": {"name": "Example State University", "kind": "UNIVERSITY"}}]}""")
                    .when().post("/api/v1/evaluations")
                    .then().statusCode(500).contentType("application/problem+json")
                    .body("type", equalTo("urn:eligibility:problem:rulebase-defect"))
                    .body("defects", contains("the rules fired more than 200 times and were stopped; most fired: "
                            + "\"Keep advising forever\" 201 times, \"Start the loop\" 1 time"));
        }
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
