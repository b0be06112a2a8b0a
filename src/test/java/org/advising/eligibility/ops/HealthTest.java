package org.advising.eligibility.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.advising.eligibility.ShippedRules;
import org.junit.jupiter.api.Test;

/** The probes Kubernetes calls: live, ready (only with a rulebase, naming its version), started. */
@QuarkusTest
class HealthTest {

    @Test
    void the_service_is_live_ready_and_started_with_its_rulebase_version() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rulebase' }.data.version", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("checks.find { it.name == 'rulebase' }.data.rules", equalTo(ShippedRules.ruleCount()));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }
}
