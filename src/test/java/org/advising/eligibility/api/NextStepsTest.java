package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Next steps (NS): every next-steps contract example, from the project's copy and the shared folder,
 * gets exactly its steps (moves and changes), the results stay those of the same request without
 * next steps, and a bad nextSteps is a 400 naming it.
 */
@QuarkusTest
class NextStepsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> every_next_steps_example_gets_exactly_its_steps_and_the_same_results() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : ContractExamplesTest.EXAMPLE_FOLDERS) {
            Path steps = folder.resolve("next-steps");
            if (Files.isDirectory(steps)) {
                try (Stream<Path> listing = Files.list(steps)) {
                    listing.filter(path -> path.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
        }
        assertFalse(files.isEmpty());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> check(JSON.readTree(file.toFile()))));
    }

    private static void check(JsonNode example) throws IOException {
        ObjectNode request = (ObjectNode) example.get("request").deepCopy();
        JsonNode plain = post(request);
        request.put("nextSteps", true);
        JsonNode withSteps = post(request);
        JsonNode expected = example.get("expectNextSteps");
        assertEquals(plain.get("results").size(), withSteps.get("results").size());
        for (int i = 0; i < plain.get("results").size(); i++) {
            ObjectNode result = (ObjectNode) withSteps.get("results").get(i).deepCopy();
            JsonNode steps = result.remove("nextSteps");
            assertEquals(plain.get("results").get(i), result, "the results are those of the request without nextSteps");
            String offering = result.get("offeringId").asText();
            JsonNode want = expected.has(offering) ? expected.get(offering) : JSON.createArrayNode();
            assertEquals(normalised(want), normalised(steps), offering);
            steps.forEach(step -> assertTrue(step.get("reason").asText().endsWith("."), step.toString()));
        }
        assertEquals(plain.get("institutions"), withSteps.get("institutions"));
        // As a batch line, the same request gets the same results and steps (found on the next-steps workers).
        String line = given().contentType("application/x-ndjson").body(JSON.writeValueAsBytes(request))
                .when().post("/api/v1/evaluations/batch").then().statusCode(200).extract().asString();
        JsonNode batched = JSON.readTree(line);
        assertEquals(200, batched.get("status").asInt(), line);
        assertEquals(withoutLoadTime(withSteps), withoutLoadTime(batched.get("result")));
    }

    /** An answer without the rulebase's load time, which is the same for both but written alike only by chance. */
    private static JsonNode withoutLoadTime(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("rulebase");
        return copy;
    }

    /** Steps as text, without reasons, numbers compared by value (3 and 3.0 alike). */
    private static List<String> normalised(JsonNode steps) {
        List<String> lines = new ArrayList<>();
        steps.forEach(step -> {
            JsonNode move = step.get("move");
            lines.add(move.get("kind").asText() + (move.has("gpa") ? " " + move.get("gpa").decimalValue().stripTrailingZeros() : ""));
            step.get("changes").forEach(change -> {
                List<String> fields = new ArrayList<>();
                List<String> names = new ArrayList<>();
                change.fieldNames().forEachRemaining(names::add);
                names.stream().sorted().forEach(name -> fields.add(name + "=" + (change.get(name).isNumber()
                        ? change.get(name).decimalValue().stripTrailingZeros().toPlainString() : change.get(name).asText())));
                lines.add("  " + String.join(" ", fields));
            });
        });
        return lines;
    }

    private static JsonNode post(JsonNode request) throws IOException {
        return JSON.readTree(given().contentType(ContentType.JSON).body(JSON.writeValueAsString(request))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString());
    }

    @Test
    void the_reason_names_the_move_the_grade_and_what_improves() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(Path.of(
                "src/main/resources/META-INF/resources/examples/next-steps/12-mastertrack-grade-for-admission-and-transfer.json").toFile())
                .get("request");
        request.put("nextSteps", true);
        assertEquals("Complete this MasterTrack with a grade of at least 3.0: degree admission becomes eligible (ADM-1) and "
                + "Harbor Graduate School of Engineering accepts 9 of its hours (TR-8).",
                post(request).at("/results/0/nextSteps/0/reason").asText());
    }

    @Test
    void a_request_without_next_steps_gets_no_next_steps_field_and_one_that_cannot_improve_gets_an_empty_list() {
        String request = """
                {"learner": {"id": "l"}, "offerings": [{"id": "pc", "type": "PROFESSIONAL_CERTIFICATE",
                 "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}]%s}""";
        given().contentType(ContentType.JSON).body(request.formatted("")).when().post("/api/v1/evaluations")
                .then().statusCode(200).body("results[0].containsKey('nextSteps')", equalTo(false));
        given().contentType(ContentType.JSON).body(request.formatted(", \"nextSteps\": true")).when().post("/api/v1/evaluations")
                .then().statusCode(200).body("results[0].nextSteps", equalTo(List.of()));
    }

    @Test
    void a_next_steps_that_is_not_a_boolean_or_too_many_offerings_is_a_400_naming_next_steps() {
        given().contentType(ContentType.JSON).body("""
                {"learner": {"id": "l"}, "offerings": [{"id": "c", "type": "COURSE",
                 "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}], "nextSteps": "soon"}""")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).body("errors.field", equalTo(List.of("nextSteps")))
                .body("errors.message", equalTo(List.of("\"soon\" is not allowed: must be true or false")));
        StringBuilder offerings = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            offerings.append(i == 0 ? "" : ",").append("{\"id\": \"c").append(i)
                    .append("\", \"type\": \"COURSE\", \"provider\": {\"name\": \"Example Cloud Co\", \"kind\": \"COMPANY\"}}");
        }
        given().contentType(ContentType.JSON).body("{\"learner\": {\"id\": \"l\"}, \"offerings\": [" + offerings + "], \"nextSteps\": true}")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).body("errors.field", equalTo(List.of("nextSteps")))
                .body("errors.message", equalTo(List.of("asks for the next steps of 21 offerings; at most 20 per request "
                        + "(send the others in another request)")));
    }
}
