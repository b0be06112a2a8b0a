package org.advising.eligibility.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an attacker found on the credential proofs the day they landed (docs/reliability.md), each
 * replayed over HTTP with the attacker's own request (src/test/resources/proof-attacks/): a grade
 * forged into 1EdTech's signed badge through a context of the credential's own, ids rewritten by a
 * prefix, JSON-LD too large or too deep for expansion, two credentials alike but for a lone
 * surrogate, and credential lines of a batch while the one verifier is taken.
 */
@QuarkusTest
class ProofAttacksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ATTACKS = Path.of("src/test/resources/proof-attacks");

    private static JsonNode post(String file) throws IOException {
        return JSON.readTree(given().contentType(ContentType.JSON).body(Files.readAllBytes(ATTACKS.resolve(file)))
                .post("/api/v1/evaluations").then().statusCode(200).extract().asString());
    }

    @Test
    void a_grade_forged_through_a_context_of_the_credentials_own_is_never_verified_nor_read_as_signed() throws IOException {
        JsonNode reading = post("forged-19-v19.json").at("/credentials/0");
        assertEquals("UNVERIFIABLE", reading.at("/proof/status").asText(), reading.toString());
        assertEquals(false, reading.get("proofChecked").asBoolean());
        assertTrue(reading.get("notes").get(0).asText().startsWith("Its proof could not be checked: its own context defines \"ZType\" in a "
                + "way the service does not take (only terms mapped to absolute IRIs)"), reading.toString());
    }

    @Test
    void an_id_rewritten_by_a_prefix_of_the_credentials_own_context_does_not_hold() throws IOException {
        JsonNode reading = post("forged-18-compact-iri.json").at("/credentials/0");
        assertEquals(List.of("INVALID", "INVALID_PROOF"), List.of(reading.at("/proof/status").asText(), reading.get("use").asText()));
        assertEquals("Its proof does not hold for what the service reads: its issuer id \"evil:876543\" as written is not the id it was signed "
                + "with.", reading.get("notes").get(0).asText());
    }

    @Test
    void json_ld_too_deep_or_too_large_for_expansion_is_unverifiable_at_once_not_a_500() throws IOException {
        for (String[] attack : new String[][] {{"fuzz-list-deep.json", "it is nested more than 64 levels deep"},
                {"fuzz-nested-objs.json", "it is nested more than 64 levels deep"},
                {"dos4-flat-5000.json", "it has a list of 5000 items"},
                {"dos2-typescoped-100-1000.json", "its own context defines"}}) {
            JsonNode reading = post(attack[0]).at("/credentials/0");
            assertEquals("UNVERIFIABLE", reading.at("/proof/status").asText(), attack[0] + ": " + reading);
            assertTrue(reading.get("notes").get(0).asText().startsWith("Its proof could not be checked: " + attack[1]), attack[0] + ": " + reading);
        }
    }

    @Test
    void two_credentials_alike_but_for_a_lone_surrogate_are_checked_each_on_its_own() throws IOException {
        String a = post("cache-A.json").at("/credentials/0/notes/0").asText();
        String b = post("cache-B.json").at("/credentials/0/notes/0").asText();
        assertTrue(a.contains("ctx?v=1"), a);
        assertTrue(!b.contains("ctx?v=1"), "B was answered from A's check: " + b);
    }

    @Test
    void a_batch_of_credential_lines_waits_for_the_verifier_and_never_answers_500() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String example : List.of("18-proof-verified-badge-key-in-its-url.json", "19-proof-older-data-model-ed25519-signature-2020.json",
                "20-proof-did-key-signer-is-not-the-issuer.json", "21-proof-clr-holding-a-signed-badge.json",
                "22-proof-changed-badge-and-the-genuine-one.json")) {
            for (int copy = 0; copy < 2; copy++) {
                JsonNode request = JSON.readTree(Path.of("src/test/resources/proof-examples", example).toFile()).get("request");
                ((com.fasterxml.jackson.databind.node.ObjectNode) request.get("learner")).put("id", "learner-" + copy);
                lines.append(request).append('\n');
            }
        }
        String answer = given().contentType("application/x-ndjson").body(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/evaluations/batch")
                .then().statusCode(200).extract().asString();
        List<String> statuses = new ArrayList<>();
        for (String line : answer.split("\n")) {
            JsonNode answered = JSON.readTree(line);
            statuses.add(answered.has("problem") ? String.valueOf(answered.get("status").asInt()) : "200");
        }
        assertEquals(java.util.Collections.nCopies(10, "200"), statuses, answer);
    }
}
