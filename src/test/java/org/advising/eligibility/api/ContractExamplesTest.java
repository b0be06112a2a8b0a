package org.advising.eligibility.api;

import org.advising.eligibility.ContractExamples;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Posts every contract example through HTTP and compares the five summary fields exactly, the
 * listed policy ids as a subset of the conclusions, and, where the request names receiving
 * institutions, every transfer (outcome, hours and the policy of its one TRANSFER conclusion) and
 * the totals exactly. Examples come from the project's own copy and, when present, from the shared
 * contract folder, sub-folders included, so a new example file counts at once.
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
                try (Stream<Path> listing = Files.walk(folder)) {
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

    /** Posts the example's request and checks its expected answers; the answer, for what a caller checks besides. */
    static JsonNode check(JsonNode example) throws IOException {
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
            checkTransfers(want, got);
            for (JsonNode conclusion : got.get("conclusions")) {
                checkLine(conclusion);
            }
        }
        assertEquals(example.get("expectInstitutions"), response.get("institutions"), "the totals per institution");
        return response;
    }

    /** A conclusion's line leads to its rule: the header of the rule it names, in the file it names (a CSV table: its row). */
    private static void checkLine(JsonNode conclusion) throws IOException {
        String file = conclusion.get("file").asText();
        List<String> lines = Files.readAllLines(Path.of("rules", file));
        int line = conclusion.get("line").asInt();
        if (file.endsWith(".drl")) {
            assertEquals("rule \"" + conclusion.get("rule").asText() + "\"", lines.get(line - 1).strip(), file + ":" + line);
        } else {
            assertEquals(conclusion.get("row").asInt(), line, "a table's row is its line: " + conclusion);
        }
    }

    /** Each expected transfer exactly, backed by the one TRANSFER conclusion of its institution; none when none is expected. */
    private static void checkTransfers(JsonNode want, JsonNode got) {
        String offering = want.get("offeringId").asText();
        if (!want.has("transfers")) {
            assertNull(got.get("transfers"), offering + " has transfers though the request names no institution");
            return;
        }
        ArrayNode shown = JSON.createArrayNode();
        for (JsonNode transfer : got.get("transfers")) {
            List<JsonNode> backing = new ArrayList<>();
            got.get("conclusions").forEach(conclusion -> {
                if (conclusion.get("topic").asText().equals("TRANSFER") && conclusion.get("institution").equals(transfer.get("institution"))) {
                    backing.add(conclusion);
                }
            });
            assertEquals(1, backing.size(), offering + ": one TRANSFER conclusion per institution: " + backing);
            assertEquals(transfer.get("outcome"), backing.get(0).get("outcome"), offering + ": the transfer agrees with its conclusion");
            assertEquals(transfer.get("semesterHours"), backing.get(0).get("semesterHours"), offering + ": the hours agree");
            shown.add(((ObjectNode) transfer.deepCopy()).put("policy", backing.get(0).get("policy").asText()));
        }
        assertEquals(want.get("transfers"), shown, offering + ".transfers");
    }
}
