package org.advising.eligibility.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Properties of next steps (NS) over random valid requests to the default rules, each move applied
 * here from the policy's words, independently of the service's code: the results are identical with
 * and without nextSteps; every change a step claims holds when its move is applied and the request
 * evaluated again, and no other answer changes; for a graded step, the grade 0.1 lower does not
 * reach what the step claims for all of its offering's improved answers. {@code -Dnextsteps.requests=N}
 * runs more than the 50 of every build; {@code -Dnextsteps.seed=N} replays a run.
 */
@QuarkusTest
class NextStepsPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = Integer.getInteger("nextsteps.requests", 50);

    @Test
    void steps_are_sound_minimal_and_leave_the_results_alone() throws Exception {
        long seed = Long.getLong("nextsteps.seed", System.nanoTime());
        System.out.println("NextStepsPropertiesTest: seed " + seed + " (replay with -Dnextsteps.seed=" + seed + ")");
        RequestMutator generator = new RequestMutator(new Random(seed), List.of());
        Map<String, Integer> stepsByKind = new TreeMap<>();
        int answered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            ObjectNode request = (ObjectNode) generator.generated();
            Response plain = post(request);
            if (plain.statusCode() != 200) {
                continue; // an invalid combination the generator made (a completion after the as-of date)
            }
            answered++;
            JsonNode before = JSON.readTree(plain.asString());
            ObjectNode asking = request.deepCopy().put("nextSteps", true);
            JsonNode withSteps = JSON.readTree(post(asking).then().statusCode(200).extract().asString());
            for (int r = 0; r < before.get("results").size(); r++) {
                ObjectNode result = (ObjectNode) withSteps.get("results").get(r).deepCopy();
                JsonNode steps = result.remove("nextSteps");
                assertEquals(before.get("results").get(r), result, "same results with nextSteps: " + request);
                for (JsonNode step : steps) {
                    stepsByKind.merge(step.at("/move/kind").asText(), 1, Integer::sum);
                    String offering = result.get("offeringId").asText();
                    JsonNode then = answer(apply(request, offering, step.get("move"), before.get("asOf").asText(), 0));
                    assertEquals(changes(before, then), strip(step.get("changes")), "the step's changes hold: " + step + " in " + request);
                    BigDecimal gpa = step.at("/move/gpa").isMissingNode() ? null : step.at("/move/gpa").decimalValue();
                    if (gpa != null && gpa.signum() > 0 && lowerIsAMove(request, offering, step.at("/move/kind").asText(), gpa)) {
                        JsonNode lower = answer(apply(request, offering, step.get("move"), before.get("asOf").asText(), -1));
                        assertNotEquals(strip(step.get("changes")).stream().filter(c -> c.get("offeringId").asText().equals(offering)
                                        && c.get("effect").asText().equals("BETTER")).toList(),
                                changes(before, lower).stream().filter(c -> c.get("offeringId").asText().equals(offering)
                                        && c.get("effect").asText().equals("BETTER")).toList(),
                                "0.1 lower reaches all the step reaches: " + step + " in " + request);
                    }
                }
            }
        }
        System.out.println("NextStepsPropertiesTest: " + answered + " requests answered, steps by kind " + stepsByKind);
        assertTrue(answered > REQUESTS / 2, "most random requests are valid: " + answered);
        // The kinds' counts are printed; COMPLETE, the most common, must have been checked (the others are rarer: NS-4
        // needs a learner known to hold no bachelor's degree and an offering it would change).
        assertTrue(stepsByKind.getOrDefault("COMPLETE", 0) > 0, "steps were found and checked: " + stepsByKind);
    }

    private static Response post(JsonNode request) throws Exception {
        return given().contentType(ContentType.JSON).body(JSON.writeValueAsString(request)).when().post("/api/v1/evaluations");
    }

    private static JsonNode answer(JsonNode request) throws Exception {
        return JSON.readTree(post(request).then().statusCode(200).extract().asString());
    }

    /** NS-1 .. NS-4 as the brief words them, on the JSON request; {@code tenths} moves the grade (-1: 0.1 lower). */
    private static JsonNode apply(ObjectNode request, String offering, JsonNode move, String asOf, int tenths) {
        ObjectNode changed = request.deepCopy();
        changed.put("asOf", asOf);
        ObjectNode learner = (ObjectNode) changed.get("learner");
        String kind = move.get("kind").asText();
        if (kind.equals("EARN_BACHELORS")) {
            learner.put("holdsBachelorsDegree", true);
            return changed;
        }
        ArrayNode records = learner.has("records") ? (ArrayNode) learner.get("records") : learner.putArray("records");
        ObjectNode record = null;
        for (JsonNode each : records) {
            if (each.get("offeringId").asText().equals(offering)) {
                record = (ObjectNode) each;
            }
        }
        BigDecimal gpa = move.has("gpa") ? move.get("gpa").decimalValue().add(BigDecimal.valueOf(tenths, 1)) : null;
        switch (kind) {
            case "BUY_CERTIFICATE" -> record.put("certificatePurchased", true);
            case "COMPLETE" -> {
                if (record == null) {
                    record = records.addObject().put("offeringId", offering);
                }
                record.put("status", "COMPLETED").put("certificatePurchased", true).put("completedOn", asOf).put("gpa", gpa);
            }
            case "RAISE_GRADE" -> record.put("gpa", gpa);
            default -> throw new IllegalArgumentException(kind);
        }
        return changed;
    }

    /** Whether the grade 0.1 lower is itself a move of that kind (NS-3 raises only above the grade now). */
    private static boolean lowerIsAMove(JsonNode request, String offering, String kind, BigDecimal gpa) {
        if (!kind.equals("RAISE_GRADE")) {
            return true;
        }
        for (JsonNode record : request.at("/learner/records")) {
            if (record.get("offeringId").asText().equals(offering)) {
                return gpa.subtract(BigDecimal.valueOf(1, 1)).compareTo(record.get("gpa").decimalValue()) > 0;
            }
        }
        return false;
    }

    /** Every answer that differs between two answers to a request, as NS-6 lists it (without reasons and policies' absence). */
    private static List<JsonNode> changes(JsonNode before, JsonNode after) {
        List<JsonNode> changes = new java.util.ArrayList<>();
        for (int r = 0; r < before.get("results").size(); r++) {
            JsonNode now = before.get("results").get(r);
            JsonNode then = after.get("results").get(r);
            for (String answer : List.of("credential", "transfersCredit", "degreeAdmission")) {
                if (!now.get(answer).equals(then.get(answer))) {
                    changes.add(change(now.get("offeringId").asText(), answer, null, now.get(answer), then.get(answer), null, null,
                            policy(then, answer, null)));
                }
            }
            for (int t = 0; now.has("transfers") && t < now.get("transfers").size(); t++) {
                JsonNode a = now.get("transfers").get(t);
                JsonNode b = then.get("transfers").get(t);
                if (!a.get("outcome").equals(b.get("outcome")) || a.get("semesterHours").decimalValue().compareTo(b.get("semesterHours").decimalValue()) != 0) {
                    changes.add(change(now.get("offeringId").asText(), "transfer", a.get("institution").asText(), a.get("outcome"),
                            b.get("outcome"), a.get("semesterHours"), b.get("semesterHours"), policy(then, "transfer", a.get("institution").asText())));
                }
            }
        }
        return changes;
    }

    private static ObjectNode change(String offering, String answer, String institution, JsonNode now, JsonNode then, JsonNode nowHours,
            JsonNode thenHours, String policy) {
        ObjectNode change = JSON.createObjectNode().put("offeringId", offering).put("answer", answer);
        if (institution != null) {
            change.put("institution", institution);
        }
        change.put("now", now.asText()).put("then", then.asText());
        if (nowHours != null) {
            change.put("nowSemesterHours", nowHours.decimalValue().stripTrailingZeros().toPlainString())
                    .put("thenSemesterHours", thenHours.decimalValue().stripTrailingZeros().toPlainString());
        }
        change.put("policy", policy);
        change.put("effect", effect(answer, now.asText(), then.asText(), nowHours, thenHours));
        return change;
    }

    /** NS's order of values, written here from the brief: worse first. */
    private static String effect(String answer, String now, String then, JsonNode nowHours, JsonNode thenHours) {
        List<String> order = switch (answer) {
            case "credential" -> null;
            case "transfersCredit" -> List.of("NO", "CONDITIONAL", "YES");
            case "degreeAdmission" -> List.of("NOT_ELIGIBLE", "PATHWAY", "ELIGIBLE");
            default -> List.of("NOT_ACCEPTED", "REVIEW", "EXPECTED", "ACCEPTED");
        };
        int a;
        int b;
        if (order == null) {
            a = now.equals("NONE") ? 0 : 1;
            b = then.equals("NONE") ? 0 : 1;
        } else {
            a = order.indexOf(now);
            b = order.indexOf(then);
            if (a < 0 || b < 0) {
                return "OTHER";
            }
        }
        int compared = a != b ? Integer.compare(b, a)
                : nowHours == null ? 0 : thenHours.decimalValue().compareTo(nowHours.decimalValue());
        return compared > 0 ? "BETTER" : compared < 0 ? "WORSE" : "OTHER";
    }

    private static String policy(JsonNode result, String answer, String institution) {
        String topic = switch (answer) {
            case "credential" -> "CREDENTIAL";
            case "transfersCredit" -> "CREDIT";
            case "degreeAdmission" -> "ADMISSION";
            default -> "TRANSFER";
        };
        for (JsonNode conclusion : result.get("conclusions")) {
            if (conclusion.get("topic").asText().equals(topic)
                    && (institution == null || institution.equals(conclusion.path("institution").asText()))) {
                return conclusion.get("policy").asText();
            }
        }
        return null;
    }

    /** A step's changes with hours as plain numbers, for comparing with {@link #changes}. */
    private static List<JsonNode> strip(JsonNode changes) {
        List<JsonNode> stripped = new java.util.ArrayList<>();
        for (JsonNode change : changes) {
            ObjectNode copy = change.deepCopy();
            for (String hours : List.of("nowSemesterHours", "thenSemesterHours")) {
                if (copy.has(hours)) {
                    copy.put(hours, copy.get(hours).decimalValue().stripTrailingZeros().toPlainString());
                }
            }
            stripped.add(copy);
        }
        return stripped;
    }
}
