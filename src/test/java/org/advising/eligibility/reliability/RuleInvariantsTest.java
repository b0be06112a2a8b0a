package org.advising.eligibility.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Invariants of every answer, over 1,000 random valid requests to the default rules: each summary
 * field backed by exactly one conclusion of its topic that gives that value; every conclusion's
 * policy and rule in the catalogue; results in request order; the same request, the same answer.
 * Where the request names receiving institutions: one TRANSFER conclusion per offering and
 * institution, transfers[] agreeing with it, totals equal to the sums, caps never exceeded; where
 * it names none, no transfer at all. 300 requests; {@code -Dinvariants.requests=N} runs more. The seed is printed; {@code -Dinvariants.seed=N} replays a run.
 */
@QuarkusTest
class RuleInvariantsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = Integer.getInteger("invariants.requests", 300);
    /** Summary field → the topic that decides it and how the conclusion's outcome reads in that field. */
    private static final Map<String, Map.Entry<String, Function<String, JsonNode>>> SUMMARY = Map.of(
            "accredited", Map.entry("ACCREDITATION", outcome -> JSON.getNodeFactory().booleanNode(outcome.equals("ACCREDITED"))),
            "credential", Map.entry("CREDENTIAL", outcome -> JSON.getNodeFactory().textNode(outcome)),
            "transfersCredit", Map.entry("CREDIT", outcome -> JSON.getNodeFactory().textNode(outcome)),
            "degreeAdmission", Map.entry("ADMISSION", outcome -> JSON.getNodeFactory().textNode(outcome)),
            "industryCertification", Map.entry("INDUSTRY_CERTIFICATION",
                    outcome -> JSON.getNodeFactory().booleanNode(outcome.equals("CONFERRED"))));

    @Test
    void every_answer_is_backed_catalogued_ordered_and_repeatable() throws Exception {
        long seed = Long.getLong("invariants.seed", System.nanoTime());
        System.out.println("RuleInvariantsTest: " + REQUESTS + " requests, seed " + seed + " (replay with -Dinvariants.seed=" + seed + "; -Dinvariants.requests=N runs more)");
        JsonNode catalogue = JSON.readTree(given().get("/api/v1/rules").then().statusCode(200).extract().asString());
        Set<String> policies = new HashSet<>();
        Set<String> rules = new HashSet<>();
        catalogue.get("rules").forEach(rule -> {
            policies.add(rule.get("policy").asText());
            rules.add(rule.get("name").asText());
        });
        RequestMutator generator = new RequestMutator(new Random(seed), List.of());
        int answered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            JsonNode request = generator.generated();
            String body = JSON.writeValueAsString(request);
            Response response = post(body);
            if (response.statusCode() == 400) {
                continue; // the generator also makes some invalid combinations: the fuzzing test covers those
            }
            assertEquals(200, response.statusCode(), body + " → " + response.asString());
            answered++;
            JsonNode answer = JSON.readTree(response.asString());
            List<String> offeringIds = new ArrayList<>();
            request.get("offerings").forEach(offering -> offeringIds.add(offering.get("id").asText()));
            List<String> resultIds = new ArrayList<>();
            answer.get("results").forEach(result -> resultIds.add(result.get("offeringId").asText()));
            assertEquals(offeringIds, resultIds, "results in request order for " + body);
            for (JsonNode result : answer.get("results")) {
                for (var field : SUMMARY.entrySet()) {
                    String topic = field.getValue().getKey();
                    List<JsonNode> ofTopic = new ArrayList<>();
                    result.get("conclusions").forEach(c -> {
                        if (c.get("topic").asText().equals(topic)) {
                            ofTopic.add(c);
                        }
                    });
                    assertEquals(1, ofTopic.size(), field.getKey() + " backed by one " + topic + " conclusion in " + result);
                    assertEquals(field.getValue().getValue().apply(ofTopic.get(0).get("outcome").asText()), result.get(field.getKey()),
                            field.getKey() + " gives its conclusion's outcome in " + result);
                }
                for (JsonNode conclusion : result.get("conclusions")) {
                    assertTrue(policies.contains(conclusion.get("policy").asText()), conclusion + " names a catalogued policy");
                    assertTrue(rules.contains(conclusion.get("rule").asText()), conclusion + " names a catalogued rule");
                    conclusion.get("basedOn").forEach(basis -> assertTrue(policies.contains(basis.asText()), conclusion.toString()));
                }
            }
            checkTransfers(request, answer, body);
            assertEquals(response.asString(), post(body).asString(), "the same request, the same answer: " + body);
        }
        System.out.println("RuleInvariantsTest: " + answered + " of " + REQUESTS + " generated requests were valid and checked");
        assertTrue(answered > REQUESTS / 2, "most generated requests are valid: " + answered);
    }

    private static void checkTransfers(JsonNode request, JsonNode answer, String body) throws Exception {
        if (!request.has("receivingInstitutions")) {
            assertTrue(!answer.has("institutions") && answer.get("results").findValues("transfers").isEmpty(), "no transfers: " + body);
            answer.get("results").forEach(result -> result.get("conclusions").forEach(conclusion ->
                    assertTrue(!conclusion.get("topic").asText().equals("TRANSFER"), "no TRANSFER conclusion: " + body)));
            return;
        }
        List<String> ids = new ArrayList<>();
        request.get("receivingInstitutions").forEach(id -> ids.add(id.asText()));
        String asOf = answer.get("asOf").asText();
        JsonNode policies = JSON.readTree(given().get("/api/v1/institutions?asOf=" + asOf).then().statusCode(200).extract().asString());
        Map<String, BigDecimal> accepted = new HashMap<>();
        Map<String, BigDecimal> expected = new HashMap<>();
        Map<String, BigDecimal> recommended = new HashMap<>();
        for (JsonNode result : answer.get("results")) {
            List<String> shown = new ArrayList<>();
            result.get("transfers").forEach(transfer -> shown.add(transfer.get("institution").asText()));
            assertEquals(ids, shown, "one transfer per institution, in request order: " + body);
            for (JsonNode transfer : result.get("transfers")) {
                String id = transfer.get("institution").asText();
                List<JsonNode> backing = new ArrayList<>();
                result.get("conclusions").forEach(c -> {
                    if (c.get("topic").asText().equals("TRANSFER") && c.get("institution").asText().equals(id)) {
                        backing.add(c);
                    }
                });
                assertEquals(1, backing.size(), "one TRANSFER conclusion for " + id + " in " + result);
                JsonNode conclusion = backing.get(0);
                assertEquals(transfer.get("outcome"), conclusion.get("outcome"), result.toString());
                assertEquals(transfer.get("semesterHours"), conclusion.get("semesterHours"), result.toString());
                String outcome = transfer.get("outcome").asText();
                BigDecimal hours = transfer.get("semesterHours").decimalValue();
                if (!outcome.equals("ACCEPTED") && !outcome.equals("EXPECTED")) {
                    assertEquals(0, hours.signum(), "no hours unless accepted or expected: " + result);
                }
                (outcome.equals("ACCEPTED") ? accepted : expected).merge(id, outcome.equals("ACCEPTED") || outcome.equals("EXPECTED")
                        ? hours : BigDecimal.ZERO, BigDecimal::add);
                boolean isRecommended = conclusion.get("policy").asText().equals("TR-6")
                        || conclusion.get("basedOn").toString().contains("\"TR-6\"");
                if (isRecommended && (outcome.equals("ACCEPTED") || outcome.equals("EXPECTED"))) {
                    recommended.merge(id, hours, BigDecimal::add);
                }
            }
        }
        List<String> totalled = new ArrayList<>();
        answer.get("institutions").forEach(totals -> totalled.add(totals.get("id").asText()));
        assertEquals(ids, totalled, "totals per institution, in request order: " + body);
        for (JsonNode totals : answer.get("institutions")) {
            String id = totals.get("id").asText();
            assertEquals(0, accepted.getOrDefault(id, BigDecimal.ZERO).compareTo(totals.get("acceptedSemesterHours").decimalValue()), body);
            assertEquals(0, expected.getOrDefault(id, BigDecimal.ZERO).compareTo(totals.get("expectedSemesterHours").decimalValue()), body);
            JsonNode policy = null;
            for (JsonNode institution : policies.get("institutions")) {
                policy = institution.get("id").asText().equals(id) ? institution : policy;
            }
            BigDecimal all = accepted.getOrDefault(id, BigDecimal.ZERO).add(expected.getOrDefault(id, BigDecimal.ZERO));
            if (policy.has("maxTransferSemesterHours")) {
                assertTrue(all.compareTo(policy.get("maxTransferSemesterHours").decimalValue()) <= 0, "total cap of " + id + ": " + body);
            }
            if (policy.has("creditRecommendations") && policy.get("creditRecommendations").has("maxSemesterHours")) {
                assertTrue(recommended.getOrDefault(id, BigDecimal.ZERO)
                        .compareTo(policy.get("creditRecommendations").get("maxSemesterHours").decimalValue()) <= 0,
                        "recommended cap of " + id + ": " + body);
            }
        }
    }

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/evaluations");
    }
}
