package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advising.eligibility.ContractExamples;
import org.junit.jupiter.api.Test;

/** POST /api/v1/evaluations/batch: NDJSON in, one answer line per request out, in input order, bad lines included. */
@QuarkusTest
@TestProfile(BatchTest.FiveLinesAtMost.class)
class BatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static class FiveLinesAtMost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eligibility.batch.max-lines", "5", "eligibility.api.max-body-size", "4K");
        }
    }

    private static Response batch(String body) {
        return given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/evaluations/batch");
    }

    private static List<JsonNode> lines(Response response) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.asString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** The single endpoint's answer to the same request, without the rulebase's load time (the same rulebase decides both). */
    private static JsonNode single(String request) throws Exception {
        return JSON.readTree(given().contentType(ContentType.JSON).body(request).when().post("/api/v1/evaluations")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void good_and_bad_lines_each_get_their_answer_in_input_order_and_a_bad_line_never_stops_the_batch() throws Exception {
        String first = ContractExamples.requestBody("01-mastertrack-completed-eligible.json");
        String transfer = ContractExamples.read("transfer/09-transfer-recommendation-cap.json").get("request").toString();
        String body = first + "\n"
                + "{\"learner\": {\"id\": \"l\"}, \"offerings\": [{\"id\": \"c\", \"type\": \"COURS\"\n"
                + "\n"
                + "{\"learner\": {\"id\": \"l\"}, \"offerings\": [{\"id\": \"c\", \"type\": \"COURSE\", \"provider\": {\"kind\": \"COMPANY\"}}],"
                + " \"receivingInstitutions\": [\"nowhere-u\"]}\n"
                + "{\"learner\": {\"id\": \"" + "x".repeat(5000) + "\"}}\n"
                + transfer;
        Response response = batch(body);
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("application/x-ndjson", response.contentType());
        String version = response.header("X-Rulebase-Version");
        assertTrue(version.matches("sha256:[0-9a-f]{64}"), version);
        List<JsonNode> lines = lines(response);
        assertEquals(List.of(1L, 2L, 4L, 5L, 6L), lines.stream().map(line -> line.get("line").asLong()).toList(), "blank line 3 is skipped");
        assertEquals(List.of(200, 400, 400, 413, 200), lines.stream().map(line -> line.get("status").asInt()).toList());
        lines.forEach(line -> assertEquals(version, line.get("rulebase").asText(), "every line names the batch's rulebase"));
        assertEquals(single(first), lines.get(0).get("result"), "a line's result is what the single endpoint answers");
        assertEquals(single(transfer), lines.get(4).get("result"));
        assertEquals("urn:eligibility:problem:invalid-request", lines.get(1).get("problem").get("type").asText());
        assertTrue(lines.get(1).get("problem").get("errors").get(0).get("message").asText().startsWith("malformed JSON"),
                lines.get(1).toString());
        assertEquals(List.of("offerings[0].provider.name", "receivingInstitutions[0]"),
                List.of(lines.get(2).get("problem").get("errors").get(0).get("field").asText(),
                        lines.get(2).get("problem").get("errors").get(1).get("field").asText()));
        assertEquals("The request body is over the limit of 4096 bytes.", lines.get(3).get("problem").get("detail").asText());
    }

    @Test
    void past_the_most_lines_a_batch_holds_it_ends_with_a_413_line() throws Exception {
        String request = ContractExamples.requestBody("03-course-audited.json");
        List<JsonNode> lines = lines(batch((request + "\n").repeat(7)));
        assertEquals(List.of(200, 200, 200, 200, 200, 413), lines.stream().map(line -> line.get("status").asInt()).toList());
        assertEquals("A batch holds at most 5 requests; line 6 and the rest were not read. Send them in another batch.",
                lines.get(5).get("problem").get("detail").asText());
    }
}
