package org.advising.eligibility.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without a configured learner key, the audit line leaves the learner out altogether. */
@QuarkusTest
class DecisionAuditWithoutKeyTest {

    @Test
    void the_learner_is_left_out_of_the_audit_line() throws Exception {
        List<String> lines;
        try (AuditLines audit = AuditLines.capture()) {
            given().contentType(ContentType.JSON)
                    .body("{\"learner\": {\"id\": \"learner-secret-7\"}, \"offerings\": [{\"id\": \"c1\", \"type\": \"COURSE\","
                            + " \"provider\": {\"name\": \"U\", \"kind\": \"COMPANY\"}}]}")
                    .when().post("/api/v1/evaluations").then().statusCode(200);
            lines = audit.lines();
        }
        assertEquals(1, lines.size());
        assertFalse(new ObjectMapper().readTree(lines.get(0)).has("learner"), lines.get(0));
        assertFalse(lines.get(0).contains("learner-secret-7"));
    }
}
