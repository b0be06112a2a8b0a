package org.advising.eligibility.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.advising.eligibility.Folders;
import org.advising.eligibility.RulesCopy;
import org.advising.eligibility.decisions.DecisionService;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.evaluate.DrawnConclusions;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.intake.RequestReader;
import org.advising.eligibility.intake.RequestValidator;
import org.advising.eligibility.model.Accreditation;
import org.advising.eligibility.model.Admission;
import org.advising.eligibility.model.Advice;
import org.advising.eligibility.model.Credential;
import org.advising.eligibility.model.CreditTransfer;
import org.advising.eligibility.model.IndustryCertification;
import org.advising.eligibility.model.Outcome;
import org.advising.eligibility.model.Transfer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The policy brief's PR-3 and PR-4 ("Declared precedence and why not") on random valid requests
 * (from {@link RequestMutator}, about half of them naming receiving institutions), answered by
 * POST /api/v1/evaluations on the shipped rules.
 *
 * <p>PR-3, on every conclusion: {@code overruled} is absent (never an empty array) where nothing was
 * outranked, never on ADVICE, only in a FIRST topic; each entry gives policy, rule, file, line, outcome
 * and reason; its line is the rule's line in rules/ ({@code rule "name"} in a .drl file; the row whose
 * first cell is the name in a .csv table, with {@code row} equal to {@code line}); its rule is a rule of
 * the conclusion's topic (as the catalogue GET /api/v1/rules says) and its outcome one of that topic's;
 * the entries are in the topic's order (catalogue ranks non-decreasing, the decider's rank no later than
 * the first), none is the decider's rule and none is listed twice.
 *
 * <p>PR-4, on every deciding conclusion that lists what it overruled: with the deciding rule taken out
 * of a copy of rules/ (its {@code rule ... end} block, or its table row; scenarios left out), the same
 * request gives the same offering (and institution) a conclusion of that topic that is the first
 * overruled entry (policy, rule, file, outcome, reason; line and row moved up by the lines taken out
 * when the rule was below them in the same file) and overrules the rest of the list, in order. An
 * accepted or expected transfer may instead be cut by TR-8 (then any TR-8 conclusion will do, with that
 * same rest of the list). A rulebase is compiled once per rule taken out; the copy's conclusions are read
 * with {@link DrawnConclusions}, since a missing rule can leave another offering or a later topic without
 * an answer (which the brief allows and the service reports as a rulebase defect). Conclusions that TR-8
 * changed name TR-8's rule, not the one that decided the transfer, and are not taken out (counted).
 *
 * <p>150 requests by default, about 20 s on two cores, most of it compiling the rulebases (at most one per
 * rule of a FIRST topic that can outrank another, under 20 today). {@code -Dprecedence.cases=N} runs more
 * requests; the seed is printed, and {@code -Dprecedence.seed=N} replays a run.
 */
@QuarkusTest
class PrecedencePropertiesTest {

    private static final int CASES = Integer.getInteger("precedence.cases", 150);
    private static final Path RULES = Path.of("rules");
    /** Per topic, the outcomes its conclusions can give. */
    private static final Map<String, Set<String>> OUTCOMES = new HashMap<>();

    static {
        Stream.of(Accreditation.values(), Credential.values(), CreditTransfer.values(), Admission.values(),
                IndustryCertification.values(), Transfer.values(), Advice.values())
                .flatMap(Arrays::stream)
                .forEach((Outcome outcome) -> OUTCOMES.computeIfAbsent(outcome.topic().name(), t -> new HashSet<>()).add(outcome.name()));
    }

    @TestHTTPResource("/api/v1/evaluations")
    URI evaluations;
    @Inject
    ActiveRulebase rulebases;
    @Inject
    RequestReader reader;
    @Inject
    RequestValidator validator;
    @Inject
    ObjectMapper json;

    /** A copy of the rules without one rule, compiled, and where that rule was. */
    private record Without(Path folder, Rulebase rulebase, String file, int line, int lines) {
    }

    /** By the name of the rule taken out. */
    private final Map<String, Without> withoutRule = new HashMap<>();
    /** By rule name: the catalogue entry (topic, file, line, rank). */
    private final Map<String, JsonNode> catalogue = new HashMap<>();
    /** By topic (as conclusions name it, CREDIT): its hit policy. */
    private final Map<String, String> hitPolicies = new HashMap<>();
    private final Map<String, List<String>> fileLines = new HashMap<>();

    private int overruledConclusions;
    private int overruledEntries;
    private int takenOut;
    private int cutByTransferCaps;
    private int changedByTransferCaps;

    @Test
    void overruled_lists_are_well_formed_and_the_first_entry_decides_once_the_decider_is_taken_out() throws Exception {
        long seed = Long.getLong("precedence.seed", System.nanoTime());
        System.out.println("PrecedencePropertiesTest: seed " + seed + " (replay with -Dprecedence.seed=" + seed
                + "; -Dprecedence.cases=N runs more than " + CASES + ")");
        long started = System.nanoTime();
        readCatalogue();
        Rulebase shipped = rulebases.require();
        RequestMutator generator = new RequestMutator(new Random(seed), List.of());
        HttpClient http = HttpClient.newHttpClient();
        int answered = 0;
        int namingInstitutions = 0;
        for (int i = 0; i < CASES; i++) {
            ObjectNode request = (ObjectNode) generator.generated();
            String body = json.writeValueAsString(request);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(evaluations).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400) {
                continue; // an invalid combination the generator made (a completion after the as-of date)
            }
            assertEquals(200, response.statusCode(), body + " → " + response.body());
            answered++;
            namingInstitutions += request.has("receivingInstitutions") ? 1 : 0;
            JsonNode answer = json.readTree(response.body());
            // The same request in-process, on the date the service answered it as of.
            EvaluationRequest model = DecisionService.valid(reader, validator,
                    json.writeValueAsBytes(request.deepCopy().put("asOf", answer.get("asOf").asText())), Optional.of(shipped));
            checkDrawnAsAnswered(model, shipped, answer, body);
            Map<String, List<DrawnConclusions.Drawn>> evaluatedWithout = new HashMap<>();
            for (JsonNode result : answer.get("results")) {
                for (JsonNode conclusion : result.get("conclusions")) {
                    String where = "offering " + result.get("offeringId").asText() + ", " + conclusion + "\nof request " + body;
                    checkOverruledList(conclusion, where);
                    if (conclusion.has("overruled")) {
                        checkTakingOutTheDecider(result.get("offeringId").asText(), conclusion, model, evaluatedWithout, where);
                    }
                }
            }
        }
        System.out.printf("PrecedencePropertiesTest: %d of %d requests valid (%d naming institutions), %d conclusions with %d overruled "
                + "entries checked (PR-3), %d deciders taken out (PR-4) over %d rulebases each without one rule (%d then cut by TR-8; "
                + "%d deciders changed by TR-8 not taken out), in %d ms%n", answered, CASES, namingInstitutions, overruledConclusions,
                overruledEntries, takenOut, withoutRule.size(), cutByTransferCaps, changedByTransferCaps, (System.nanoTime() - started) / 1_000_000);
        assertTrue(answered > CASES / 2, "most random requests are valid: " + answered);
        if (CASES >= 100) {
            assertTrue(namingInstitutions > 0 && overruledConclusions > 0 && takenOut > 0,
                    "the random requests reach institutions, overruled lists and rules to take out");
        }
    }

    @AfterEach
    void deleteCopies() throws IOException {
        for (Without without : withoutRule.values()) {
            Folders.delete(without.folder());
        }
    }

    /** PR-3 on one conclusion of the service's answer. */
    private void checkOverruledList(JsonNode conclusion, String where) {
        String topic = conclusion.get("topic").asText();
        if (!conclusion.has("overruled")) {
            return;
        }
        JsonNode overruled = conclusion.get("overruled");
        assertTrue(overruled.isArray() && !overruled.isEmpty(), "overruled is absent, not empty, where nothing was outranked: " + where);
        assertNotEquals("ADVICE", topic, "advice is collected, never overrules: " + where);
        assertEquals("FIRST", hitPolicies.get(topic), "only a FIRST topic overrules: " + where);
        overruledConclusions++;
        JsonNode decider = catalogue.get(conclusion.get("rule").asText());
        // A transfer that TR-8 changed names TR-8's rule, of the transfer-caps topic: it has no rank in the transfer topic.
        int previousRank = topicOf(decider).equals(topic) ? decider.get("rank").asInt() : 1;
        Set<String> listed = new HashSet<>();
        for (JsonNode entry : overruled) {
            overruledEntries++;
            String what = "overruled entry " + entry + " of " + where;
            for (String field : List.of("policy", "rule", "file", "line", "outcome", "reason")) {
                assertTrue(entry.hasNonNull(field) && !entry.get(field).asText().isBlank(), field + " given in " + what);
            }
            String rule = entry.get("rule").asText();
            JsonNode catalogued = catalogue.get(rule);
            assertTrue(catalogued != null, "a catalogued rule in " + what);
            assertEquals(topic, topicOf(catalogued), "a rule of the conclusion's topic in " + what);
            assertEquals(List.of(catalogued.get("policy").asText(), catalogued.get("file").asText(), catalogued.get("line").asInt()),
                    List.of(entry.get("policy").asText(), entry.get("file").asText(), entry.get("line").asInt()),
                    "the rule's policy, file and line as catalogued, in " + what);
            assertTrue(OUTCOMES.get(topic).contains(entry.get("outcome").asText()), "an outcome of " + topic + " in " + what);
            pointsAtItsRule(entry, what);
            assertNotEquals(conclusion.get("rule").asText(), rule, "the decider does not overrule itself: " + what);
            assertTrue(listed.add(rule), "each rule listed once: " + what);
            int rank = catalogued.get("rank").asInt();
            assertTrue(rank >= previousRank, "in the topic's order: rank " + rank + " listed after rank " + previousRank
                    + " (of the decider or the entry before it) in " + what);
            previousRank = rank;
        }
    }

    /** An entry's line (and a table's row) is where its rule starts in rules/. */
    private void pointsAtItsRule(JsonNode entry, String what) {
        String file = entry.get("file").asText();
        String rule = entry.get("rule").asText();
        int line = entry.get("line").asInt();
        List<String> lines = fileLines.computeIfAbsent(file, name -> read(RULES.resolve(name)));
        assertTrue(line >= 1 && line <= lines.size(), "line within rules/" + file + " in " + what);
        String text = lines.get(line - 1);
        if (file.endsWith(".csv")) {
            assertTrue(text.startsWith(rule), "rules/" + file + ":" + line + " is the rule's row, not " + text + ", in " + what);
            assertEquals(line, entry.path("row").asInt(), "a table rule's row is its line in " + what);
        } else {
            assertTrue(text.startsWith("rule \"" + rule + "\""), "rules/" + file + ":" + line + " starts the rule, not " + text + ", in " + what);
        }
    }

    /** PR-4 on one deciding conclusion that lists what it overruled. */
    private void checkTakingOutTheDecider(String offeringId, JsonNode decider, EvaluationRequest model,
            Map<String, List<DrawnConclusions.Drawn>> evaluatedWithout, String where) {
        String topic = decider.get("topic").asText();
        String rule = decider.get("rule").asText();
        if (!topicOf(catalogue.get(rule)).equals(topic)) {
            changedByTransferCaps++; // TR-8 changed it: the rule that decided the transfer is not named
            return;
        }
        Without without = withoutRule.computeIfAbsent(rule, this::takeOut);
        List<DrawnConclusions.Drawn> drawn = evaluatedWithout.computeIfAbsent(rule, name -> DrawnConclusions.evaluate(without.rulebase(),
                model.learner(), model.offerings(), DecisionService.asOf(model), DecisionService.institutions(model, without.rulebase())));
        List<JsonNode> now = new ArrayList<>();
        for (DrawnConclusions.Drawn each : drawn) {
            JsonNode conclusion = asJson(each.conclusion());
            if (each.offeringId().equals(offeringId) && conclusion.get("topic").equals(decider.get("topic"))
                    && conclusion.path("institution").equals(decider.path("institution"))) {
                now.add(conclusion);
            }
        }
        String what = "without rule \"" + rule + "\" (" + without.file() + ":" + without.line() + "), " + where;
        assertEquals(1, now.size(), "one " + topic + " conclusion decides " + what + "\nnow: " + now);
        JsonNode conclusion = now.get(0);
        List<JsonNode> expected = new ArrayList<>();
        decider.get("overruled").forEach(entry -> expected.add(moved(entry, without)));
        JsonNode first = expected.remove(0);
        String outcome = first.get("outcome").asText();
        boolean mayBeCut = topic.equals("TRANSFER") && (outcome.equals("ACCEPTED") || outcome.equals("EXPECTED"));
        if (mayBeCut && conclusion.get("policy").asText().equals("TR-8")) {
            cutByTransferCaps++;
        } else {
            assertEquals(first, stated(conclusion), "PR-4: the first overruled entry decides " + what + "\nnow: " + conclusion);
        }
        assertEquals(json.valueToTree(expected), conclusion.has("overruled") ? conclusion.get("overruled") : json.createArrayNode(),
                "PR-4: the new decider overrules the rest of the list, in order, " + what + "\nnow: " + conclusion);
        takenOut++;
    }

    /**
     * A copy of rules/ without the rule (its lines from {@code rule "name"} to its {@code end}, or its
     * table row) and without the scenarios, compiled.
     */
    private Without takeOut(String rule) {
        JsonNode catalogued = catalogue.get(rule);
        String file = catalogued.get("file").asText();
        int line = catalogued.get("line").asInt();
        try {
            Path folder = RulesCopy.into(Files.createTempDirectory("precedence-without-"));
            Folders.delete(folder.resolve(RulesFolder.SCENARIOS));
            List<String> lines = new ArrayList<>(Files.readAllLines(folder.resolve(file)));
            int last = line - 1;
            if (file.endsWith(".csv")) {
                assertTrue(lines.get(line - 1).startsWith(rule), file + ":" + line + " is the row of rule " + rule);
            } else {
                assertTrue(lines.get(line - 1).startsWith("rule \"" + rule + "\""), file + ":" + line + " starts rule " + rule);
                while (!lines.get(last).strip().equals("end")) {
                    last++;
                }
            }
            lines.subList(line - 1, last + 1).clear();
            Files.write(folder.resolve(file), lines);
            return new Without(folder, new RulebaseCompiler().compile(RulesFolder.read(folder)), file, line, last + 2 - line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An overruled entry as it reads once its rule's lines moved up, in a file the rule taken out was above it in. */
    private JsonNode moved(JsonNode entry, Without without) {
        ObjectNode moved = entry.deepCopy();
        if (entry.get("file").asText().equals(without.file()) && entry.get("line").asInt() > without.line()) {
            moved.put("line", entry.get("line").asInt() - without.lines());
            if (entry.has("row")) {
                moved.put("row", entry.get("row").asInt() - without.lines());
            }
        }
        return moved;
    }

    /** What a conclusion states, in the shape of an overruled entry. */
    private static ObjectNode stated(JsonNode conclusion) {
        ObjectNode stated = conclusion.deepCopy();
        stated.retain("policy", "rule", "file", "line", "sheet", "row", "outcome", "reason");
        return stated;
    }

    /** On the shipped rules, DrawnConclusions draws for each offering the conclusions the service answers (their order aside). */
    private void checkDrawnAsAnswered(EvaluationRequest model, Rulebase shipped, JsonNode answer, String body) {
        List<DrawnConclusions.Drawn> drawn = DrawnConclusions.evaluate(shipped, model.learner(), model.offerings(),
                DecisionService.asOf(model), DecisionService.institutions(model, shipped));
        for (JsonNode result : answer.get("results")) {
            List<String> answered = new ArrayList<>();
            result.get("conclusions").forEach(conclusion -> answered.add(conclusion.toString()));
            List<String> ofOffering = new ArrayList<>();
            for (DrawnConclusions.Drawn each : drawn) {
                if (each.offeringId().equals(result.get("offeringId").asText())) {
                    ofOffering.add(asJson(each.conclusion()).toString());
                }
            }
            assertEquals(answered.stream().sorted().toList(), ofOffering.stream().sorted().toList(),
                    "DrawnConclusions draws what the service answers on the shipped rules, for " + result.get("offeringId") + " of " + body);
        }
    }

    private JsonNode asJson(Object value) {
        try {
            return json.readTree(json.writeValueAsString(value)); // as the service writes it, numbers included
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readCatalogue() throws IOException {
        JsonNode rules = json.readTree(given().get("/api/v1/rules").then().statusCode(200).extract().asString());
        rules.get("rules").forEach(rule -> catalogue.put(rule.get("name").asText(), rule));
        rules.get("topics").forEach(topic -> hitPolicies.put(topic.get("topic").asText().toUpperCase(Locale.ROOT).replace('-', '_'),
                topic.get("hitPolicy").asText()));
    }

    /** A catalogued rule's topic as conclusions name it: credit → CREDIT, industry-certification → INDUSTRY_CERTIFICATION. */
    private static String topicOf(JsonNode catalogued) {
        return catalogued.get("topic").asText().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
