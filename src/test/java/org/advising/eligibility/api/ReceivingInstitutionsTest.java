package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.advising.eligibility.ContractExamples;
import org.junit.jupiter.api.Test;

/** Requests that name receiving institutions: what is refused and how, and the list of institutions a portal offers. */
@QuarkusTest
class ReceivingInstitutionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String OFFERING = """
            {"id": "pc", "type": "PROFESSIONAL_CERTIFICATE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"},
             "semesterHours": 0, "creditLevel": "SOPHOMORE",
             "creditRecommendation": {"source": "ACE", "semesterHours": 6, "level": "LOWER_DIVISION",
                                      "validFrom": "2025-01-01", "validUntil": "2024-12-31"}}""";

    @Test
    void every_bad_institution_field_is_named_at_once() {
        given().contentType(ContentType.JSON).body("""
                {"asOf": "2026-11-20",
                 "learner": {"id": "l", "records": [{"offeringId": "pc", "status": "COMPLETED", "completedOn": "2026-11-21"}]},
                 "offerings": [%s],
                 "receivingInstitutions": ["example-state", "nowhere-u", "example-state", ""]}""".formatted(OFFERING))
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("7 fields are invalid; see errors."))
                .body("errors.field", equalTo(List.of("learner.records[0].completedOn", "offerings[0].creditLevel",
                        "offerings[0].creditRecommendation.validFrom", "offerings[0].semesterHours",
                        "receivingInstitutions[1]", "receivingInstitutions[2]", "receivingInstitutions[3]")))
                .body("errors.message", equalTo(List.of(
                        "is after the as-of date 2026-11-20; a completed record cannot end later than the date the answer is made as of",
                        "\"SOPHOMORE\" is not allowed: must be one of: VOCATIONAL, LOWER_DIVISION, UPPER_DIVISION, GRADUATE",
                        "must not be after validUntil (2024-12-31)",
                        "must be more than 0 semester hours",
                        "names no receiving institution in effect on 2026-11-20: \"nowhere-u\"; known: example-state, lakeside-cc, "
                                + "harbor-grad, northbridge-college (GET /api/v1/institutions lists them)",
                        "duplicates \"example-state\" of receivingInstitutions[0]; name each institution once",
                        "is required and must not be blank")));
    }

    /**
     * A transfer the caps leave whole stays the accepting rule's (TR-6, transfer.drl); the one a cap cuts is changed
     * with modify by the TR-8 rule, which the trace then names, based on the accepting statement and on TR-8.
     */
    @Test
    void a_transfer_cut_by_a_cap_is_based_on_the_statement_that_accepted_it_and_on_TR_8() throws Exception {
        JsonNode example = ContractExamples.read("transfer/09-transfer-recommendation-cap.json");
        JsonNode answer = JSON.readTree(given().contentType(ContentType.JSON).body(example.get("request").toString())
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString());
        List<String> transfers = new java.util.ArrayList<>();
        answer.get("results").forEach(result -> result.get("conclusions").forEach(conclusion -> {
            if (conclusion.get("topic").asText().equals("TRANSFER")) {
                transfers.add(result.get("offeringId").asText() + " " + conclusion.get("policy").asText() + " "
                        + conclusion.get("file").asText() + " basedOn " + conclusion.get("basedOn"));
            }
        }));
        assertEquals(List.of("pc-a TR-6 transfer.drl basedOn [\"TR-6\"]",
                "pc-b TR-8 transfer-caps.drl basedOn [\"TR-6\",\"TR-8\"]"), transfers);
    }

    @Test
    void an_institution_not_yet_in_effect_on_the_as_of_date_is_unknown_then() {
        given().contentType(ContentType.JSON).body("""
                {"asOf": "2019-01-01", "learner": {"id": "l"},
                 "offerings": [{"id": "c", "type": "COURSE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}],
                 "receivingInstitutions": ["northbridge-college"]}""")
                .when().post("/api/v1/evaluations")
                .then().statusCode(200).body("institutions[0].id", equalTo("northbridge-college"));
        given().contentType(ContentType.JSON).body("""
                {"asOf": "2026-11-20", "learner": {"id": "l"},
                 "offerings": [{"id": "c", "type": "COURSE", "provider": {"name": "Example Cloud Co", "kind": "COMPANY"}}],
                 "receivingInstitutions": []}""")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).body("errors[0].field", equalTo("receivingInstitutions"))
                .body("errors[0].message", equalTo("must hold between 1 and 10 institution ids"));
    }

    @Test
    void a_request_without_institutions_gets_no_transfers_and_no_totals() throws Exception {
        JsonNode answer = JSON.readTree(given().contentType(ContentType.JSON)
                .body(ContractExamples.requestBody("04-professional-certificate-ace.json"))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString());
        assertEquals(List.of("learnerId", "asOf", "rulebase", "results"), fieldNames(answer));
        assertEquals(List.of("offeringId", "accredited", "credential", "transfersCredit", "degreeAdmission", "industryCertification",
                "conclusions"), fieldNames(answer.get("results").get(0)));
        // A conclusion drawn by a decision table (credential.drl.csv) names its row too.
        answer.get("results").get(0).get("conclusions").forEach(conclusion ->
                assertEquals(conclusion.get("file").asText().endsWith(".drl.csv")
                        ? List.of("topic", "outcome", "policy", "rule", "file", "line", "row", "reason", "basedOn")
                        : List.of("topic", "outcome", "policy", "rule", "file", "line", "reason", "basedOn"), fieldNames(conclusion)));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void the_institutions_in_effect_are_listed_with_their_policies() {
        given().when().get("/api/v1/institutions?asOf=2026-11-20")
                .then().statusCode(200)
                .body("asOf", equalTo("2026-11-20"))
                .body("institutions.id", equalTo(List.of("example-state", "lakeside-cc", "harbor-grad", "northbridge-college")))
                .body("institutions[0]", equalTo(Map.of("id", "example-state", "name", "Example State University",
                        "minimumGrade", 2.0f, "acceptedLevels", List.of("LOWER_DIVISION", "UPPER_DIVISION"),
                        "creditRecommendations", Map.of("sources", List.of("ACE", "NCCRS"), "maxSemesterHours", 30),
                        "maxTransferSemesterHours", 90, "acceptsPresumedAccreditation", true)))
                .body("institutions[2].creditRecommendations", nullValue())
                .body("institutions[2].creditValidForYears", equalTo(7))
                .body("institutions[2].acceptsPresumedAccreditation", equalTo(false))
                .body("institutions[3].until", equalTo("2026-12-31"))
                .body("institutions[3].creditRecommendations.maxSemesterHours", equalTo(24));
        given().when().get("/api/v1/institutions?asOf=2027-01-01")
                .then().statusCode(200)
                .body("institutions", hasSize(4))
                .body("institutions[3].from", equalTo("2027-01-01"))
                .body("institutions[3].creditRecommendations.maxSemesterHours", equalTo(12))
                .body("institutions[2].requiresAuthenticatedCredentials", equalTo(true))
                .body("institutions[0]", not(hasKey("requiresAuthenticatedCredentials")));
    }

    @Test
    void a_bad_date_for_the_list_is_400_naming_it() {
        given().when().get("/api/v1/institutions?asOf=2026-13-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"))
                .body("errors[0].message", equalTo("\"2026-13-01\" is not allowed: must be a date from 1900-01-01 to 2200-12-31 written YYYY-MM-DD"));
    }

    @Test
    void the_list_comes_a_page_at_a_time_and_filters_by_name() {
        given().when().get("/api/v1/institutions?asOf=2026-11-20&limit=2&offset=1")
                .then().statusCode(200)
                .body("total", equalTo(4)).body("offset", equalTo(1)).body("limit", equalTo(2))
                .body("institutions.id", equalTo(List.of("lakeside-cc", "harbor-grad")));
        given().when().get("/api/v1/institutions?asOf=2026-11-20&name=COLLEGE")
                .then().statusCode(200)
                .body("total", equalTo(2)).body("limit", equalTo(100))
                .body("institutions.id", equalTo(List.of("lakeside-cc", "northbridge-college")));
        given().when().get("/api/v1/institutions?asOf=2026-11-20&offset=4")
                .then().statusCode(200).body("total", equalTo(4)).body("institutions", hasSize(0));
    }

    @Test
    void a_bad_page_is_400_naming_every_bad_parameter() {
        given().when().get("/api/v1/institutions?asOf=someday&limit=0&offset=-1&name=" + "x".repeat(201))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("asOf", "limit", "offset", "name")))
                .body("errors[1].message", equalTo("\"0\" is not allowed: must be a whole number from 1 to 1000"))
                .body("errors[2].message", equalTo("\"-1\" is not allowed: must be a whole number, 0 or more"))
                .body("errors[3].message", equalTo("is 201 characters long; at most 200"));
    }
}
