package org.advising.eligibility.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.advising.eligibility.ContractExamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One audit line per evaluation, with request id, rulebase, asOf, decisions and a pseudonymised learner. */
@QuarkusTest
@TestProfile(DecisionAuditTest.WithLearnerKey.class)
class DecisionAuditTest {

    static final String KEY = "audit-test-key";

    public static class WithLearnerKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eligibility.audit.learner-key", KEY);
        }
    }

    private AuditLines audit;
    private List<String> lines;

    @BeforeEach
    void listen() {
        audit = AuditLines.capture();
        lines = audit.lines();
    }

    @AfterEach
    void stop() {
        audit.close();
    }

    private static String example(String file) throws Exception {
        return ContractExamples.requestBody(file);
    }

    /** Posts the example to the endpoint with this request id: its one audit line, which names the id and the active rulebase. */
    private JsonNode theOnlyLine(String endpoint, String example, String requestId) throws Exception {
        String version = given().when().get("/api/v1/rulebase").then().extract().path("active.version");
        given().contentType(ContentType.JSON).header("X-Request-Id", requestId).body(example(example))
                .when().post(endpoint)
                .then().statusCode(200).header("X-Request-Id", requestId);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertEquals(requestId, line.get("requestId").asText());
        assertEquals(version, line.get("rulebase").asText());
        return line;
    }

    private static String pseudonym(String learnerId) {
        return DecisionAudit.pseudonym(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), learnerId);
    }

    @Test
    void an_evaluation_writes_one_audit_line_with_its_request_id_and_decisions_but_no_learner_data() throws Exception {
        JsonNode line = theOnlyLine("/api/v1/evaluations", "01-mastertrack-completed-eligible.json", "portal-42.7");
        assertEquals(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), line.get("asOf").asText());
        assertEquals(pseudonym("learner-1"), line.get("learner").asText());
        assertTrue(line.get("durationMs").asDouble() > 0);
        JsonNode offering = line.get("offerings").get(0);
        assertEquals("mt-ds", offering.get("offeringId").asText());
        assertEquals("ELIGIBLE", offering.get("degreeAdmission").asText());
        assertEquals("[\"ACC-3\",\"CRED-2\",\"CR-1\",\"ADM-1\",\"IND-1\"]", offering.get("policies").toString());
        assertFalse(lines.get(0).contains("learner-1"), "no raw learner id");
        // The line's own duration and time are numbers too: a duration of 13.4 ms is not the grade 3.4.
        assertFalse(((ObjectNode) line.deepCopy()).without(List.of("durationMs", "time")).toString().contains("3.4"), "no grade");
        assertFalse(lines.get(0).contains("Example State University"), "no request content beyond offering ids");
    }

    @Test
    void a_transfer_options_request_writes_one_audit_line_with_the_institutions_ranked_and_no_learner_data() throws Exception {
        JsonNode line = theOnlyLine("/api/v1/transfer-options", "transfer-options/15-where-a-portfolio-counts-most.json", "portal-options-9");
        assertEquals("transfer-options", line.get("endpoint").asText());
        assertEquals("2026-11-20", line.get("asOf").asText());
        assertEquals(pseudonym("learner-15"), line.get("learner").asText());
        assertEquals("[\"pc-da\",\"mt-ds\",\"c-stats\"]", line.get("offerings").toString());
        assertEquals(4, line.get("institutionsConsidered").asInt());
        assertEquals("{\"institution\":\"example-state\",\"acceptedSemesterHours\":12,\"expectedSemesterHours\":3}",
                line.get("options").get(0).toString());
        assertEquals(4, line.get("options").size());
        assertFalse(lines.get(0).contains("learner-15"), "no raw learner id");
        assertFalse(lines.get(0).contains("Example State University"), "no names beyond ids");
    }

    @Test
    void a_request_without_a_usable_id_gets_a_new_one_in_the_header_and_the_audit_line() throws Exception {
        String body = example("02-course-credit-unstated.json");
        String id = given().contentType(ContentType.JSON).header("X-Request-Id", "bad id\twith spaces").body(body)
                .when().post("/api/v1/evaluations")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        assertEquals(id, new ObjectMapper().readTree(lines.get(0)).get("requestId").asText());
    }

    @Test
    void a_rejected_request_is_not_audited_but_still_carries_its_id() {
        given().contentType(ContentType.JSON).header("X-Request-Id", "r-1").body("{}")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).header("X-Request-Id", "r-1");
        assertEquals(List.of(), lines);
    }
}
