package org.advising.eligibility.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.advising.eligibility.ContractExamples;
import org.junit.jupiter.api.Test;

/**
 * Every field of every request shape, given hostile values, through every request surface: each answer
 * is a 200 or a precise 400 problem+json (a non-empty {@code errors} list of at most 100, each naming a
 * field and saying what is wrong), within 2 s, in at most 256 KiB. Whether a 200 was deserved is not
 * asserted here: only status, time and size.
 *
 * <p>Three base requests, merged from the contract examples so that every field of the request shapes
 * appears: (a) an evaluation with receiving institutions and next steps, (b) an evaluation whose learner
 * has credentials (an Open Badge with an ACE endorsement, a CLR, an expired badge), (c) a transfer-options
 * request with a limit. The walker visits every path of each (object members and list elements, deep
 * inside credentials) and gives it each {@link #VALUES value}, removes it (object members), or repeats it
 * (list elements and lists); each case goes to each surface of its base: POST /api/v1/evaluations and one
 * line of POST /api/v1/evaluations/batch for (a) and (b), POST /api/v1/transfer-options for (c).
 *
 * <p>There are thousands of cases; a run sends {@code -Dhostile.cases} of them (200 by default): a seeded
 * random sample ({@code -Dhostile.seed}, 42 by default), then the {@link #knownCases known ones}. The client
 * gives up on an answer after 10 s; the service runs in this JVM, so the test then waits (up to 15 s) until
 * no worker is in the service's code, lest the next cases be timed against leftover work, and reports how long
 * that took. Every failing case is collected and the test fails once, listing them all, grouped by kind first.
 */
@QuarkusTest
class HostileInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int CASES = Integer.getInteger("hostile.cases", 200);
    private static final long SEED = Long.getLong("hostile.seed", 42L);

    private static final long MAX_MILLIS = 2_000;
    private static final int MAX_ANSWER_BYTES = 256 * 1024;
    private static final int MAX_ERRORS = 100;
    /** The service's body limit (eligibility.api.max-body-size=1M): every case stays under it, a 413 is not what is tested. */
    private static final int BODY_LIMIT = 1024 * 1024;
    /** How long to wait for the service to stop working on a request its client gave up on, before the next case. */
    private static final long QUIET_CAP_MILLIS = 15_000;
    /** A client-side backstop, so that a hang fails its case instead of the run. */
    private static final RestAssuredConfig PATIENT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 10_000));

    /** The replacement values every path gets, by the name reports give them. */
    private static final Map<String, JsonNode> VALUES = values();

    private static Map<String, JsonNode> values() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("null", NODES.nullNode());
        values.put("true", NODES.booleanNode(true));
        values.put("{}", NODES.objectNode());
        values.put("[]", NODES.arrayNode());
        values.put("\"3.5\"", NODES.textNode("3.5"));
        values.put("\"12\"", NODES.textNode("12"));
        for (String number : List.of("1e308", "1e400", "-1e308", "1e-300", "1e-30000000", "5.5")) {
            values.put(number, DecimalNode.valueOf(new BigDecimal(number)));
        }
        values.put("-1", NODES.numberNode(-1));
        values.put("0", NODES.numberNode(0));
        values.put("123456789012345678901234567890", BigIntegerNode.valueOf(new BigInteger("123456789012345678901234567890")));
        values.put("\"1e-30000000\"", NODES.textNode("1e-30000000"));
        values.put("\"1e30000000\"", NODES.textNode("1e30000000"));
        values.put("\"５\" (fullwidth)", NODES.textNode("\uFF15"));
        values.put("\"+999999999-12-31\"", NODES.textNode("+999999999-12-31"));
        values.put("100,000-char string", NODES.textNode("x".repeat(100_000)));
        values.put("20,000 nulls", repeated(NODES.nullNode(), 20_000));
        ObjectNode deep = NODES.objectNode();
        for (int i = 1; i < 300; i++) {
            deep = NODES.objectNode().set("a", deep);
        }
        values.put("object 300 deep", deep);
        return Collections.unmodifiableMap(values);
    }

    enum Surface {
        EVALUATIONS("/api/v1/evaluations"), BATCH("/api/v1/evaluations/batch"), TRANSFER_OPTIONS("/api/v1/transfer-options");

        final String path;

        Surface(String path) {
            this.path = path;
        }
    }

    record Base(String name, ObjectNode tree, List<Surface> surfaces, int size) {
        Base(String name, ObjectNode tree, List<Surface> surfaces) {
            this(name, tree, surfaces, bytes(tree).length);
        }
    }

    /** One hostile request: the base's tree with one edit at one path, for one surface. */
    record Case(Base base, String path, String variant, Surface surface, Consumer<ObjectNode> edit) {
        String key() {
            return base.name + " " + surface + " " + path + " = " + variant;
        }

        byte[] body() {
            ObjectNode tree = base.tree.deepCopy();
            edit.accept(tree);
            byte[] body = bytes(tree);
            if (body.length >= BODY_LIMIT) {
                throw new IllegalStateException("the case " + key() + " is over the body limit: " + body.length + " bytes");
            }
            return body;
        }
    }

    /**
     * What a surface answered, reduced to what is asserted: the status (a batch line's; -1 when there is none), its problem,
     * time and size; {@code fault} says what was wrong with the answer's shape, {@code answered} is false when the client gave up.
     */
    record Answer(boolean answered, int status, JsonNode problem, String fault, long millis, int size, String text) {
    }

    record Failure(Case hostile, Answer answer, List<String> reasons) {
        @Override
        public String toString() {
            return "[" + hostile.surface + "] (" + hostile.base.name + ") " + hostile.path + " = " + hostile.variant + " -> " + answer.status
                    + " in " + answer.millis + " ms, " + answer.size + " bytes: " + String.join("; ", reasons) + "\n      "
                    + answer.text.substring(0, Math.min(300, answer.text.length())).replace("\n", "\\n");
        }

        /** The failure without its numbers, to count alike ones: "[BATCH] = 20,000 nulls: status N". */
        String kind() {
            return "[" + hostile.surface + "] = " + hostile.variant.replaceAll(" \\(\\d+\\)", "") + ": "
                    + String.join("; ", reasons).replaceAll("\\d+", "N");
        }
    }

    @Test
    void every_hostile_value_of_every_field_gets_a_200_or_a_precise_400_quickly_and_briefly() throws IOException {
        List<Base> bases = bases();
        Map<String, Case> all = new LinkedHashMap<>();
        for (Base base : bases) {
            for (JsonPointer at : paths(base.tree)) {
                for (Map.Entry<String, Consumer<ObjectNode>> variant : variants(base, at).entrySet()) {
                    for (Surface surface : base.surfaces) {
                        Case hostile = new Case(base, label(base.tree, at), variant.getKey(), surface, variant.getValue());
                        all.put(hostile.key(), hostile);
                    }
                }
            }
        }
        List<Case> known = knownCases(bases);
        known.forEach(hostile -> all.put(hostile.key(), hostile));
        Set<String> knownKeys = new LinkedHashSet<>(known.stream().map(Case::key).toList());
        List<Case> rest = new ArrayList<>(all.values().stream().filter(hostile -> !knownKeys.contains(hostile.key())).toList());
        Collections.shuffle(rest, new Random(SEED));
        // The sample first, the known cases last: these are the likeliest to leave the service working after their answer.
        List<Case> sample = new ArrayList<>(rest.subList(0, Math.max(0, Math.min(rest.size(), CASES - known.size()))));
        sample.addAll(known);
        System.out.println("HostileInputsTest: " + sample.size() + " of " + all.size() + " cases (seed " + SEED + "); -Dhostile.cases="
                + all.size() + " runs them all");

        warmUp(bases);
        List<Failure> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (Case hostile : sample) {
            Answer answer = send(hostile.surface, hostile.body());
            statuses.merge(answer.status, 1, Integer::sum);
            List<String> reasons = check(answer);
            if (!answer.answered) { // the client gave up: how long does the service go on working on it?
                long millis = millisUntilQuiet();
                reasons.add(millis < 0 ? "the service was still working on it " + QUIET_CAP_MILLIS / 1000 + " s later"
                        : "the service worked on it " + millis + " ms more");
            } else if (!reasons.isEmpty() && !quiet()) {
                reasons.add("(the service was still working on an earlier case)");
            }
            if (!reasons.isEmpty()) {
                failures.add(new Failure(hostile, answer, reasons));
            }
        }
        System.out.println("HostileInputsTest: " + sample.size() + " cases in " + (System.nanoTime() - started) / 1_000_000_000
                + " s, by status " + statuses + " (-1: no answer), " + failures.size() + " failed");
        if (!failures.isEmpty()) {
            StringBuilder report = new StringBuilder(failures.size() + " of " + sample.size() + " hostile cases (seed " + SEED
                    + ") were not a 200 or a precise 400 within " + MAX_MILLIS + " ms and " + MAX_ANSWER_BYTES + " bytes:");
            Map<String, Integer> kinds = new TreeMap<>();
            failures.forEach(failure -> kinds.merge(failure.kind(), 1, Integer::sum));
            report.append("\nBy kind (cases, surface, value, what was wrong):");
            kinds.forEach((kind, count) -> report.append("\n  ").append(count).append(" x ").append(kind));
            report.append("\nEach case (surface, base, path, value -> status, time, size: what was wrong, then the answer's start):");
            failures.forEach(failure -> report.append("\n  ").append(failure));
            fail(report.toString());
        }
    }

    // ---- The base requests ----------------------------------------------------------------------

    private static List<Base> bases() throws IOException {
        // (a): receiving institutions and next steps, with every field of learners, records and offerings the examples use.
        ObjectNode evaluation = merged("next-steps/14-retake-withdrawn-and-bachelors.json", "next-steps/13-audit-and-unfinished-certificate.json",
                "transfer/10-recommendation-window-ended.json", "04-professional-certificate-ace.json",
                "05-specialization-capstone-no-credit.json");
        evaluation.put("nextSteps", true);
        // (b): an Open Badge endorsed with ACE's recommendation, a CLR of three credentials and an expired badge.
        Path credentialExamples = Path.of("src/test/resources/credential-examples");
        ObjectNode badge = (ObjectNode) JSON.readTree(credentialExamples.resolve("16-certificate-badge-with-ace-recommendation.json").toFile())
                .get("request");
        ObjectNode transcript = (ObjectNode) JSON.readTree(credentialExamples.resolve("17-transcript-and-an-expired-badge.json").toFile())
                .get("request");
        ObjectNode credentials = badge.deepCopy();
        ((ArrayNode) credentials.get("learner").get("credentials")).addAll((ArrayNode) transcript.get("learner").get("credentials"));
        ((ArrayNode) credentials.get("offerings")).addAll((ArrayNode) transcript.get("offerings"));
        // (c): the transfer-options example, with the limit it may carry.
        ObjectNode options = (ObjectNode) ContractExamples.read("transfer-options/15-where-a-portfolio-counts-most.json").get("request").deepCopy();
        options.put("limit", 20);
        return List.of(new Base("a: evaluation", evaluation, List.of(Surface.EVALUATIONS, Surface.BATCH)),
                new Base("b: credentials", credentials, List.of(Surface.EVALUATIONS, Surface.BATCH)),
                new Base("c: transfer options", options, List.of(Surface.TRANSFER_OPTIONS)));
    }

    /** The first example's request with the offerings (and their records, institutions) of the others whose ids it lacks. */
    private static ObjectNode merged(String first, String... others) throws IOException {
        ObjectNode merged = (ObjectNode) ContractExamples.read(first).get("request").deepCopy();
        ObjectNode learner = (ObjectNode) merged.get("learner");
        ArrayNode records = learner.has("records") ? (ArrayNode) learner.get("records") : learner.putArray("records");
        ArrayNode offerings = (ArrayNode) merged.get("offerings");
        Set<String> ids = new LinkedHashSet<>();
        offerings.forEach(offering -> ids.add(offering.get("id").asText()));
        Set<String> institutions = new LinkedHashSet<>();
        for (String other : others) {
            JsonNode request = ContractExamples.read(other).get("request");
            for (JsonNode offering : request.get("offerings")) {
                if (ids.add(offering.get("id").asText())) {
                    offerings.add(offering);
                    for (JsonNode record : request.get("learner").path("records")) {
                        if (record.get("offeringId").asText().equals(offering.get("id").asText())) {
                            records.add(record);
                        }
                    }
                }
            }
            request.path("receivingInstitutions").forEach(id -> institutions.add(id.asText()));
        }
        merged.path("receivingInstitutions").forEach(id -> institutions.add(id.asText()));
        ArrayNode receiving = merged.putArray("receivingInstitutions");
        institutions.forEach(receiving::add);
        return merged;
    }

    /** The bases must get 200s, or the walk would mostly test refusals; their first answers also warm the service up. */
    private static void warmUp(List<Base> bases) {
        for (int round = 0; round < 3; round++) {
            for (Base base : bases) {
                for (Surface surface : base.surfaces) {
                    Answer answer = send(surface, bytes(base.tree));
                    assertEquals(200, answer.status, "the base request " + base.name + " on " + surface + ": " + answer.text);
                }
            }
        }
    }

    // ---- The walker ----------------------------------------------------------------------------

    /** Every path of a tree: each object member and list element, depth first. */
    private static List<JsonPointer> paths(JsonNode tree) {
        List<JsonPointer> paths = new ArrayList<>();
        walk(tree, JsonPointer.empty(), paths);
        return paths;
    }

    private static void walk(JsonNode node, JsonPointer at, List<JsonPointer> paths) {
        if (node.isObject()) {
            node.properties().forEach(member -> {
                JsonPointer path = at.appendProperty(member.getKey());
                paths.add(path);
                walk(member.getValue(), path, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonPointer path = at.appendIndex(i);
                paths.add(path);
                walk(node.get(i), path, paths);
            }
        }
    }

    /** The edits of one path, by name: each value, the member removed, the element or list repeated. */
    private static Map<String, Consumer<ObjectNode>> variants(Base base, JsonPointer at) {
        Map<String, Consumer<ObjectNode>> variants = new LinkedHashMap<>();
        VALUES.forEach((name, value) -> variants.put(name, tree -> set(tree, at, value)));
        JsonNode original = base.tree.at(at);
        JsonNode parent = base.tree.at(at.head());
        int largest = 0; // the largest element repeated, to keep the body under the limit
        if (parent.isArray()) {
            largest = bytes(original).length;
        } else if (original.isArray()) {
            for (JsonNode element : original) {
                largest = Math.max(largest, bytes(element).length);
            }
        }
        int copies = largest == 0 ? 0 : Math.min(5_000, (BODY_LIMIT - 1 - base.size - 64) / (largest + 1));
        if (copies > 1) {
            String name = copies == 5_000 ? "5,000 copies" : "as many copies as fit in 1 MiB (" + copies + ")";
            variants.put(name, tree -> {
                ArrayNode repeated = NODES.arrayNode();
                if (parent.isArray()) { // the element repeated in its list, beside the others
                    int index = at.last().getMatchingIndex();
                    for (int i = 0; i < parent.size(); i++) {
                        if (i == index) {
                            repeated.addAll(repeated(original, copies));
                        } else {
                            repeated.add(parent.get(i));
                        }
                    }
                    set(tree, at.head(), repeated);
                } else { // the list's elements, in turn, 5,000 times
                    for (int i = 0; i < copies; i++) {
                        repeated.add(original.get(i % original.size()));
                    }
                    set(tree, at, repeated);
                }
            });
        }
        if (parent.isObject()) {
            variants.put("removed", tree -> ((ObjectNode) tree.at(at.head())).remove(at.last().getMatchingProperty()));
        }
        return variants;
    }

    /** The cases every run includes, whatever the sample: inputs that once broke, or were likely to. */
    private static List<Case> knownCases(List<Base> bases) {
        Base evaluation = bases.get(0);
        Base credentials = bases.get(1);
        Base options = bases.get(2);
        String gpa = "/learner/credentials/1/credentialSubject/verifiableCredential/0/credentialSubject/result/0/value";
        String clr = "/learner/credentials/1/credentialSubject/verifiableCredential";
        String endorsement = "/learner/credentials/0/credentialSubject/achievement/endorsement/0";
        String recommendations = endorsement + "/credentialSubject/creditRecommendations";
        List<Case> known = new ArrayList<>();
        known.addAll(replaced(credentials, gpa, "\"1e-30000000\"", () -> VALUES.get("\"1e-30000000\"")));
        known.addAll(replaced(credentials, clr, "400,000 numbers", () -> repeated(NODES.numberNode(1), 400_000)));
        known.addAll(replaced(credentials, recommendations, "{}", () -> VALUES.get("{}")));
        JsonNode firstRecommendation = credentials.tree.at(recommendations + "/0");
        known.addAll(replaced(credentials, recommendations, "its first recommendation, not in a list", () -> firstRecommendation));
        known.addAll(replaced(credentials, recommendations + "/0/semesterHours", "0.001", () -> DecimalNode.valueOf(new BigDecimal("0.001"))));
        known.addAll(replaced(credentials, recommendations + "/0/semesterHours", "1e-300", () -> VALUES.get("1e-300")));
        JsonPointer window = JsonPointer.compile(endorsement);
        exists(credentials, window);
        for (Surface surface : credentials.surfaces) {
            known.add(new Case(credentials, label(credentials.tree, window) + ".validFrom/validUntil", "2027 to 2025", surface,
                    tree -> ((ObjectNode) tree.at(window)).put("validFrom", "2027-01-01T00:00:00Z").put("validUntil", "2025-12-31T23:59:59Z")));
        }
        known.addAll(replaced(options, "/limit", "5.5", () -> VALUES.get("5.5")));
        known.addAll(replaced(options, "/limit", "\"5\"", () -> NODES.textNode("5")));
        // Last, since the service may go on working on them long after their answer (or the client's giving up).
        known.addAll(replaced(evaluation, "/offerings", "40,000 nulls", () -> repeated(NODES.nullNode(), 40_000)));
        known.addAll(replaced(evaluation, "/learner/records", "40,000 nulls", () -> repeated(NODES.nullNode(), 40_000)));
        return known;
    }

    private static List<Case> replaced(Base base, String pointer, String variant, Supplier<JsonNode> value) {
        JsonPointer at = JsonPointer.compile(pointer);
        exists(base, at);
        return base.surfaces.stream().map(surface -> new Case(base, label(base.tree, at), variant, surface, tree -> set(tree, at, value.get())))
                .toList();
    }

    private static void exists(Base base, JsonPointer at) {
        if (base.tree.at(at).isMissingNode()) {
            throw new IllegalStateException("a known case's path is not in base " + base.name + ": " + at);
        }
    }

    private static void set(ObjectNode tree, JsonPointer at, JsonNode value) {
        JsonNode parent = tree.at(at.head());
        if (parent.isArray()) {
            ((ArrayNode) parent).set(at.last().getMatchingIndex(), value);
        } else {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
        }
    }

    private static ArrayNode repeated(JsonNode element, int times) {
        ArrayNode list = NODES.arrayNode(times);
        for (int i = 0; i < times; i++) {
            list.add(element);
        }
        return list;
    }

    /** A path as the service names fields: learner.records[0].gpa. */
    private static String label(JsonNode tree, JsonPointer at) {
        StringBuilder label = new StringBuilder();
        JsonNode node = tree;
        for (JsonPointer rest = at; !rest.matches(); rest = rest.tail()) {
            if (node.isArray()) {
                label.append('[').append(rest.getMatchingIndex()).append(']');
                node = node.get(rest.getMatchingIndex());
            } else {
                label.append(label.isEmpty() ? "" : ".").append(rest.getMatchingProperty());
                node = node.get(rest.getMatchingProperty());
            }
        }
        return label.toString();
    }

    private static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- The senders, one per surface ----------------------------------------------------------

    private static Answer send(Surface surface, byte[] body) {
        return switch (surface) {
            case EVALUATIONS, TRANSFER_OPTIONS -> single(surface.path, body);
            case BATCH -> batchLine(body);
        };
    }

    /** POST /api/v1/evaluations or /api/v1/transfer-options: the answer's own status; a 400's body is its problem. */
    private static Answer single(String path, byte[] body) {
        Posted posted = post(path, "application/json", body);
        if (posted.error != null) {
            return posted.answer(-1, null, posted.error);
        }
        if (posted.status != 400) {
            return posted.answer(posted.status, null, null);
        }
        if (posted.contentType == null || !posted.contentType.startsWith("application/problem+json")) {
            return posted.answer(400, null, "a 400 as " + posted.contentType + ", not application/problem+json");
        }
        try {
            return posted.answer(400, JSON.readTree(posted.body), null);
        } catch (IOException e) {
            return posted.answer(400, null, "a 400 whose body is not JSON");
        }
    }

    /** The request as the one line of a batch: the line's status; a 400 line's problem. */
    private static Answer batchLine(byte[] body) {
        byte[] line = new byte[body.length + 1];
        System.arraycopy(body, 0, line, 0, body.length);
        line[body.length] = '\n';
        Posted posted = post(Surface.BATCH.path, "application/x-ndjson", line);
        if (posted.error != null) {
            return posted.answer(-1, null, posted.error);
        }
        if (posted.status != 200) {
            return posted.answer(posted.status, null, "the batch itself answered " + posted.status);
        }
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String text : new String(posted.body, StandardCharsets.UTF_8).split("\n")) {
                if (!text.isBlank()) {
                    lines.add(JSON.readTree(text));
                }
            }
        } catch (IOException e) {
            return posted.answer(-1, null, "a batch answer line that is not JSON");
        }
        if (lines.size() != 1 || lines.get(0).path("line").asInt() != 1) {
            return posted.answer(-1, null, "a batch of one line answered with " + lines.size() + " lines");
        }
        JsonNode answer = lines.get(0);
        return posted.answer(answer.path("status").asInt(-1), answer.get("problem"), null);
    }

    record Posted(int status, String contentType, byte[] body, long millis, String error) {
        Answer answer(int answerStatus, JsonNode problem, String fault) {
            return new Answer(error == null, answerStatus, problem, fault, millis, body.length, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static Posted post(String path, String contentType, byte[] body) {
        long start = System.nanoTime();
        try {
            Response response = given().config(PATIENT).contentType(contentType).body(body).when().post(path);
            byte[] answer = response.asByteArray();
            return new Posted(response.statusCode(), response.contentType(), answer, (System.nanoTime() - start) / 1_000_000, null);
        } catch (Exception e) { // rest-assured throws the client's IOExceptions unchecked: a read timed out, a connection reset
            return new Posted(-1, null, new byte[0], (System.nanoTime() - start) / 1_000_000, "no answer: " + e);
        }
    }

    // ---- Whether the service is still working --------------------------------------------------

    /**
     * Whether one of Quarkus' worker threads is in the service's code: a {@code @QuarkusTest}'s service runs in this JVM, so a
     * request its client gave up on, and the service still works on, shows here (idle workers wait in the pool's code).
     */
    private static boolean working() {
        return Thread.getAllStackTraces().entrySet().stream().anyMatch(thread -> thread.getKey().getName().startsWith("executor-thread")
                && Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getClassName().startsWith("org.advising.eligibility.")));
    }

    /** Whether the service is not {@link #working()}, or no longer after a tenth of a second (the time to finish an answer). */
    private static boolean quiet() {
        if (!working()) {
            return true;
        }
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !working();
    }

    /** The milliseconds until the service is {@link #quiet()}, or -1 if it is not within {@link #QUIET_CAP_MILLIS}. */
    private static long millisUntilQuiet() {
        long start = System.nanoTime();
        while ((System.nanoTime() - start) / 1_000_000 < QUIET_CAP_MILLIS) {
            if (quiet()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
        }
        return -1;
    }

    // ---- The assertion -------------------------------------------------------------------------

    /** Why an answer is not a 200 or a precise 400 within the time and size bounds; empty when it is. */
    private static List<String> check(Answer answer) {
        List<String> reasons = new ArrayList<>();
        if (answer.fault != null) {
            reasons.add(answer.fault);
        }
        if (answer.status != 200 && answer.status != 400 && answer.fault == null) {
            reasons.add("status " + answer.status);
        }
        if (answer.millis > MAX_MILLIS) {
            OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
            reasons.add("took " + answer.millis + " ms (load average %.1f on %d cores)".formatted(system.getSystemLoadAverage(),
                    system.getAvailableProcessors()));
        }
        if (answer.size > MAX_ANSWER_BYTES) {
            reasons.add("an answer of " + answer.size + " bytes");
        }
        if (answer.status == 400 && answer.fault == null) {
            JsonNode errors = answer.problem == null ? null : answer.problem.get("errors");
            if (errors == null || !errors.isArray() || errors.isEmpty()) {
                reasons.add("a 400 without errors");
            } else {
                if (errors.size() > MAX_ERRORS) {
                    reasons.add("a 400 listing " + errors.size() + " errors");
                }
                for (JsonNode error : errors) {
                    if (error.path("field").asText().isBlank() || error.path("message").asText().isBlank()) {
                        reasons.add("an error without a field or message: " + error);
                        break;
                    }
                }
            }
        }
        return reasons;
    }
}
