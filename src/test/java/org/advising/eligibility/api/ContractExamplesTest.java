package org.advising.eligibility.api;

import org.advising.eligibility.ContractExamples;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Posts every contract example through HTTP and compares the five summary fields exactly and
 * the listed policy ids as a subset of the conclusions. Examples come from the project's own
 * copy and, when present, from the shared contract folder, so a new example file counts at once.
 */
@QuarkusTest
class ContractExamplesTest {

    static final List<Path> EXAMPLE_FOLDERS = List.of(
            ContractExamples.FOLDER,
            Path.of("../shared/contract/examples"));
    private static final List<String> SUMMARY_FIELDS =
            List.of("accredited", "credential", "transfersCredit", "degreeAdmission", "industryCertification");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> exampleFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : EXAMPLE_FOLDERS) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> listing = Files.list(folder)) {
                    listing.filter(path -> path.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> every_contract_example_gets_its_expected_answers() throws IOException {
        List<Path> files = exampleFiles();
        assertFalse(files.isEmpty(), "no contract example found in " + EXAMPLE_FOLDERS);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> check(JSON.readTree(file.toFile()))));
    }

    private static void check(JsonNode example) throws IOException {
        String body = given().contentType(ContentType.JSON).body(JSON.writeValueAsString(example.get("request")))
                .when().post("/api/v1/evaluations")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
        JsonNode response = JSON.readTree(body);
        assertEquals(example.get("request").get("learner").get("id").asText(), response.get("learnerId").asText());
        assertTrue(response.get("rulebase").get("version").asText().matches("sha256:[0-9a-f]{64}"));
        assertFalse(response.get("rulebase").get("loadedAt").asText().isBlank());
        JsonNode expected = example.get("expect");
        JsonNode results = response.get("results");
        assertEquals(expected.size(), results.size(), "one result per offering");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            JsonNode got = results.get(i);
            assertEquals(want.get("offeringId"), got.get("offeringId"), "results in request order");
            for (String field : SUMMARY_FIELDS) {
                assertEquals(want.get(field), got.get(field), want.get("offeringId").asText() + "." + field);
            }
            List<String> policies = new ArrayList<>();
            got.get("conclusions").forEach(conclusion -> policies.add(conclusion.get("policy").asText()));
            for (JsonNode policy : want.get("policies")) {
                assertTrue(policies.contains(policy.asText()),
                        want.get("offeringId").asText() + " lacks a " + policy.asText() + " conclusion; it has " + policies);
            }
        }
    }
}
