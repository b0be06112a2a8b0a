package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** asOf decides which dated policy applies, is echoed in the answer, and defaults to today. */
@QuarkusTest
class AsOfTest {

    private static String request(String asOf) {
        return """
                {%s"learner": {"id": "l"},
                 "offerings": [{"id": "deg", "type": "DEGREE",
                                "provider": {"name": "Granite State College", "kind": "UNIVERSITY", "accreditor": "NEASC-CIHE"}}]}"""
                .formatted(asOf == null ? "" : "\"asOf\": \"" + asOf + "\", ");
    }

    @Test
    void the_dated_accreditor_change_gives_two_answers_on_either_side_of_its_date() {
        given().contentType(ContentType.JSON).body(request("2018-06-30")).when().post("/api/v1/evaluations")
                .then().statusCode(200)
                .body("asOf", equalTo("2018-06-30"))
                .body("results[0].accredited", equalTo(true))
                .body("results[0].conclusions[0].basedOn", contains("ACC-1"));
        given().contentType(ContentType.JSON).body(request("2018-07-01")).when().post("/api/v1/evaluations")
                .then().statusCode(200)
                .body("asOf", equalTo("2018-07-01"))
                .body("results[0].accredited", equalTo(false))
                .body("results[0].conclusions[0].policy", equalTo("ACC-6"));
    }

    @Test
    void without_asOf_the_answer_is_as_of_today_in_utc() {
        given().contentType(ContentType.JSON).body(request(null)).when().post("/api/v1/evaluations")
                .then().statusCode(200)
                .body("asOf", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("results[0].accredited", equalTo(false));
    }

    @Test
    void an_asOf_that_is_not_a_date_is_400() {
        given().contentType(ContentType.JSON).body(request("2018-13-01")).when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("asOf"))
                .body("errors[0].message", equalTo("\"2018-13-01\" is not allowed: must be a date such as 2025-05-10"));
    }
}
