package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.advising.eligibility.credentials.proof.TestSigner;
import org.junit.jupiter.api.Test;

/**
 * TR-9 over HTTP: a record the service read from a credential whose issuer it did not authenticate
 * is reviewed by Harbor Graduate (requiresAuthenticatedCredentials from 2027 in rules/institutions.yaml), and
 * by no other institution; the same record typed in is not. Every evaluation of such a request gives
 * the rules the credential's record: the answer, its next steps, its transfer options and a batch line.
 */
@QuarkusTest
class UnauthenticatedCredentialsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://registrar.example.edu/issuers/1";
    private static final String REQUEST = """
            {"asOf": "2027-01-15",
             "learner": {"id": "learner-9", "credentials": [
               {"type": ["VerifiableCredential", "OpenBadgeCredential"],
                "issuer": {"id": "https://registrar.example.edu/issuers/1", "name": "Example State University"},
                "validFrom": "2026-05-15T00:00:00Z",
                "credentialSubject": {"achievement": {"id": "urn:mastertrack:ds", "name": "Data Science MasterTrack",
                    "resultDescription": [{"id": "urn:rd:gpa", "resultType": "GradePointAverage"}]},
                  "result": [{"resultDescription": "urn:rd:gpa", "value": "3.6"}]}}]},
             "offerings": [{"id": "mt-ds", "type": "MASTERTRACK", "semesterHours": 6, "achievementId": "urn:mastertrack:ds",
                            "provider": {"name": "Example State University", "kind": "UNIVERSITY", "accreditor": "HLC"}}],
             "receivingInstitutions": ["harbor-grad", "example-state"]}""";

    @Test
    void an_institution_that_requires_authenticated_credentials_reviews_the_credential_the_others_and_a_typed_record_are_unaffected()
            throws Exception {
        JsonNode read = post("/api/v1/evaluations", REQUEST);
        assertEquals("RECORD", read.at("/credentials/0/use").asText());
        JsonNode harbor = transferConclusion(read, "harbor-grad");
        assertEquals(List.of("REVIEW", "TR-9", "transfer.drl"), List.of(harbor.get("outcome").asText(), harbor.get("policy").asText(),
                harbor.get("file").asText()));
        assertEquals("The learner's record for this MasterTrack comes from a digital credential whose issuer (" + ISSUER + ") the "
                + "service has not authenticated: the evaluator of Harbor Graduate School of Engineering first confirms the credential "
                + "with its issuer.", harbor.get("reason").asText());
        assertEquals("TR-5", harbor.at("/overruled/0/policy").asText(), "Why not: TR-5 would have accepted it");
        assertEquals("ACCEPTED", harbor.at("/overruled/0/outcome").asText());
        assertEquals(List.of("REVIEW", "0"), List.of(read.at("/results/0/transfers/0/outcome").asText(),
                read.at("/results/0/transfers/0/semesterHours").asText()));
        assertEquals("TR-5", transferConclusion(read, "example-state").get("policy").asText(), "Example State does not require it");

        ObjectNode typed = (ObjectNode) JSON.readTree(REQUEST);
        ((ObjectNode) typed.get("learner")).remove("credentials");
        ((ObjectNode) typed.get("learner")).putArray("records").addObject().put("offeringId", "mt-ds").put("status", "COMPLETED")
                .put("certificatePurchased", true).put("gpa", 3.6).put("completedOn", "2026-05-15");
        JsonNode written = post("/api/v1/evaluations", typed.toString());
        assertEquals(List.of("ACCEPTED", "TR-5"), List.of(transferConclusion(written, "harbor-grad").get("outcome").asText(),
                transferConclusion(written, "harbor-grad").get("policy").asText()), "a typed record is the portal's statement");
        assertEquals(6, written.at("/institutions/0/acceptedSemesterHours").asInt());
        assertEquals(0, read.at("/institutions/0/acceptedSemesterHours").asInt());
    }

    @Test
    void a_credential_whose_proof_authenticates_its_issuer_is_accepted_where_one_not_authenticated_is_reviewed() throws Exception {
        // The same MasterTrack credential, JSON-LD as issued, issued by a did:key and signed with it (LC-9: authenticated).
        TestSigner registrar = new TestSigner(9);
        ObjectNode credential = (ObjectNode) JSON.readTree("""
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": {"id": "%s", "type": ["Profile"], "name": "Example State University"},
                 "validFrom": "2026-05-15T00:00:00Z",
                 "credentialSubject": {"type": ["AchievementSubject"],
                   "achievement": {"id": "urn:mastertrack:ds", "type": ["Achievement"], "name": "Data Science MasterTrack",
                     "resultDescription": [{"id": "urn:rd:gpa", "type": ["ResultDescription"], "name": "GPA", "resultType": "GradePointAverage"}]},
                   "result": [{"type": ["Result"], "resultDescription": "urn:rd:gpa", "value": "3.6"}]}}""".formatted(registrar.didKey()));
        ObjectNode request = (ObjectNode) JSON.readTree(REQUEST);
        ((ArrayNode) request.at("/learner/credentials")).removeAll().add(registrar.sign(credential, registrar.didKey()));
        JsonNode authenticated = post("/api/v1/evaluations", request.toString());
        assertEquals(List.of("VERIFIED", "DID_KEY", "true", "RECORD"), List.of(authenticated.at("/credentials/0/proof/status").asText(),
                authenticated.at("/credentials/0/proof/keyFrom").asText(), authenticated.at("/credentials/0/proof/issuerAuthenticated").asText(),
                authenticated.at("/credentials/0/use").asText()));
        assertEquals(List.of("ACCEPTED", "TR-5"), List.of(transferConclusion(authenticated, "harbor-grad").get("outcome").asText(),
                transferConclusion(authenticated, "harbor-grad").get("policy").asText()), "an authenticated issuer: Harbor accepts it");

        // Signed with a did:key that is not its issuer: unchanged, but its issuer is not authenticated (TR-9 at Harbor).
        credential.with("issuer").put("id", ISSUER);
        ((ArrayNode) request.at("/learner/credentials")).removeAll().add(registrar.sign(credential, registrar.didKey()));
        JsonNode notAuthenticated = post("/api/v1/evaluations", request.toString());
        assertEquals(List.of("VERIFIED", "false"), List.of(notAuthenticated.at("/credentials/0/proof/status").asText(),
                notAuthenticated.at("/credentials/0/proof/issuerAuthenticated").asText()));
        assertEquals(List.of("REVIEW", "TR-9"), List.of(transferConclusion(notAuthenticated, "harbor-grad").get("outcome").asText(),
                transferConclusion(notAuthenticated, "harbor-grad").get("policy").asText()));
    }

    @Test
    void next_steps_are_found_with_the_credential_s_record_and_leave_the_answer_as_it_is() throws Exception {
        ObjectNode withSteps = (ObjectNode) JSON.readTree(REQUEST);
        withSteps.put("nextSteps", true);
        JsonNode stepped = post("/api/v1/evaluations", withSteps.toString());
        JsonNode plain = post("/api/v1/evaluations", REQUEST);
        ArrayNode results = (ArrayNode) stepped.get("results").deepCopy();
        results.forEach(result -> ((ObjectNode) result).remove("nextSteps"));
        assertEquals(plain.get("results"), results, "NS-7: the same answer with next steps as without");
        // A retake (NS-3) is tried with the record still read from the credential: Harbor's answer stays TR-9's review.
        for (JsonNode step : stepped.at("/results/0/nextSteps")) {
            for (JsonNode change : step.get("changes")) {
                assertEquals(false, "harbor-grad".equals(change.path("institution").asText()), step.toString());
            }
        }
    }

    @Test
    void harbor_s_transfer_option_is_what_a_request_naming_it_alone_gets() throws Exception {
        ObjectNode options = (ObjectNode) JSON.readTree(REQUEST);
        options.remove("receivingInstitutions");
        JsonNode ranked = post("/api/v1/transfer-options", options.toString());
        JsonNode harbor = null;
        for (JsonNode option : ranked.get("options")) {
            harbor = "harbor-grad".equals(option.get("id").asText()) ? option : harbor;
        }
        assertEquals(List.of("REVIEW", "TR-9"), List.of(harbor.at("/offerings/0/outcome").asText(), harbor.at("/offerings/0/policy").asText()),
                harbor.toString());
        ObjectNode alone = (ObjectNode) JSON.readTree(REQUEST);
        alone.putArray("receivingInstitutions").add("harbor-grad");
        JsonNode named = post("/api/v1/evaluations", alone.toString());
        assertEquals(named.at("/results/0/transfers/0/outcome").asText(), harbor.at("/offerings/0/outcome").asText(), "TO-4");
        assertEquals(1, harbor.get("reviews").asInt());
    }

    @Test
    void a_batch_line_with_the_credential_is_answered_as_the_request_alone() throws Exception {
        String line = JSON.readTree(REQUEST).toString();
        String body = given().contentType("application/x-ndjson").body((line + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/evaluations/batch").then().statusCode(200).extract().asString();
        JsonNode answered = JSON.readTree(body.lines().findFirst().orElseThrow());
        JsonNode alone = post("/api/v1/evaluations", REQUEST);
        assertEquals(alone.get("results"), answered.at("/result/results"), answered.toString());
    }

    private static JsonNode transferConclusion(JsonNode answer, String institution) {
        for (JsonNode conclusion : answer.at("/results/0/conclusions")) {
            if ("TRANSFER".equals(conclusion.get("topic").asText()) && institution.equals(conclusion.path("institution").asText())) {
                return conclusion;
            }
        }
        throw new AssertionError("no TRANSFER conclusion for " + institution + " in " + answer);
    }

    private static JsonNode post(String path, String body) throws Exception {
        return JSON.readTree(given().contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(200).extract().asString());
    }
}
