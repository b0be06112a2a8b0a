package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules that give a summary field no conclusion or two surface as a 500 naming offering, topic and rules. */
@QuarkusTest
@TestProfile(DefectiveRulebaseTest.AmbiguousRules.class)
class DefectiveRulebaseTest {

    public static class AmbiguousRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eligibility.rules.folder", "src/test/resources/rulebases/ambiguous");
        }
    }

    @Test
    void a_summary_field_the_rules_decide_twice_or_not_at_all_is_a_500_problem_naming_the_rules() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"learner": {"id": "l"}, "offerings": [{"id": "c1", "type": "COURSE",
                         "provider": {"name": "Example State University", "kind": "UNIVERSITY"}}]}""")
                .when().post("/api/v1/evaluations")
                .then().statusCode(500).contentType("application/problem+json")
                .body("type", equalTo("urn:eligibility:problem:rulebase-defect"))
                .body("defects", contains(
                        "offering 'c1': no rule concluded CREDENTIAL",
                        "offering 'c1': 2 conclusions of CREDIT from \"Every offering transfers credit\" (ambiguous.drl:16), "
                                + "\"Every offering transfers no credit\" (ambiguous.drl:25)",
                        "offering 'c1': no rule concluded ADMISSION",
                        "offering 'c1': no rule concluded INDUSTRY_CERTIFICATION"));
    }
}
