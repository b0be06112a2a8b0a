package org.advising.eligibility.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.regex.Matcher;
import java.util.List;
import java.util.regex.Pattern;
import org.advising.eligibility.ContractExamples;
import org.junit.jupiter.api.Test;

/** /q/metrics after known evaluations: counts, conclusions by topic and outcome, firings, rulebase. */
@QuarkusTest
class MetricsTest {

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0.0;
    }

    private static double increase(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    @Test
    void evaluations_conclusions_and_rule_firings_are_counted() throws Exception {
        String request = ContractExamples.requestBody("04-professional-certificate-ace.json");
        String before = metrics();
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(request).when().post("/api/v1/evaluations").then().statusCode(200);
        }
        String after = metrics();
        assertEquals(3.0, increase(before, after, "eligibility_evaluations_seconds_count{result=\"ok\"}"));
        assertEquals(3.0, increase(before, after, "eligibility_offering_decisions_total"));
        assertEquals(3.0, increase(before, after, "eligibility_conclusions_total{outcome=\"CONDITIONAL\",topic=\"CREDIT\"}"));
        assertEquals(6.0, increase(before, after, "eligibility_conclusions_total{outcome=\"ADVICE\",topic=\"ADVICE\"}"),
                "IND-2 and ADV-1 each time");
        assertEquals(3.0, increase(before, after,
                "eligibility_rule_firings_total{rule=\"A professional certificate with a credit recommendation may transfer credit\"}"));
        assertTrue(after.contains("eligibility_evaluations_seconds_bucket{result=\"ok\",le="), "latency histogram");
    }

    @Test
    void transfer_options_rankings_are_timed_apart_from_evaluations() throws Exception {
        String request = ContractExamples.requestBody("transfer-options/15-where-a-portfolio-counts-most.json");
        String before = metrics();
        given().contentType(ContentType.JSON).body(request).when().post("/api/v1/transfer-options").then().statusCode(200);
        String after = metrics();
        assertEquals(1.0, increase(before, after, "eligibility_transfer_options_seconds_count{result=\"ok\"}"));
        assertEquals(0.0, increase(before, after, "eligibility_evaluations_seconds_count{result=\"ok\"}"),
                "a ranking's evaluations are not counted as requests' evaluations");
        assertTrue(after.contains("eligibility_transfer_options_seconds_bucket{result=\"ok\",le="), "latency histogram");
    }

    @Test
    void the_active_rulebase_and_its_load_are_exported() {
        String version = given().when().get("/api/v1/rulebase").then().extract().path("active.version");
        String metrics = metrics();
        assertEquals(1.0, value(metrics, "eligibility_rulebase_active{version=\"" + version + "\"}"));
        assertTrue(value(metrics, "eligibility_rulebase_reloads_total{outcome=\"ACTIVATED\",trigger=\"startup\"}") >= 1.0);
    }

    @Test
    void every_metric_of_the_service_says_what_it_counts() throws Exception {
        given().contentType(ContentType.JSON).body(ContractExamples.requestBody("01-mastertrack-completed-eligible.json"))
                .when().post("/api/v1/evaluations").then().statusCode(200);
        String metrics = metrics();
        List<String> types = Pattern.compile("^# TYPE (eligibility_\\w+) ", Pattern.MULTILINE).matcher(metrics).results()
                .map(type -> type.group(1)).toList();
        assertEquals(List.of("eligibility_conclusions", "eligibility_evaluations_seconds", "eligibility_evaluations_seconds_max",
                "eligibility_offering_decisions", "eligibility_rule_firings", "eligibility_rulebase_active", "eligibility_rulebase_last_good",
                "eligibility_rulebase_reloads", "eligibility_transfer_options_seconds", "eligibility_transfer_options_seconds_max"),
                types.stream().sorted().toList());
        for (String type : types) {
            assertTrue(Pattern.compile("^# HELP " + type + " \\S", Pattern.MULTILINE).matcher(metrics).find(), type + " has no HELP text");
        }
    }
}
