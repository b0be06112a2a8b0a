package org.advising.eligibility.reliability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The outages of issue 34, each answered as it should be: a 400 naming the field within 2 s (the
 * work is bounded before it starts, so 2 s is a generous bound, not a timing test), for a request
 * and for the same value inside a credential.
 */
@QuarkusTest
class RequestBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREDENTIAL = "learner.credentials[0]";
    private static final String ENDORSEMENT = CREDENTIAL + ".credentialSubject.achievement.endorsement[0]";

    /** The public credential example 16: a badge with ACE's recommendation, for an offering that names it. */
    private static ObjectNode badgeRequest() throws IOException {
        Path example = Path.of("src/test/resources/credential-examples/16-certificate-badge-with-ace-recommendation.json");
        return (ObjectNode) JSON.readTree(example.toFile()).get("request");
    }

    /** The same request with its learner's credentials left out. */
    private static ObjectNode withoutCredentials() throws IOException {
        ObjectNode request = badgeRequest();
        ((ObjectNode) request.get("learner")).remove("credentials");
        return request;
    }

    private static ObjectNode badge(ObjectNode request) {
        return (ObjectNode) request.get("learner").get("credentials").get(0);
    }

    private static ObjectNode endorsement(ObjectNode request) {
        return (ObjectNode) badge(request).get("credentialSubject").get("achievement").get("endorsement").get(0);
    }

    /** A 400 naming only {@code field}, with {@code message}. */
    private static void assertRefused(String path, Object body, String field, String message) {
        post(path, body).statusCode(400).body("errors.field", contains(field)).body("errors[0].message", equalTo(message));
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body.toString()).when().post(path)
                .then().time(lessThan(2000L)).contentType("application/problem+json");
    }

    @Test
    void a_grade_point_average_of_1e_minus_30000000_in_a_credential_is_a_400_naming_it() throws IOException {
        ObjectNode request = badgeRequest();
        ObjectNode subject = (ObjectNode) badge(request).get("credentialSubject");
        ((ObjectNode) subject.get("achievement")).putArray("resultDescription").addObject().put("id", "urn:gpa")
                .put("resultType", "GradePointAverage");
        subject.putArray("result").addObject().put("resultDescription", "urn:gpa").put("value", "1e-30000000");
        for (String path : new String[] {"/api/v1/evaluations", "/api/v1/transfer-options"}) {
            if (path.endsWith("options")) {
                request.remove("receivingInstitutions");
            }
            assertRefused(path, request, CREDENTIAL + ".credentialSubject.result[0].value",
                    "\"1e-30000000\" is not a grade point average: a number from 0.0 to 4.0 "
                            + "written with at most 32 digits, such as 3.75");
        }
    }

    @Test
    void a_clr_holding_400000_values_is_refused_on_its_count_before_any_is_read() throws IOException {
        ObjectNode request = badgeRequest();
        ObjectNode clr = JSON.createObjectNode();
        clr.putArray("type").add("VerifiableCredential").add("ClrCredential");
        ArrayNode inside = clr.putObject("credentialSubject").putArray("verifiableCredential");
        for (int i = 0; i < 400_000; i++) {
            inside.add(i % 10);
        }
        ((ArrayNode) request.get("learner").get("credentials")).set(0, clr);
        assertRefused("/api/v1/evaluations", request, "learner.credentials",
                "holds 400000 credentials, those inside CLRs counted; at most 100 (none was read)");
    }

    @Test
    void forty_thousand_nulls_in_offerings_or_records_are_refused_on_their_count() throws IOException {
        ObjectNode request = withoutCredentials();
        ArrayNode nulls = JSON.createArrayNode();
        Collections.nCopies(40_000, null).forEach(nothing -> nulls.addNull());
        ObjectNode offerings = request.deepCopy();
        offerings.set("offerings", nulls);
        assertRefused("/api/v1/evaluations", offerings, "offerings",
                "must hold between 1 and 500 offerings; it holds 40000 (none of them was checked)");
        ObjectNode records = request.deepCopy();
        ((ObjectNode) records.get("learner")).set("records", nulls);
        assertRefused("/api/v1/evaluations", records, "learner.records",
                "must hold at most 500 records; it holds 40000 (none of them was checked)");
    }

    @Test
    void five_hundred_bad_offerings_list_the_first_100_errors_and_count_them_all() throws IOException {
        ObjectNode request = withoutCredentials();
        request.remove("receivingInstitutions");
        ArrayNode offerings = request.putArray("offerings");
        for (int i = 0; i < 500; i++) {
            offerings.addObject().put("id", "o" + i).put("type", "LECTURE");
        }
        post("/api/v1/evaluations", request).statusCode(400)
                .body("detail", equalTo("1000 fields are invalid; errors lists the first 100."))
                .body("errors", hasSize(100))
                .body("errors[0].field", equalTo("offerings[0].provider"))
                .body("errors[1].field", equalTo("offerings[0].type"));
    }

    @Test
    void what_a_request_may_ask_for_is_bounded_by_what_it_costs() throws IOException {
        ObjectNode request = withoutCredentials();
        ArrayNode offerings = request.putArray("offerings");
        for (int i = 0; i < 251; i++) {
            offerings.addObject().put("id", "o" + i).put("type", "COURSE").putObject("provider").put("name", "Example State University")
                    .put("kind", "UNIVERSITY").put("accreditor", "HLC");
        }
        assertRefused("/api/v1/evaluations", request, "receivingInstitutions", "asks about 251 offerings at 2 institutions, 502 "
                + "offering-institution pairs; at most 500 per request (send the offerings in smaller requests)");
        request.remove("receivingInstitutions");
        assertRefused("/api/v1/transfer-options", request, "offerings",
                "holds 251 offerings; transfer options rank every institution for at most 50 (send the others in another request)");
        while (offerings.size() > 6) {
            offerings.remove(offerings.size() - 1);
        }
        request.put("limit", 1000);
        assertRefused("/api/v1/transfer-options", request, "limit",
                "asks for 1000 options of 6 offerings each, 6000 offering answers; at most 5000 per request (ask for fewer options)");
    }

    @Test
    void credit_recommendations_that_are_an_object_are_a_400_naming_them() throws IOException {
        ObjectNode request = badgeRequest();
        ((ObjectNode) endorsement(request).get("credentialSubject")).putObject("creditRecommendations").put("semesterHours", 3);
        assertRefused("/api/v1/evaluations", request, ENDORSEMENT + ".credentialSubject.creditRecommendations",
                "must be a list of ACE credit recommendations");
    }

    @Test
    void ace_hours_and_windows_pass_the_bounds_of_the_request_own_fields() throws IOException {
        for (String hours : new String[] {"0.001", "1e-300", "1e-30000000"}) {
            ObjectNode request = badgeRequest();
            ((ObjectNode) endorsement(request).get("credentialSubject").get("creditRecommendations").get(0))
                    .set("semesterHours", DecimalNode.valueOf(new BigDecimal(hours)));
            assertRefused("/api/v1/evaluations", request, ENDORSEMENT + ".credentialSubject.creditRecommendations[0].semesterHours",
                    "must be a number of semester hours from 0 to 1000 with at most 2 decimals");
        }
        ObjectNode request = badgeRequest();
        endorsement(request).put("validFrom", "2027-01-01T00:00:00Z").put("validUntil", "2025-12-31T00:00:00Z");
        assertRefused("/api/v1/evaluations", request, ENDORSEMENT + ".validFrom", "must not be after validUntil (2025-12-31)");
    }

    @Test
    void numbers_are_taken_as_written_never_converted() throws IOException {
        ObjectNode request = badgeRequest();
        request.remove("receivingInstitutions");
        request.put("limit", 5.5);
        assertRefused("/api/v1/transfer-options", request, "limit", "5.5 is not allowed: must be a whole number");
        request.put("limit", "5");
        assertRefused("/api/v1/transfer-options", request, "limit", "\"5\" is not allowed: must be a whole number");
        ObjectNode offering = (ObjectNode) request.get("offerings").get(0);
        request.remove("limit");
        offering.put("semesterHours", "3");
        offering.set("creditEligible", JSON.readTree("1"));
        offering.putObject("creditRecommendation").put("source", "ACE")
                .set("semesterHours", DecimalNode.valueOf(new BigDecimal("1e-30000000")));
        post("/api/v1/transfer-options", request).statusCode(400)
                .body("errors.field", contains("offerings[0].creditEligible", "offerings[0].creditRecommendation.semesterHours",
                        "offerings[0].semesterHours"))
                .body("errors.message", contains("must be true or false, not a number", "must have at most 2 decimals",
                        "\"3\" is not allowed: must be a number"));
    }

    @Test
    void the_institutions_list_takes_each_parameter_once_in_ascii_digits_and_dates_in_bounds() {
        given().when().get("/api/v1/institutions?asOf=+999999999-12-31&offset=1&offset=-1&limit=５")
                .then().time(lessThan(2000L)).statusCode(400)
                .body("errors.field", contains("offset", "asOf", "limit"))
                .body("errors.message", contains("is given 2 times; give it once",
                        "\"+999999999-12-31\" is not allowed: must be a date from 1900-01-01 to 2200-12-31 written YYYY-MM-DD",
                        "\"５\" is not allowed: must be a whole number from 1 to 1000"));
    }
}
