package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** One test per row of the contract's error table: status, problem+json, and every field named. */
@QuarkusTest
class ErrorResponsesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String COURSE = """
            {"id": "%s", "type": "COURSE", "provider": {"name": "Example State University", "kind": "UNIVERSITY", "accreditor": "HLC"}}""";

    @Test
    void malformed_json_is_400_naming_where_it_broke() {
        given().contentType(ContentType.JSON).body("{\"learner\": {\"id\": \"l\",}, \"offerings\": []}")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:eligibility:problem:invalid-request"))
                .body("status", equalTo(400))
                .body("errors.field", contains("learner"))
                .body("errors[0].message", startsWith("malformed JSON: Unexpected character ('}'"))
                .body("errors[0].message", containsString("(line 1, column 24)"));
    }

    @Test
    void missing_and_invalid_fields_are_400_naming_every_one_of_them() {
        String body = """
                {"learner": {"holdsBachelorsDegree": "maybe",
                             "records": [{"offeringId": "c1", "status": "COMPLETED", "gpa": 4.5}]},
                 "offerings": [%s,
                               {"id": "c2", "type": "COURSE", "provider": {"kind": "UNIVERSITY"},
                                "degreePathway": {"degreeId": "mcs"}, "creditRecommendation": {"semesterHours": -3}}]}"""
                .formatted(COURSE.formatted("c1"));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("7 fields are invalid; see errors."))
                .body("errors.field", contains(
                        "learner.holdsBachelorsDegree",
                        "learner.id",
                        "learner.records[0].gpa",
                        "offerings[1].creditRecommendation.semesterHours",
                        "offerings[1].creditRecommendation.source",
                        "offerings[1].degreePathway.minimumGpa",
                        "offerings[1].provider.name"))
                .body("errors.message", contains(
                        "\"maybe\" is not allowed: must be true or false",
                        "is required and must not be blank",
                        "must be less than or equal to 4.0",
                        "must be greater than or equal to 0",
                        "is required and must not be blank",
                        "is required",
                        "is required and must not be blank"));
    }

    @Test
    void an_unknown_enum_value_is_400_listing_the_allowed_values() {
        String body = """
                {"learner": {"id": "l", "records": [{"offeringId": "c1", "status": "FINISHED"}]},
                 "offerings": [{"id": "c1", "type": "MOOC", "provider": {"name": "U", "kind": "COLLEGE"}}]}""";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("learner.records[0].status", "offerings[0].provider.kind", "offerings[0].type"))
                .body("errors.message", contains(
                        "\"FINISHED\" is not allowed: must be one of: ENROLLED, COMPLETED, WITHDRAWN",
                        "\"COLLEGE\" is not allowed: must be one of: UNIVERSITY, COMPANY",
                        "\"MOOC\" is not allowed: must be one of: COURSE, SPECIALIZATION, MASTERTRACK, DEGREE, PROFESSIONAL_CERTIFICATE"));
    }

    @Test
    void a_duplicate_offering_id_is_400_naming_the_second_one() {
        String body = "{\"learner\": {\"id\": \"l\"}, \"offerings\": [%s, %s, %s]}"
                .formatted(COURSE.formatted("c1"), COURSE.formatted("c2"), COURSE.formatted("c1"));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("offerings[2].id"))
                .body("errors[0].message", equalTo("duplicates the id \"c1\" of offerings[0]; ids must be unique"));
    }

    @Test
    void a_record_for_an_unknown_offering_and_a_second_record_are_400() {
        String body = """
                {"learner": {"id": "l", "records": [{"offeringId": "nope", "status": "ENROLLED"},
                                                    {"offeringId": "c1", "status": "ENROLLED"},
                                                    {"offeringId": "c1", "status": "COMPLETED"}]},
                 "offerings": [%s]}""".formatted(COURSE.formatted("c1"));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("learner.records[0].offeringId", "learner.records[2].offeringId"))
                .body("errors.message", contains("names no offering of this request: \"nope\"",
                        "is a second record for offering \"c1\" (the first is learner.records[1]); at most one per offering"));
    }

    @Test
    void no_offerings_or_too_many_offerings_are_400() {
        given().contentType(ContentType.JSON).body("{\"learner\": {\"id\": \"l\"}, \"offerings\": []}")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("offerings"))
                .body("errors[0].message", equalTo("must hold between 1 and 500 offerings"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            many.append(i == 0 ? "" : ",").append(COURSE.formatted("c" + i));
        }
        given().contentType(ContentType.JSON).body("{\"learner\": {\"id\": \"l\"}, \"offerings\": [" + many + "]}")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("offerings"));
    }

    @Test
    void a_body_over_1_MiB_is_413() {
        String padding = "x".repeat(1024 * 1024);
        given().contentType(ContentType.JSON).body("{\"learner\": {\"id\": \"" + padding + "\"}, \"offerings\": []}")
                .when().post("/api/v1/evaluations")
                .then().statusCode(413).contentType(PROBLEM)
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is over the limit of 1048576 bytes."));
    }

    @Test
    void a_chunked_body_that_grows_over_1_MiB_is_413_too() {
        byte[] body = ("{\"learner\": {\"id\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}, \"offerings\": []}").getBytes();
        given().contentType(ContentType.JSON).body(new ByteArrayInputStream(body)) // no length known: sent chunked
                .when().post("/api/v1/evaluations")
                .then().statusCode(413).contentType(PROBLEM)
                .body("detail", equalTo("The request body is over the limit of 1048576 bytes."));
    }

    @Test
    void a_batch_that_is_not_ndjson_is_415_saying_what_a_batch_is() {
        given().contentType(ContentType.TEXT).body("learner=l")
                .when().post("/api/v1/evaluations/batch")
                .then().statusCode(415).contentType(PROBLEM)
                .body("detail", equalTo("Send the request body as NDJSON, one evaluation request per line, with Content-Type: "
                        + "application/x-ndjson."));
    }

    @Test
    void asking_for_an_answer_that_is_not_json_is_406_saying_what_to_accept() {
        given().accept("application/xml").when().get("/api/v1/rules")
                .then().statusCode(406).contentType(PROBLEM)
                .body("detail", equalTo("This endpoint answers only JSON; send an Accept header that includes application/json, or none."));
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        given().contentType(ContentType.TEXT).body("learner=l")
                .when().post("/api/v1/evaluations")
                .then().statusCode(415).contentType(PROBLEM)
                .body("status", equalTo(415))
                .body("detail", equalTo("Send the request body as JSON with Content-Type: application/json."));
    }

    @Test
    void numbers_dates_and_ids_past_their_bounds_are_400_naming_each_field() {
        String longId = "o".repeat(129);
        String body = """
                {"asOf": "+999999999-12-31",
                 "learner": {"id": "l", "records": [{"offeringId": "c1", "status": "COMPLETED", "gpa": 3.333, "completedOn": "1899-12-31"}]},
                 "offerings": [{"id": "c1", "type": "COURSE", "semesterHours": 1e-1000000,
                                "provider": {"name": "Example State University", "kind": "UNIVERSITY", "accreditor": "HLC"},
                                "creditRecommendation": {"source": "ACE", "semesterHours": 1e+1000000, "validUntil": "2201-01-01"}},
                               %s],
                 "receivingInstitutions": ["%s"]}""".formatted(COURSE.formatted(longId), "r".repeat(129));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains(
                        "asOf",
                        "learner.records[0].completedOn",
                        "learner.records[0].gpa",
                        "offerings[0].creditRecommendation.semesterHours",
                        "offerings[0].creditRecommendation.validUntil",
                        "offerings[0].semesterHours",
                        "offerings[1].id",
                        "receivingInstitutions[0]"))
                .body("errors.message", contains(
                        "must be a date from 1900-01-01 to 2200-12-31",
                        "must be a date from 1900-01-01 to 2200-12-31",
                        "must have at most 2 decimals",
                        "must be at most 1000 semester hours",
                        "must be a date from 1900-01-01 to 2200-12-31",
                        "must have at most 2 decimals",
                        "must be from 0 to 128 characters long",
                        "must be from 0 to 128 characters long"));
    }

    @Test
    void json_past_the_parser_limits_is_400_in_the_services_own_words() {
        given().contentType(ContentType.JSON).body("[".repeat(1500))
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.message", org.hamcrest.Matchers.hasItem(startsWith("the JSON is nested deeper than the parser allows (1000 levels)")))
                .body("errors.message", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(containsString("StreamReadConstraints"))));
        given().contentType(ContentType.JSON).body("{\"learner\": {\"id\": \"l\"}, \"offerings\": [], \"asOf\": " + "9".repeat(1200) + "}")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.message", contains(startsWith("a number is longer than the parser allows (1000 characters)")));
    }
}
