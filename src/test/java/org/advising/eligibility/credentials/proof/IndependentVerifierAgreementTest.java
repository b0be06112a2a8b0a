package org.advising.eligibility.credentials.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our proof verifier against an independent one, on real signed credentials (LC-8, LC-9).
 *
 * <p>{@code src/test/resources/proof-corpus/} holds public credentials as their authors published
 * them (1EdTech's validator vectors and specification test vectors, W3C test vectors, the Digital
 * Credentials Consortium's fixtures: SOURCES.md names each file's repository, path and commit).
 * {@code expected.tsv} was written by {@code independent-verifier/verify.mjs}, a separate
 * implementation on jsonld.js (the JSON-LD reference implementation, {@code safe} mode), rdf-canonize
 * (RDFC-1.0) and @noble/ed25519 that knows only the service's bundled contexts; its README says how
 * to run it again. Every file must get exactly the independent status and, where a signature was
 * checked against a key, the same {@code keyFrom}; for every credential that verifies, a copy with
 * one value of its credentialSubject changed ({@code #tampered} rows) and a copy with a result added
 * whose id is a relative IRI ({@code #relative-node} rows: content RDF drops, which the signature would
 * not cover), each made exactly as the script makes it, must be INVALID.
 */
class IndependentVerifierAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("src/test/resources/proof-corpus");
    private static final String TAMPERED = "#tampered";
    private static final String RELATIVE_NODE = "#relative-node";

    private final ProofVerifier verifier = new ProofVerifier(BundledContexts.shipped(), ProofVerifier.DEFAULT_MAX_WORK, 100);
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    record Row(String file, String status, String keyFrom) {
    }

    static List<Row> expected() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            assertTrue(cells.length >= 3, "expected.tsv: " + line);
            rows.add(new Row(cells[0], cells[1], cells[2].equals("-") ? null : cells[2]));
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> every_corpus_credential_gets_the_independent_status() throws IOException {
        List<Row> rows = expected();
        assertFalse(rows.isEmpty());
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.file(), () -> {
            boolean tampered = row.file().endsWith(TAMPERED);
            boolean relativeNode = row.file().endsWith(RELATIVE_NODE);
            String file = row.file().replaceAll("#.*", "");
            JsonNode credential = JSON.readTree(CORPUS.resolve(file).toFile());
            if (tampered) {
                credential = tampered(credential);
                assertNotNull(credential, file + ": nothing in credentialSubject to change");
            } else if (relativeNode) {
                credential = withRelativeNode(credential);
            }
            long start = System.nanoTime();
            ProofVerifier.Checked checked = verifier.check(credential, TrustedIssuers.NONE, () -> false);
            long micros = (System.nanoTime() - start) / 1000;
            Proof proof = checked.proof();
            String keyFrom = proof.keyFrom() == null ? null : proof.keyFrom().name();
            TABLE.put(row.file(), String.format("%-12s %-9s | %-12s %-9s %s %6d µs", proof.status(), keyFrom == null ? "-" : keyFrom,
                    row.status(), row.keyFrom() == null ? "-" : row.keyFrom(),
                    proof.status().name().equals(row.status()) && sameKey(row, proof) ? "  " : "≠ ", micros));
            assertEquals(row.status(), proof.status().name(), row.file() + ": our status (note: " + checked.note() + ")");
            if (tampered || relativeNode) {
                assertEquals("INVALID", proof.status().name(), row.file() + ": a changed credential must not verify");
            }
            assertTrue(sameKey(row, proof), row.file() + ": keyFrom " + keyFrom + ", the independent verifier's " + row.keyFrom()
                    + " (note: " + checked.note() + ")");
        }));
    }

    /** The independent verifier names keyFrom only where it checked a signature against the key; ours must say the same. */
    private static boolean sameKey(Row row, Proof proof) {
        return Objects.equals(row.keyFrom(), proof.keyFrom() == null ? null : proof.keyFrom().name());
    }

    @Test
    void every_corpus_file_has_an_expected_row_and_every_verified_one_a_tampered_copy() throws IOException {
        Set<String> listed = new TreeSet<>();
        Set<String> verified = new TreeSet<>();
        Set<String> tampered = new TreeSet<>();
        Set<String> relativeNodes = new TreeSet<>();
        for (Row row : expected()) {
            if (row.file().endsWith(TAMPERED) || row.file().endsWith(RELATIVE_NODE)) {
                (row.file().endsWith(TAMPERED) ? tampered : relativeNodes).add(row.file().replaceAll("#.*", ""));
                assertEquals("INVALID", row.status(), row.file());
            } else {
                listed.add(row.file());
                if (row.status().equals("VERIFIED")) {
                    verified.add(row.file());
                }
            }
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listing = Files.list(CORPUS)) {
            listing.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json")).forEach(files::add);
        }
        assertEquals(files, listed, "expected.tsv lists exactly the corpus files (run independent-verifier/verify.mjs again after adding one)");
        assertEquals(verified, tampered, "each verified credential has a tampered copy");
        assertEquals(verified, relativeNodes, "each verified credential has a copy with a node RDF cannot hold");
        String sources = Files.readString(CORPUS.resolve("SOURCES.md"));
        for (String file : files) {
            assertTrue(sources.contains(file), "SOURCES.md names the source of " + file);
        }
    }

    /**
     * The copy the independent verifier tampers with: the first string value in credentialSubject
     * (depth first, in document order, skipping members named id, type and @-keywords, and strings
     * directly inside arrays) with " (tampered)" appended; null when there is none.
     */
    static JsonNode tampered(JsonNode credential) {
        JsonNode copy = credential.deepCopy();
        JsonNode subject = copy.get("credentialSubject");
        return subject != null && change(subject) ? copy : null;
    }

    private static boolean change(JsonNode node) {
        if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                if (!item.isTextual() && change(item)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                String key = member.getKey();
                if (key.equals("id") || key.equals("type") || key.startsWith("@")) {
                    continue;
                }
                if (member.getValue().isTextual()) {
                    member.setValue(TextNode.valueOf(member.getValue().asText() + " (tampered)"));
                    return true;
                }
                if (change(member.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The copy with content the signature cannot cover, as the independent verifier makes it: a result
     * whose id is the relative IRI "my-grade" appended to credentialSubject.result.
     */
    static JsonNode withRelativeNode(JsonNode credential) {
        JsonNode copy = credential.deepCopy();
        if (!(copy.get("credentialSubject") instanceof ObjectNode subject)) {
            return copy;
        }
        ObjectNode added = JSON.createObjectNode().put("id", "my-grade");
        added.putArray("type").add("Result");
        added.put("value", "A");
        JsonNode result = subject.get("result");
        ArrayNode results = result instanceof ArrayNode list ? list : JSON.createArrayNode();
        if (result != null && !(result instanceof ArrayNode)) {
            results.add(result);
        }
        results.add(added);
        subject.set("result", results);
        return copy;
    }

    @AfterAll
    static void table() {
        StringBuilder out = new StringBuilder("\nIndependentVerifierAgreementTest — ours (status keyFrom) | independent (status keyFrom)\n");
        TABLE.forEach((file, line) -> out.append(String.format("  %-78s %s%n", file, line)));
        System.out.println(out);
    }
}
