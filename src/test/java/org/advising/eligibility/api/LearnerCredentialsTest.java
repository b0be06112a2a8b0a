package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Learner credentials (LC) over HTTP: every credential and proof contract example, from the
 * project's copy and the shared folder, gets exactly its results, transfers, totals and the fields
 * each expected reading lists (16 and 17 list no proof); the answer with credentials is the answer
 * with their records and recommendations written out; a credential without a proof says so; malformed credentials are 400s naming each one's path and member, with
 * every other bad field at once.
 */
@QuarkusTest
class LearnerCredentialsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<Path> FOLDERS = List.of(Path.of("src/test/resources/credential-examples"),
            Path.of("../shared/contract/credential-examples"), Path.of("src/test/resources/proof-examples"),
            Path.of("../shared/contract/proof-examples"));

    @TestFactory
    Stream<DynamicTest> every_credential_example_gets_its_results_totals_and_readings() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : FOLDERS) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> listing = Files.list(folder)) {
                    listing.filter(path -> path.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
        }
        assertFalse(files.isEmpty());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            JsonNode example = JSON.readTree(file.toFile());
            JsonNode answer = ContractExamplesTest.check(example);
            JsonNode expected = example.get("expectCredentials");
            ArrayNode readings = JSON.createArrayNode();
            for (int i = 0; i < answer.get("credentials").size(); i++) { // the fields each expected reading lists
                JsonNode reading = answer.get("credentials").get(i);
                ObjectNode compared = JSON.createObjectNode();
                expected.path(i).fieldNames().forEachRemaining(field -> compared.set(field, reading.get(field)));
                readings.add(i < expected.size() ? compared : reading);
            }
            assertSameJson(expected, readings, "the readings");
        }));
    }

    @Test
    void the_answer_with_a_credential_is_the_answer_with_its_record_and_recommendation_written_out() throws IOException {
        JsonNode example = JSON.readTree(FOLDERS.get(0).resolve("16-certificate-badge-with-ace-recommendation.json").toFile());
        ObjectNode withCredential = example.get("request").deepCopy();
        ObjectNode byHand = example.get("request").deepCopy();
        ((ObjectNode) byHand.get("learner")).remove("credentials");
        ((ObjectNode) byHand.get("learner")).putArray("records").addObject().put("offeringId", "pc-cloud").put("status", "COMPLETED")
                .put("certificatePurchased", true).put("completedOn", "2026-06-30");
        ((ObjectNode) byHand.get("offerings").get(0)).putObject("creditRecommendation").put("source", "ACE").put("semesterHours", 9)
                .put("level", "LOWER_DIVISION").put("validFrom", "2025-01-01").put("validUntil", "2027-12-31");
        JsonNode read = post(withCredential);
        JsonNode written = post(byHand);
        assertEquals(written.get("results"), read.get("results"));
        assertEquals(written.get("institutions"), read.get("institutions"));
        JsonNode reading = read.get("credentials").get(0);
        assertEquals("Cloud Associate Professional Certificate", reading.get("name").asText());
        assertEquals("Example Cloud Co", reading.get("issuer").asText());
        assertEquals(false, reading.get("proofChecked").asBoolean());
        assertEquals("{\"status\":\"NONE\",\"issuerAuthenticated\":false,\"from\":\"OWN\"}", reading.get("proof").toString());
        assertEquals(List.of(
                "It carries no proof, so nothing shows who issued it or that it was not changed.",
                "Completed on 2026-06-30 (its activityEndDate).",
                "It states no result, so the record has no grade.",
                "ACE also recommends 15 semester hours at the vocational level; the first recommendation is used."),
                JSON.convertValue(reading.get("notes"), List.class));
    }

    @Test
    void the_older_data_model_a_plain_issuer_a_single_type_and_a_letter_grade_read_alike() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree("""
                {"asOf": "2026-11-20", "learner": {"id": "l", "credentials": [
                  {"type": "AchievementCredential", "issuer": "https://registrar.example.edu", "issuanceDate": "2026-05-20T10:00:00-05:00",
                   "expirationDate": "2030-01-01T00:00:00Z", "proof": {"type": "DataIntegrityProof"}, "image": "x",
                   "credentialSubject": {"achievement": {"id": "urn:course:stat-101", "name": "Statistics",
                       "resultDescription": [{"id": "urn:rd:1", "resultType": "LetterGrade"}]},
                     "result": [{"resultDescription": "urn:rd:1", "value": "b+"}]}}]},
                 "offerings": [{"id": "c", "type": "COURSE", "creditEligible": true, "semesterHours": 3, "creditLevel": "LOWER_DIVISION",
                   "achievementId": "urn:course:stat-101",
                   "provider": {"name": "Example State University", "kind": "UNIVERSITY", "accreditor": "HLC"}}]}""");
        JsonNode reading = post(request).get("credentials").get(0);
        assertSameJson(JSON.readTree("""
                {"path": "learner.credentials[0]", "achievementId": "urn:course:stat-101", "name": "Statistics",
                 "issuer": "https://registrar.example.edu", "use": "RECORD", "offeringId": "c",
                 "record": {"status": "COMPLETED", "certificatePurchased": true, "gpa": 3.3, "completedOn": "2026-05-20"},
                 "proofChecked": false, "proof": {"status": "UNSUPPORTED", "type": "DataIntegrityProof", "issuerAuthenticated": false,
                 "from": "OWN"}}"""), without(reading, "notes"), "VC 1.1 dates, a plain issuer and B+");
        assertTrue(reading.get("notes").toString().contains("Completed on 2026-05-20 (its issuanceDate)."), reading.toString());
        assertTrue(reading.get("notes").toString().contains("The letter grade b+ is read as 3.3."), reading.toString());
    }

    @Test
    void an_offering_that_states_its_own_recommendation_keeps_it_and_a_second_credential_for_it_is_a_duplicate() throws IOException {
        JsonNode example = JSON.readTree(FOLDERS.get(0).resolve("16-certificate-badge-with-ace-recommendation.json").toFile());
        ObjectNode request = example.get("request").deepCopy();
        ((ObjectNode) request.get("offerings").get(0)).putObject("creditRecommendation").put("source", "NCCRS").put("semesterHours", 3)
                .put("level", "LOWER_DIVISION");
        ((ArrayNode) request.get("learner").get("credentials")).add(request.get("learner").get("credentials").get(0).deepCopy());
        JsonNode answer = post(request);
        JsonNode first = answer.get("credentials").get(0);
        assertEquals("RECORD", first.get("use").asText());
        assertFalse(first.has("creditRecommendation"), first.toString());
        assertTrue(first.get("notes").toString().contains("The offering states its own credit recommendation, which is kept"), first.toString());
        assertEquals("DUPLICATE", answer.get("credentials").get(1).get("use").asText());
        assertTrue(answer.get("credentials").get(1).get("notes").toString().contains("already has a record (from learner.credentials[0])"));
        assertEquals(List.of("ACCEPTED", "NOT_ACCEPTED"), List.of(answer.at("/results/0/transfers/0/outcome").asText(),
                answer.at("/results/0/transfers/1/outcome").asText()), "the offering's NCCRS recommendation: Lakeside takes only ACE's");
    }

    @Test
    void malformed_credentials_are_400s_naming_each_path_and_member_with_every_other_bad_field() {
        given().contentType(ContentType.JSON).body("""
                {"asOf": "2026-11-20", "learner": {"id": "l", "credentials": [
                  "a string",
                  {"type": ["VerifiableCredential", "PersonCredential"]},
                  {"type": "OpenBadgeCredential", "credentialSubject": {"achievement": {}}},
                  {"type": "OpenBadgeCredential", "validFrom": "yesterday", "credentialSubject": {"achievement": {"id": "urn:a"}}},
                  {"type": "ClrCredential", "credentialSubject": {"verifiableCredential": [{"type": "ClrCredential"}]}}]},
                 "offerings": [{"id": "c", "type": "COURSE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}, "semesterHours": -1}]}""")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("learner.credentials[0]", "learner.credentials[1].type",
                        "learner.credentials[2].credentialSubject.achievement.id", "learner.credentials[3].validFrom",
                        "learner.credentials[4].credentialSubject.verifiableCredential[0].type", "offerings[0].semesterHours"))
                .body("errors.message", contains("must be a credential: a JSON object",
                        "names none of OpenBadgeCredential, AchievementCredential, ClrCredential",
                        "is missing; an achievement credential names the achievement it is evidence of",
                        "is not an ISO 8601 date or date-time from 1900 to 2200, such as 2026-06-30T00:00:00Z",
                        "names none of OpenBadgeCredential, AchievementCredential (inside a CLR)",
                        "must be more than 0 semester hours"));
    }

    @Test
    void two_offerings_with_one_achievement_id_and_more_than_100_credentials_are_400s() {
        given().contentType(ContentType.JSON).body("""
                {"learner": {"id": "l"}, "offerings": [
                  {"id": "a", "type": "COURSE", "achievementId": "urn:x", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}},
                  {"id": "b", "type": "COURSE", "achievementId": "urn:x", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}]}""")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).body("errors.field", contains("offerings[1].achievementId"))
                .body("errors[0].message", equalTo("duplicates the achievementId of offerings[0]; a credential is evidence for one offering (LC-1)"));
        String credentials = String.join(",", java.util.Collections.nCopies(101, "{}"));
        given().contentType(ContentType.JSON).body("{\"learner\": {\"id\": \"l\", \"credentials\": [" + credentials + "]}, \"offerings\": "
                        + "[{\"id\": \"a\", \"type\": \"COURSE\", \"provider\": {\"name\": \"Example Cloud Co\", \"kind\": \"COMPANY\"}}]}")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).body("errors.field", contains("learner.credentials"))
                .body("errors[0].message", equalTo("must hold at most 100 credentials; it holds 101 (none of them was checked)"));
    }

    private static JsonNode without(JsonNode node, String field) {
        ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static JsonNode post(JsonNode request) throws IOException {
        return JSON.readTree(given().contentType(ContentType.JSON).body(JSON.writeValueAsString(request))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString());
    }

    /** Equal JSON, numbers compared by value (9 and 9.0 alike). */
    private static void assertSameJson(JsonNode expected, JsonNode actual, String message) {
        Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1;
        assertTrue(expected.equals(numbersByValue, actual), message + "\nexpected: " + expected + "\n     got: " + actual);
    }
}
