package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * POST /api/v1/transfer-options (TO): every transfer-options contract example, from the project's
 * copy and the shared folder, gets exactly its ranked options and count; ties are broken as TO-3
 * says; the fields it refuses and a bad limit are 400s naming them.
 */
@QuarkusTest
class TransferOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> every_transfer_options_example_gets_exactly_its_ranked_options() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : ContractExamplesTest.EXAMPLE_FOLDERS) {
            Path options = folder.resolve("transfer-options");
            if (Files.isDirectory(options)) {
                try (Stream<Path> listing = Files.list(options)) {
                    listing.filter(path -> path.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
        }
        assertFalse(files.isEmpty());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            JsonNode example = JSON.readTree(file.toFile());
            ObjectNode request = example.get("request").deepCopy();
            if (example.has("limit")) {
                request.set("limit", example.get("limit"));
            }
            JsonNode answer = post(request);
            assertEquals(example.get("expectConsidered").asInt(), answer.get("institutionsConsidered").asInt(), "institutionsConsidered");
            assertEquals(normalised(example.get("expectOptions")), normalised(answer.get("options")));
        }));
    }

    @Test
    void ties_are_broken_by_expected_hours_matches_reviews_then_id() throws IOException {
        // Nothing of an unaccredited company's course transfers anywhere: every institution misses it, and the
        // options then stand alphabetically; a course in progress of an accredited university is expected at those
        // that take its level, so they come first.
        JsonNode answer = post(JSON.readTree("""
                {"asOf": "2026-11-20", "learner": {"id": "l", "records": [{"offeringId": "c", "status": "ENROLLED"}]},
                 "offerings": [{"id": "c", "type": "COURSE", "creditEligible": true, "semesterHours": 3, "creditLevel": "LOWER_DIVISION",
                   "provider": {"name": "Example State University", "kind": "UNIVERSITY", "accreditor": "HLC", "domain": "example.edu"}}]}"""));
        List<String> ranked = new ArrayList<>();
        answer.get("options").forEach(option -> ranked.add(option.get("id").asText() + " " + option.get("expectedSemesterHours").asInt()
                + " " + option.get("matches").asInt() + "/" + option.get("misses").asInt()));
        assertEquals(List.of("example-state 3 1/0", "lakeside-cc 3 1/0", "northbridge-college 3 1/0", "harbor-grad 0 0/1"), ranked);
        JsonNode nothing = post(JSON.readTree("""
                {"asOf": "2026-11-20", "learner": {"id": "l"},
                 "offerings": [{"id": "c", "type": "COURSE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}]}"""));
        List<String> alphabetical = new ArrayList<>();
        nothing.get("options").forEach(option -> alphabetical.add(option.get("id").asText()));
        assertEquals(List.of("example-state", "harbor-grad", "lakeside-cc", "northbridge-college"), alphabetical);
    }

    @Test
    void limit_lists_only_the_best_and_the_count_stays_every_institution() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree("""
                {"asOf": "2026-11-20", "learner": {"id": "l"}, "limit": 2,
                 "offerings": [{"id": "c", "type": "COURSE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}]}""");
        JsonNode answer = post(request);
        assertEquals(4, answer.get("institutionsConsidered").asInt());
        assertEquals(2, answer.get("options").size());
        assertEquals("sha256", answer.at("/rulebase/version").asText().substring(0, 6));
    }

    @Test
    void named_institutions_next_steps_and_a_bad_limit_are_400s_naming_each() {
        given().contentType(ContentType.JSON).body("""
                {"learner": {"id": "l"}, "receivingInstitutions": ["example-state", "nowhere"], "nextSteps": true, "limit": 0,
                 "offerings": [{"id": "c", "type": "COURSE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}]}""")
                .when().post("/api/v1/transfer-options")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("limit", "nextSteps", "receivingInstitutions"))
                .body("errors[0].message", equalTo("must be from 1 to 1000"))
                .body("errors[1].message", equalTo("is not a field of transfer-options requests: next steps are a field of evaluation "
                        + "requests"))
                .body("errors[2].message", equalTo("is not a field of transfer-options requests: they rank every institution in effect "
                        + "on the as-of date; to ask about named institutions, send an evaluation request"));
        given().contentType(ContentType.JSON).body("""
                {"learner": {"id": "l"}, "limit": "many",
                 "offerings": [{"id": "c", "type": "COURSE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}]}""")
                .when().post("/api/v1/transfer-options")
                .then().statusCode(400).body("errors.field", contains("limit"));
    }

    @Test
    void an_evaluation_refuses_limit_naming_it() {
        given().contentType(ContentType.JSON).body("""
                {"learner": {"id": "l"}, "limit": 5,
                 "offerings": [{"id": "c", "type": "COURSE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}]}""")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).body("errors.field", contains("limit"))
                .body("errors[0].message", equalTo("is a field of transfer-options requests only; an evaluation answers every offering"));
    }

    @Test
    void the_other_kinds_fields_sent_as_null_ask_for_nothing_and_are_accepted() {
        given().contentType(ContentType.JSON).body("""
                {"learner": {"id": "l"}, "limit": null,
                 "offerings": [{"id": "c", "type": "COURSE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}]}""")
                .when().post("/api/v1/evaluations")
                .then().statusCode(200).body("results.offeringId", contains("c"));
        given().contentType(ContentType.JSON).body("""
                {"learner": {"id": "l"}, "receivingInstitutions": null, "nextSteps": null, "limit": 2,
                 "offerings": [{"id": "c", "type": "COURSE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}]}""")
                .when().post("/api/v1/transfer-options")
                .then().statusCode(200).body("options.size()", equalTo(2));
    }

    private static JsonNode post(JsonNode request) throws IOException {
        return JSON.readTree(given().contentType(ContentType.JSON).body(JSON.writeValueAsString(request))
                .when().post("/api/v1/transfer-options").then().statusCode(200).extract().asString());
    }

    /** Options as lines of text without names, numbers compared by value (3 and 3.0 alike). */
    static List<String> normalised(JsonNode options) {
        List<String> lines = new ArrayList<>();
        options.forEach(option -> {
            lines.add(option.get("id").asText() + " accepted=" + number(option.get("acceptedSemesterHours")) + " expected="
                    + number(option.get("expectedSemesterHours")) + " matches=" + option.get("matches").asInt() + " reviews="
                    + option.get("reviews").asInt() + " misses=" + option.get("misses").asInt());
            option.get("offerings").forEach(offering -> lines.add("  " + offering.get("offeringId").asText() + " "
                    + offering.get("outcome").asText() + " " + number(offering.get("semesterHours")) + " " + offering.get("policy").asText()));
        });
        return lines;
    }

    private static String number(JsonNode value) {
        return value.decimalValue().stripTrailingZeros().toPlainString();
    }
}
