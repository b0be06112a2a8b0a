package org.advising.eligibility.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated proofs never answer 5xx (LC-7, LC-8, LC-10). The credentials of the public proof examples
 * ({@code src/test/resources/proof-examples/*.json}, {@code request.learner.credentials}: badges in both
 * data models, a did:key signer, a CLR holding a signed badge, a changed badge) are mutated, each case one
 * mutation of one credential (for the CLR: of the badge inside it, or of the CLR itself): the proofValue
 * with a character flipped, truncated, empty, 1 MB long, not base58 or not a string; the
 * verificationMethod removed, relative, garbage, a did:key whose multibase is bad, 100 KB long; the proof
 * type and cryptosuite changed or a number, null, a list, an object; the proof a string, a number, null,
 * an empty list or a list of 50 proofs; {@code created} a number or another date; a new member in the proof
 * or the credential; the @context removed, a context that is not bundled, a number, an object defining a
 * new term (used or not); values of credentialSubject changed; a node added whose id RDF cannot hold or a
 * value whose datatype or language tag it cannot (content the signature would not cover); and, as
 * controls, mutations that leave the signed content as it was (the proof wrapped in or taken out of a
 * list, members reordered).
 *
 * <p>Every answer is a 200 or a 400 problem+json whose errors each name a field, never anything else; in a
 * 200 every reading's proof.status is one of the five, proofChecked is true exactly when it is VERIFIED and
 * use is INVALID_PROOF exactly when it is INVALID; the mutated credential is never VERIFIED unless the
 * mutation left its signed content unchanged (the controls must keep the status the credential had).
 *
 * <p>{@value #DEFAULT_CASES} cases with the seed {@value #DEFAULT_SEED} by default;
 * {@code -Dmutated-proofs.cases=N} and {@code -Dmutated-proofs.seed=N} change them (the seed is printed).
 * Cases go eight to a request; a request answered 400 is sent again one case at a time so that each case is
 * judged on its own, and a case near the 1 MiB body limit goes alone.
 */
@QuarkusTest
class MutatedProofsTest {

    static final int DEFAULT_CASES = 200;
    static final long DEFAULT_SEED = 20_240_611L;
    private static final int CASES = Integer.getInteger("mutated-proofs.cases", DEFAULT_CASES);
    private static final long SEED = Long.getLong("mutated-proofs.seed", DEFAULT_SEED);
    private static final int PER_REQUEST = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> STATUSES = Set.of("VERIFIED", "INVALID", "UNVERIFIABLE", "UNSUPPORTED", "NONE");
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** What a mutation does to the signed content: changes it (never VERIFIED), leaves it (keeps its status), or either. */
    enum Effect {
        CHANGED, UNCHANGED, EITHER
    }

    /**
     * A credential of an example: {@code target} points at the part mutated (the credential, or the badge
     * inside a CLR), {@code reading} at the credential whose reading is judged. For the CLR itself the
     * reading is that of the badge it holds, which is read with its own proof: a mutation of the CLR
     * leaves that badge's signed content as it was.
     */
    record Base(String name, ObjectNode credential, String target, String reading) {
        boolean clrItself() {
            return !target.equals(reading);
        }
    }

    record Mutation(String name, Effect effect, BiConsumer<Random, ObjectNode> apply) {
    }

    record Case(int number, Base base, Mutation mutation, ObjectNode credential, String description) {
        boolean large() {
            return credential.toString().length() > 200_000;
        }
    }

    @Test
    void mutated_proofs_are_200s_or_precise_400s_and_never_verify_unless_the_signed_content_is_unchanged() throws IOException {
        long started = System.nanoTime();
        System.out.println("MutatedProofsTest: " + CASES + " cases, seed " + SEED + " (-Dmutated-proofs.cases=N, -Dmutated-proofs.seed=N)");
        ObjectNode template = (ObjectNode) JSON.readTree(Path.of("src/test/resources/proof-examples/18-proof-verified-badge-key-in-its-url.json")
                .toFile()).get("request");
        List<Base> bases = bases();
        Map<String, String> original = originalStatuses(template, bases);
        List<Mutation> mutations = mutations(bases);
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Mutation mutation = mutations.get(i % mutations.size()); // every kind, in turn
            Base base = bases.get(random.nextInt(bases.size()));
            ObjectNode credential = base.credential().deepCopy();
            ObjectNode target = base.target().isEmpty() ? credential : (ObjectNode) credential.at(base.target());
            mutation.apply().accept(random, target);
            cases.add(new Case(i, base, mutation, credential, "#" + i + " " + mutation.name() + " of " + base.name()));
        }

        Map<String, Map<String, Integer>> byKind = new TreeMap<>();
        Map<Integer, Integer> byHttpStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        List<List<Case>> batches = new ArrayList<>();
        List<Case> batch = new ArrayList<>();
        for (Case mutated : cases) {
            if (mutated.large()) {
                batches.add(List.of(mutated));
                continue;
            }
            batch.add(mutated);
            if (batch.size() == PER_REQUEST) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        long slowest = 0;
        String slowestCases = "";
        for (List<Case> sent : batches) {
            long sentAt = System.nanoTime();
            Response response = post(template, sent);
            long took = (System.nanoTime() - sentAt) / 1_000_000;
            if (took > slowest) {
                slowest = took;
                slowestCases = sent.stream().map(Case::description).toList().toString();
            }
            requests++;
            byHttpStatus.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 400 && sent.size() > 1) {
                checkProblem(response, sent, failures);
                for (Case alone : sent) { // judge each case on its own
                    Response single = post(template, List.of(alone));
                    requests++;
                    byHttpStatus.merge(single.statusCode(), 1, Integer::sum);
                    judge(single, List.of(alone), original, byKind, failures);
                }
            } else {
                judge(response, sent, original, byKind, failures);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        StringBuilder summary = new StringBuilder("MutatedProofsTest: " + cases.size() + " cases (seed " + SEED + ") in " + requests
                + " requests, " + millis + " ms (the slowest request " + slowest + " ms: " + slowestCases + "); HTTP statuses " + byHttpStatus
                + "; proof status of the mutated credential by mutation:");
        byKind.forEach((kind, statuses) -> summary.append(String.format("%n  %-58s %s", kind, statuses)));
        System.out.println(summary);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases.size() + " mutated cases (seed " + SEED + ") went wrong:\n  " + String.join("\n  ", failures));
        }
    }

    // ---- Judging answers ------------------------------------------------------------------------

    private static void judge(Response response, List<Case> sent, Map<String, String> original, Map<String, Map<String, Integer>> byKind,
            List<String> failures) {
        String cases = sent.stream().map(Case::description).toList().toString();
        int status = response.statusCode();
        if (status == 400) {
            checkProblem(response, sent, failures);
            sent.forEach(mutated -> byKind.computeIfAbsent(mutated.mutation().name(), kind -> new TreeMap<>()).merge("400", 1, Integer::sum));
            return;
        }
        if (status != 200) {
            failures.add(cases + ": HTTP " + status + " " + abbreviated(response.asString()));
            return;
        }
        JsonNode answer = response.as(JsonNode.class);
        Map<String, JsonNode> readings = new LinkedHashMap<>();
        for (JsonNode reading : answer.path("credentials")) {
            readings.put(reading.path("path").asText(), reading);
            String proofStatus = reading.at("/proof/status").asText();
            if (!STATUSES.contains(proofStatus)) {
                failures.add(cases + ": a reading's proof.status is " + reading.get("proof"));
            }
            if (reading.path("proofChecked").asBoolean() != proofStatus.equals("VERIFIED")) {
                failures.add(cases + ": proofChecked " + reading.get("proofChecked") + " with status " + proofStatus + " at " + reading.get("path"));
            }
            if (reading.path("use").asText().equals("INVALID_PROOF") != proofStatus.equals("INVALID")) {
                failures.add(cases + ": use " + reading.get("use") + " with status " + proofStatus + " at " + reading.get("path"));
            }
        }
        for (int i = 0; i < sent.size(); i++) {
            Case mutated = sent.get(i);
            String path = "learner.credentials[" + i + "]" + dotted(mutated.base().reading());
            JsonNode reading = readings.get(path);
            String proofStatus = reading == null ? "no reading" : reading.at("/proof/status").asText();
            String kind = mutated.mutation().name() + (mutated.base().clrItself() ? " (of a CLR: its badge's reading)" : "");
            byKind.computeIfAbsent(kind, name -> new TreeMap<>()).merge(proofStatus, 1, Integer::sum);
            if (reading == null) {
                failures.add(mutated.description() + ": no reading at " + path + " in " + abbreviated(answer.path("credentials").toString()));
                continue;
            }
            String before = original.get(mutated.base().name());
            // A mutation of a CLR leaves the badge inside it, read with its own proof, as it was signed.
            Effect effect = mutated.base().clrItself() ? Effect.UNCHANGED : mutated.mutation().effect();
            switch (effect) {
                case CHANGED -> {
                    if (proofStatus.equals("VERIFIED")) {
                        failures.add(mutated.description() + ": VERIFIED although its signed content changed: " + reading.get("proof"));
                    }
                }
                case UNCHANGED -> {
                    if (!proofStatus.equals(before)) {
                        failures.add(mutated.description() + ": " + proofStatus + ", not " + before + " as before, though its signed content is "
                                + "unchanged: " + reading.get("notes"));
                    }
                }
                case EITHER -> {
                    if (proofStatus.equals("VERIFIED") && !before.equals("VERIFIED")) {
                        failures.add(mutated.description() + ": VERIFIED, though it was " + before + " before the mutation");
                    }
                }
            }
        }
    }

    private static void checkProblem(Response response, List<Case> sent, List<String> failures) {
        String cases = sent.stream().map(Case::description).toList().toString();
        String type = response.contentType() == null ? "" : response.contentType().replaceAll(";.*", "");
        if (!type.equals("application/problem+json")) {
            failures.add(cases + ": a 400 as " + type);
            return;
        }
        JsonNode errors = response.as(JsonNode.class).path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            failures.add(cases + ": a 400 without errors: " + abbreviated(response.asString()));
        }
        for (JsonNode error : errors) {
            if (!error.path("field").asText().startsWith("learner.credentials[") || error.path("message").asText().isBlank()) {
                failures.add(cases + ": a 400 whose error does not name a credential's field: " + error);
            }
        }
    }

    // ---- The credentials and what they were before ------------------------------------------------

    private static List<Base> bases() throws IOException {
        List<Base> bases = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/proof-examples"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode credentials = JSON.readTree(file.toFile()).at("/request/learner/credentials");
                String example = file.getFileName().toString().substring(0, 2);
                for (int i = 0; i < credentials.size(); i++) {
                    ObjectNode credential = (ObjectNode) credentials.get(i);
                    String name = "example " + example + " credential " + i;
                    if (credential.at("/credentialSubject/verifiableCredential/0").isObject()) {
                        String badge = "/credentialSubject/verifiableCredential/0";
                        bases.add(new Base(name + " (the badge in the CLR)", credential, badge, badge));
                        bases.add(new Base(name + " (the CLR)", credential, "", badge));
                    } else {
                        bases.add(new Base(name, credential, "", ""));
                    }
                }
            }
        }
        assertFalse(bases.isEmpty());
        return bases;
    }

    /** Each base's status unmutated; for a CLR itself, that of the badge it holds (read with its own proof). */
    private static Map<String, String> originalStatuses(ObjectNode template, List<Base> bases) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Base base : bases) {
            Case unchanged = new Case(-1, base, null, base.credential(), base.name());
            Response response = post(template, List.of(unchanged));
            assertEquals(200, response.statusCode(), base.name() + ": " + response.asString());
            String path = "learner.credentials[0]" + dotted(base.reading());
            String status = null;
            for (JsonNode reading : response.as(JsonNode.class).path("credentials")) {
                if (reading.path("path").asText().equals(path)) {
                    status = reading.at("/proof/status").asText();
                }
            }
            statuses.put(base.name(), status == null ? "no reading" : status);
        }
        System.out.println("MutatedProofsTest: unmutated " + statuses);
        return statuses;
    }

    private static Response post(ObjectNode template, List<Case> cases) {
        ObjectNode request = template.deepCopy();
        ArrayNode credentials = ((ObjectNode) request.get("learner")).putArray("credentials");
        cases.forEach(mutated -> credentials.add(mutated.credential()));
        try {
            return given().contentType(ContentType.JSON).body(JSON.writeValueAsBytes(request)).when().post("/api/v1/evaluations");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON pointer as the readings' path suffix: /credentialSubject/verifiableCredential/0 → .credentialSubject.verifiableCredential[0]. */
    private static String dotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String step : pointer.split("/")) {
            if (!step.isEmpty()) {
                out.append(step.chars().allMatch(Character::isDigit) ? "[" + step + "]" : "." + step);
            }
        }
        return out.toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }

    // ---- The mutations ------------------------------------------------------------------------------

    private static List<Mutation> mutations(List<Base> bases) {
        List<Mutation> all = new ArrayList<>();
        // proofValue
        all.add(new Mutation("proofValue: one character flipped", Effect.CHANGED, (random, credential) -> {
            String value = proofValue(credential);
            int at = 1 + random.nextInt(value.length() - 1);
            char flipped;
            do {
                flipped = BASE58.charAt(random.nextInt(BASE58.length()));
            } while (flipped == value.charAt(at));
            setProof(credential, "proofValue", TextNode.valueOf(value.substring(0, at) + flipped + value.substring(at + 1)));
        }));
        all.add(new Mutation("proofValue: truncated", Effect.CHANGED, (random, credential) -> {
            String value = proofValue(credential);
            setProof(credential, "proofValue", TextNode.valueOf(value.substring(0, 1 + random.nextInt(value.length() - 1))));
        }));
        all.add(new Mutation("proofValue: empty", Effect.CHANGED, (random, credential) -> setProof(credential, "proofValue", TextNode.valueOf(""))));
        all.add(new Mutation("proofValue: 1 MB", Effect.CHANGED, (random, credential) -> setProof(credential, "proofValue",
                TextNode.valueOf("z" + BASE58.repeat(1_000_000 / BASE58.length())))));
        all.add(new Mutation("proofValue: not base58", Effect.CHANGED, (random, credential) -> {
            String value = proofValue(credential);
            int at = 1 + random.nextInt(value.length() - 1);
            String bad = List.of("0", "O", "I", "l", "+", "/", "=", " ", "é", "\u0000").get(random.nextInt(10));
            setProof(credential, "proofValue", TextNode.valueOf(value.substring(0, at) + bad + value.substring(at + 1)));
        }));
        all.add(new Mutation("proofValue: base64 instead of base58", Effect.CHANGED, (random, credential) -> setProof(credential, "proofValue",
                TextNode.valueOf("u" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64])))));
        all.add(new Mutation("proofValue: not a string", Effect.CHANGED, (random, credential) -> setProof(credential, "proofValue", odd(random))));
        // verificationMethod
        all.add(new Mutation("verificationMethod: removed", Effect.CHANGED, (random, credential) -> proofs(credential).forEach(proof -> proof.remove(
                "verificationMethod"))));
        all.add(new Mutation("verificationMethod: relative", Effect.CHANGED, (random, credential) -> setProof(credential, "verificationMethod",
                TextNode.valueOf(List.of("#key-1", "keys/1", "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", "//example.com/k#z6Mk")
                        .get(random.nextInt(4))))));
        all.add(new Mutation("verificationMethod: garbage", Effect.CHANGED, (random, credential) -> setProof(credential, "verificationMethod",
                TextNode.valueOf(garbage(random, 1 + random.nextInt(60))))));
        all.add(new Mutation("verificationMethod: did:key with a bad multibase", Effect.CHANGED, (random, credential) -> setProof(credential,
                "verificationMethod", TextNode.valueOf(List.of("did:key:", "did:key:z", "did:key:z6Mk0OIl", "did:key:x6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jH",
                        "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwiXXXX",
                        "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwj#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
                        "https://example.com/issuers/876543#z6Mk").get(random.nextInt(8))))));
        all.add(new Mutation("verificationMethod: 100 KB", Effect.CHANGED, (random, credential) -> setProof(credential, "verificationMethod",
                TextNode.valueOf("https://example.com/" + "a".repeat(100_000) + "#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"))));
        all.add(new Mutation("verificationMethod: not a string", Effect.CHANGED, (random, credential) -> setProof(credential, "verificationMethod",
                odd(random))));
        // type and cryptosuite
        all.add(new Mutation("proof type: another name", Effect.CHANGED, (random, credential) -> proofs(credential).forEach(proof -> proof.put("type",
                other(random, proof.path("type").asText(), "Ed25519Signature2018", "DataIntegrityProof ", "dataintegrityproof", "Ed25519Signature2020",
                        "DataIntegrityProof", "BbsBlsSignature2020")))));
        all.add(new Mutation("proof type: not a string", Effect.CHANGED, (random, credential) -> setProof(credential, "type", odd(random))));
        all.add(new Mutation("proof type: a list naming it", Effect.EITHER, (random, credential) -> proofs(credential).forEach(proof -> proof.set("type",
                NODES.arrayNode().add(proof.path("type").asText("DataIntegrityProof"))))));
        all.add(new Mutation("cryptosuite: another name", Effect.CHANGED, (random, credential) -> proofs(credential).forEach(proof -> proof.put(
                "cryptosuite", other(random, proof.path("cryptosuite").asText(null), "eddsa-jcs-2022", "ecdsa-rdfc-2019", "bbs-2023", "eddsa-2022",
                        "eddsa-rdfc-2022", "EDDSA-RDFC-2022", "")))));
        all.add(new Mutation("cryptosuite: not a string", Effect.CHANGED, (random, credential) -> setProof(credential, "cryptosuite", odd(random))));
        all.add(new Mutation("proofPurpose: another", Effect.CHANGED, (random, credential) -> setProof(credential, "proofPurpose",
                TextNode.valueOf(List.of("authentication", "capabilityInvocation", "", "AssertionMethod").get(random.nextInt(4))))));
        all.add(new Mutation("created: a number", Effect.CHANGED, (random, credential) -> setProof(credential, "created",
                NODES.numberNode(1_262_373_804L))));
        all.add(new Mutation("created: another date", Effect.CHANGED, (random, credential) -> setProof(credential, "created",
                TextNode.valueOf("2011-0" + (1 + random.nextInt(9)) + "-01T19:23:24Z"))));
        all.add(new Mutation("proof: a new member", Effect.CHANGED, (random, credential) -> setProof(credential, "undefinedMember" + random.nextInt(9),
                TextNode.valueOf("x"))));
        // the proof itself
        all.add(new Mutation("proof: a string, number, null or empty list", Effect.EITHER, (random, credential) -> credential.set("proof",
                List.<JsonNode>of(TextNode.valueOf("proof"), NODES.numberNode(42), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode())
                        .get(random.nextInt(5)))));
        all.add(new Mutation("proof: a list of 50 proofs", Effect.EITHER, (random, credential) -> {
            ArrayNode fifty = NODES.arrayNode();
            List<ObjectNode> proofs = proofs(credential);
            for (int i = 0; i < 50; i++) {
                fifty.add(proofs.isEmpty() ? NODES.objectNode() : proofs.get(i % proofs.size()).deepCopy());
            }
            credential.set("proof", fifty);
        }));
        all.add(new Mutation("proof: another credential's proof", Effect.CHANGED, (random, credential) -> {
            // the genuine proof of another example's credential, one whose content (without its proof) differs from this one's
            ObjectNode content = credential.deepCopy();
            content.remove("proof");
            List<JsonNode> others = new ArrayList<>();
            for (Base base : bases) {
                ObjectNode other = base.credential().deepCopy();
                other.remove("proof");
                if (base.target().isEmpty() && !other.equals(content)) {
                    others.add(base.credential().get("proof"));
                }
            }
            credential.set("proof", others.get(random.nextInt(others.size())).deepCopy());
        }));
        // the credential
        all.add(new Mutation("@context: removed", Effect.CHANGED, (random, credential) -> credential.remove("@context")));
        all.add(new Mutation("@context: a context that is not bundled", Effect.CHANGED, (random, credential) -> {
            ArrayNode contexts = contexts(credential);
            String url = List.of("https://example.com/contexts/unknown.jsonld", "https://www.w3.org/ns/credentials/examples/v2",
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.4.json").get(random.nextInt(3));
            if (random.nextBoolean()) {
                contexts.add(url);
            } else {
                contexts.set(contexts.size() - 1, TextNode.valueOf(url));
            }
        }));
        all.add(new Mutation("@context: a number", Effect.CHANGED, (random, credential) -> credential.put("@context", 42)));
        all.add(new Mutation("@context: an object with a new term, unused", Effect.UNCHANGED, (random, credential) -> contexts(credential).addObject()
                .put("mutatedTerm", "https://example.org/vocab#mutatedTerm")));
        all.add(new Mutation("@context: an object with a new term, used", Effect.CHANGED, (random, credential) -> {
            contexts(credential).addObject().put("mutatedTerm", "https://example.org/vocab#mutatedTerm");
            ((ObjectNode) credential.get("credentialSubject")).put("mutatedTerm", "added after signing");
        }));
        all.add(new Mutation("@context: an object redefining a protected term", Effect.CHANGED, (random, credential) -> contexts(credential).addObject()
                .put("name", "https://example.org/vocab#name")));
        all.add(new Mutation("credentialSubject: a value changed", Effect.CHANGED, (random, credential) -> changeLeaf(random, credential.get(
                "credentialSubject"), credential.path("type").toString().contains("ClrCredential"))));
        all.add(new Mutation("credential: a value outside the subject changed", Effect.CHANGED, (random, credential) -> {
            ObjectNode issuer = credential.get("issuer") instanceof ObjectNode object ? object : null;
            if (issuer != null && issuer.has("name")) {
                issuer.put("name", issuer.get("name").asText() + " Ltd");
            } else {
                credential.put("name", credential.path("name").asText("badge") + "!");
            }
        }));
        all.add(new Mutation("credential: a new undefined member", Effect.CHANGED, (random, credential) -> credential.put("undefinedMember",
                "added after signing")));
        all.add(new Mutation("credentialSubject: a node added whose id RDF cannot hold", Effect.CHANGED, (random, credential) -> {
            String id = List.of("my-grade", "https://example.com/a<b>", "urn:x|y", "https://example.com/%zz", "../grades/1").get(random.nextInt(5));
            ((ObjectNode) credential.get("credentialSubject")).putArray("result").addObject().put("id", id).put("value", "A").putArray("type")
                    .add("Result");
        }));
        all.add(new Mutation("credentialSubject: a value with a relative datatype or a bad language tag", Effect.CHANGED, (random, credential) -> {
            ObjectNode name = ((ObjectNode) credential.get("credentialSubject")).putObject("name").put("@value", "Someone else");
            if (random.nextBoolean()) {
                name.put("@type", "relative");
            } else {
                name.put("@language", "en US!");
            }
        }));
        all.add(new Mutation("credentialSubject: a new undefined member", Effect.CHANGED, (random, credential) -> ((ObjectNode) credential.get(
                "credentialSubject")).put("undefinedMember", random.nextInt(100))));
        // controls: the signed content unchanged
        all.add(new Mutation("control: the proof in or out of a list", Effect.UNCHANGED, (random, credential) -> {
            JsonNode proof = credential.get("proof");
            credential.set("proof", proof.isArray() && proof.size() == 1 ? proof.get(0) : NODES.arrayNode().add(proof));
        }));
        all.add(new Mutation("control: members reordered", Effect.UNCHANGED, (random, credential) -> reorder(random, credential)));
        return all;
    }

    private static List<ObjectNode> proofs(ObjectNode credential) {
        JsonNode proof = credential.get("proof");
        List<ObjectNode> proofs = new ArrayList<>();
        if (proof instanceof ObjectNode object) {
            proofs.add(object);
        } else if (proof instanceof ArrayNode list) {
            list.forEach(item -> {
                if (item instanceof ObjectNode object) {
                    proofs.add(object);
                }
            });
        }
        return proofs;
    }

    private static void setProof(ObjectNode credential, String member, JsonNode value) {
        proofs(credential).forEach(proof -> proof.set(member, value));
    }

    private static String proofValue(ObjectNode credential) {
        return proofs(credential).get(0).get("proofValue").asText();
    }

    private static JsonNode odd(Random random) {
        return List.<JsonNode>of(NODES.numberNode(random.nextInt(1000)), NODES.nullNode(), NODES.booleanNode(true),
                NODES.arrayNode().add("z1").add(2), NODES.objectNode().put("id", "z1"), NODES.numberNode(1e308)).get(random.nextInt(6));
    }

    private static String garbage(Random random, int length) {
        List<String> pieces = List.of("a", "X", "0", " ", ":", "/", "#", "?", "%", "%zz", "[", "]", "{", "}", "<", ">", "\"", "'", "\\", "\t",
                "\n", "\u00e9", "\u4e2d", "\ud83d\ude00", "\u202e", "\u0000", "z6Mk", "did:", "http://");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(pieces.get(random.nextInt(pieces.size())));
        }
        return out.toString();
    }

    /** One of the values that is not the current one. */
    private static String other(Random random, String current, String... values) {
        List<String> others = Stream.of(values).filter(value -> !value.equals(current)).toList();
        return others.get(random.nextInt(others.size()));
    }

    private static ArrayNode contexts(ObjectNode credential) {
        JsonNode context = credential.get("@context");
        if (context instanceof ArrayNode list) {
            return list;
        }
        ArrayNode list = credential.putArray("@context");
        if (context != null) {
            list.add(context);
        }
        return list;
    }

    /** Changes one string, number or boolean in the node (a string gets a suffix, a number 1 more, a boolean flips). */
    private static void changeLeaf(Random random, JsonNode node, boolean clr) {
        List<Runnable> changes = new ArrayList<>();
        collect(node, changes, clr);
        if (changes.isEmpty()) {
            return;
        }
        changes.get(random.nextInt(changes.size())).run();
    }

    private static void collect(JsonNode node, List<Runnable> changes, boolean clr) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                JsonNode value = member.getValue();
                String key = member.getKey();
                if (key.equals("proof") || key.equals("@context") || clr && key.equals("verifiableCredential")) {
                    continue; // a proof, a context or (for a CLR) the credentials it holds: changing those is another case
                }
                if (value.isTextual()) {
                    changes.add(() -> object.put(key, value.asText() + " changed"));
                } else if (value.isNumber()) {
                    changes.add(() -> object.put(key, value.asDouble() + 1));
                } else if (value.isBoolean()) {
                    changes.add(() -> object.put(key, !value.asBoolean()));
                } else {
                    collect(value, changes, clr);
                }
            }
        } else if (node instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                JsonNode value = list.get(i);
                if (value.isTextual()) {
                    changes.add(() -> list.set(index, TextNode.valueOf(value.asText() + " changed")));
                } else {
                    collect(value, changes, clr);
                }
            }
        }
    }

    /** The same members in another order, at every level (JSON-LD does not depend on member order). */
    private static void reorder(Random random, JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
            object.fields().forEachRemaining(members::add);
            java.util.Collections.shuffle(members, random);
            object.removeAll();
            for (Map.Entry<String, JsonNode> member : members) {
                reorder(random, member.getValue());
                object.set(member.getKey(), member.getValue());
            }
        } else if (node instanceof ArrayNode list) {
            list.forEach(item -> reorder(random, item));
        }
    }
}
