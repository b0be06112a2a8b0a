package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Set;
import org.advising.eligibility.engine.activate.NeverLoadedRulebase;
import org.junit.jupiter.api.Test;

/** The contract's 503 row: a valid request while no rulebase is loaded. */
@QuarkusTest
@TestProfile(NoRulebaseTest.WithoutRulebase.class)
class NoRulebaseTest {

    public static class WithoutRulebase implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(NeverLoadedRulebase.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eligibility.rules.watch-interval", "0"); // the watcher would load the rules
        }
    }

    @Test
    void without_a_rulebase_the_service_is_live_but_not_ready_nor_started() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'rulebase' }.data.reason", equalTo("no rulebase loaded"));
        given().when().get("/q/health/started").then().statusCode(503);
    }

    @Test
    void a_valid_request_before_any_rulebase_is_loaded_is_503_with_retry_after() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"learner": {"id": "l"}, "offerings": [{"id": "c1", "type": "COURSE",
                         "provider": {"name": "Example State University", "kind": "UNIVERSITY"}}]}""")
                .when().post("/api/v1/evaluations")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:eligibility:problem:no-rulebase"))
                .body("status", equalTo(503))
                .body("detail", equalTo("The service has no rulebase loaded yet; retry shortly."));
    }
}
