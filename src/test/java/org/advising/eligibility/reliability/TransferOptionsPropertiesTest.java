package org.advising.eligibility.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Optional;
import org.advising.eligibility.GeneratedInstitutions;
import org.advising.eligibility.decisions.DecisionService;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.intake.InvalidRequestException;
import org.advising.eligibility.intake.RequestReader;
import org.advising.eligibility.intake.RequestValidator;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.options.TransferOption;
import org.advising.eligibility.options.TransferOptionsFinder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TO-4 on random valid requests: each institution's option equals what the same request naming
 * that institution alone gets from POST /api/v1/evaluations (totals, and per offering the outcome,
 * hours and deciding statement), every institution in effect is an option, and the options are in
 * TO-3's order. 100 requests; {@code -Dtransferoptions.requests=N} runs more, {@code -Dtransferoptions.seed=N} replays.
 */
@QuarkusTest
class TransferOptionsPropertiesTest {

    @Inject
    RulebaseRunner runner;
    @Inject
    RequestReader reader;
    @Inject
    RequestValidator validator;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = Integer.getInteger("transferoptions.requests", 50);

    @Test
    void each_option_is_what_naming_its_institution_alone_gets() throws Exception {
        long seed = Long.getLong("transferoptions.seed", System.nanoTime());
        System.out.println("TransferOptionsPropertiesTest: seed " + seed + " (replay with -Dtransferoptions.seed=" + seed + ")");
        RequestMutator generator = new RequestMutator(new Random(seed), List.of());
        int answered = 0;
        int options = 0;
        for (int i = 0; i < REQUESTS; i++) {
            ObjectNode request = (ObjectNode) generator.generated();
            request.remove("receivingInstitutions");
            Response ranked = post("/api/v1/transfer-options", request.deepCopy().put("limit", 1000));
            if (ranked.statusCode() == 400) {
                continue; // an invalid combination the generator made (a completion after the as-of date)
            }
            answered++;
            JsonNode answer = JSON.readTree(ranked.then().statusCode(200).extract().asString());
            assertEquals(answer.get("institutionsConsidered").asInt(), answer.get("options").size(), "every institution: " + request);
            List<String> order = new ArrayList<>();
            for (JsonNode option : answer.get("options")) {
                options++;
                order.add(rankKey(option));
                ObjectNode alone = request.deepCopy();
                alone.putArray("receivingInstitutions").add(option.get("id").asText());
                JsonNode named = JSON.readTree(post("/api/v1/evaluations", alone).then().statusCode(200).extract().asString());
                assertEquals(asNamed(named), asOption(option), "TO-4 for " + option.get("id") + " in " + request);
            }
            List<String> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertEquals(sorted, order, "TO-3's order in " + request);
        }
        System.out.println("TransferOptionsPropertiesTest: " + answered + " requests answered, " + options + " options alike");
        assertTrue(answered > REQUESTS / 2, "most random requests are valid: " + answered);
    }

    /**
     * The same in-process on a generated file of 350 institutions (four evaluations of institutions
     * per request, every kind of policy the generator writes): each option equals the evaluation
     * naming its institution alone. 20 requests; {@code -Dtransferoptions.generated.requests=N} runs more.
     */
    @Test
    void each_option_among_generated_institutions_is_what_naming_it_alone_gets() throws Exception {
        long seed = Long.getLong("transferoptions.seed", System.nanoTime());
        System.out.println("TransferOptionsPropertiesTest (generated institutions): seed " + seed);
        Rulebase rulebase = GeneratedInstitutions.rulebase(350, seed);
        TransferOptionsFinder finder = new TransferOptionsFinder(runner);
        int requests = Integer.getInteger("transferoptions.generated.requests", 20);
        List<Admitted> admitted = admitted(seed, rulebase, requests);
        for (Admitted each : admitted) {
            EvaluationRequest request = each.request();
            ObjectNode generated = each.generated();
            LocalDate asOf = each.asOf();
            TransferOptionsFinder.Ranked ranked = finder.find(rulebase, request.learner(), request.offerings(), asOf, 1000, runner.deadline());
            assertEquals(rulebase.institutions().countInEffectOn(asOf), ranked.considered());
            assertEquals(Math.min(1000, ranked.considered()), ranked.options().size());
            for (TransferOption option : ranked.options()) {
                ReceivingInstitution alone = rulebase.institutions().inEffectOn(option.id(), asOf).orElseThrow();
                RulebaseAnswer named = runner.evaluate(rulebase, request.learner(), request.offerings(), asOf, List.of(alone));
                assertEquals(TransferOptionsFinder.options(named), List.of(option), "TO-4 in " + generated);
            }
            List<TransferOption> sorted = new ArrayList<>(ranked.options());
            sorted.sort(TransferOption.RANKING);
            assertEquals(sorted, ranked.options());
        }
        assertTrue(admitted.size() > requests / 2, "most random requests are valid: " + admitted.size() + " of " + requests);
    }

    /**
     * Grouping by policy (each distinct policy evaluated once, its option given to every institution that
     * publishes it) against naming each institution alone, where institutions do share policies: 60 generated
     * policies published by 6 institutions each (360, a few dated). Every option, and the ranking with its
     * ties broken by id, is what the one-by-one evaluations give. 20 requests;
     * {@code -Dtransferoptions.shared.requests=N} runs more.
     */
    @Test
    void options_grouped_by_shared_policy_are_those_of_each_institution_alone(@TempDir Path temporary) throws Exception {
        long seed = Long.getLong("transferoptions.seed", System.nanoTime());
        System.out.println("TransferOptionsPropertiesTest (shared policies): seed " + seed);
        Path folder = GeneratedInstitutions.rulesFolder(temporary, 0, seed);
        Files.writeString(folder.resolve("institutions.yaml"), GeneratedInstitutions.sharedPolicies(60, 6, seed));
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(folder));
        TransferOptionsFinder finder = new TransferOptionsFinder(runner);
        List<Admitted> admitted = admitted(seed, rulebase, Integer.getInteger("transferoptions.shared.requests", 20));
        for (Admitted each : admitted) {
            EvaluationRequest request = each.request();
            LocalDate asOf = each.asOf();
            List<TransferOption> oneByOne = new ArrayList<>();
            for (ReceivingInstitution institution : rulebase.institutions().inEffectOn(asOf).values()) {
                oneByOne.addAll(TransferOptionsFinder.options(
                        runner.evaluate(rulebase, request.learner(), request.offerings(), asOf, List.of(institution))));
            }
            oneByOne.sort(TransferOption.RANKING);
            TransferOptionsFinder.Ranked grouped = finder.find(rulebase, request.learner(), request.offerings(), asOf, 1000, runner.deadline());
            assertEquals(oneByOne.size(), grouped.considered());
            assertEquals(oneByOne, grouped.options(), "TO-4 with shared policies in " + each.generated());
        }
        assertTrue(admitted.size() > 10, "most random requests are valid: " + admitted.size());
    }

    private record Admitted(ObjectNode generated, EvaluationRequest request, LocalDate asOf) {
    }

    /** Random requests without institutions, as the service admits them (the invalid combinations the generator makes left out). */
    private List<Admitted> admitted(long seed, Rulebase rulebase, int count) throws Exception {
        RequestMutator generator = new RequestMutator(new Random(seed), List.of());
        List<Admitted> admitted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode generated = (ObjectNode) generator.generated();
            generated.remove("receivingInstitutions");
            try {
                EvaluationRequest request = DecisionService.valid(reader, validator, JSON.writeValueAsBytes(generated), Optional.of(rulebase));
                admitted.add(new Admitted(generated, request, DecisionService.asOf(request)));
            } catch (InvalidRequestException e) {
                // an invalid combination the generator made
            }
        }
        return admitted;
    }

    /** A key whose text order is TO-3's: more accepted, expected, matches and reviews first, then the id. */
    private static String rankKey(JsonNode option) {
        return "%08d %08d %04d %04d %s".formatted(99_999_999 - Math.round(option.get("acceptedSemesterHours").asDouble() * 100),
                99_999_999 - Math.round(option.get("expectedSemesterHours").asDouble() * 100), 9_999 - option.get("matches").asInt(),
                9_999 - option.get("reviews").asInt(), option.get("id").asText());
    }

    private static List<String> asOption(JsonNode option) {
        List<String> lines = new ArrayList<>();
        lines.add(option.get("id").asText() + " " + option.get("name").asText() + " accepted " + number(option.get("acceptedSemesterHours"))
                + " expected " + number(option.get("expectedSemesterHours")));
        int matches = 0;
        int reviews = 0;
        int misses = 0;
        for (JsonNode offering : option.get("offerings")) {
            String outcome = offering.get("outcome").asText();
            lines.add(offering.get("offeringId").asText() + " " + outcome + " " + number(offering.get("semesterHours")) + " "
                    + offering.get("policy").asText());
            matches += outcome.equals("ACCEPTED") || outcome.equals("EXPECTED") ? 1 : 0;
            reviews += outcome.equals("REVIEW") ? 1 : 0;
            misses += outcome.equals("NOT_ACCEPTED") ? 1 : 0;
        }
        assertEquals(List.of(matches, reviews, misses), List.of(option.get("matches").asInt(), option.get("reviews").asInt(),
                option.get("misses").asInt()), "TO-2's counts of " + option);
        return lines;
    }

    private static List<String> asNamed(JsonNode evaluation) {
        List<String> lines = new ArrayList<>();
        JsonNode totals = evaluation.get("institutions").get(0);
        lines.add(totals.get("id").asText() + " " + totals.get("name").asText() + " accepted " + number(totals.get("acceptedSemesterHours"))
                + " expected " + number(totals.get("expectedSemesterHours")));
        for (JsonNode result : evaluation.get("results")) {
            JsonNode transfer = result.get("transfers").get(0);
            String policy = "";
            for (JsonNode conclusion : result.get("conclusions")) {
                if (conclusion.get("topic").asText().equals("TRANSFER")) {
                    policy = conclusion.get("policy").asText();
                    break;
                }
            }
            lines.add(result.get("offeringId").asText() + " " + transfer.get("outcome").asText() + " "
                    + number(transfer.get("semesterHours")) + " " + policy);
        }
        return lines;
    }

    private static String number(JsonNode value) {
        return value.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static Response post(String path, JsonNode request) throws Exception {
        return given().contentType(ContentType.JSON).body(JSON.writeValueAsString(request)).when().post(path);
    }
}
