package org.advising.eligibility.credentials.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsReader;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rdfc10 against the reference implementation's canonical N-Quads (src/test/resources/canon/README.md
 * says how they were made), and titanium-rdfc 2.0.0's RdfCanon against the same files: where
 * RdfCanon gives another answer, these tests say so, so that a titanium release that fixes it fails
 * here and tells us to drop the patched copy.
 */
class Rdfc10Test {

    private static final long BOUND = 1_000_000;

    // (a) the defects: titanium's RdfCanon answers other canonical N-Quads than RDFC-1.0's; Rdfc10 answers RDFC-1.0's.

    /**
     * Two proofs alike in their own graphs (blank graph names), under two different credentials:
     * RDFC-1.0 lists the proof node's graph once per quad of the proof among its related blank nodes
     * (§4.8.3 step 3.1.2); RdfCanon keeps a set, so it hashes other paths and orders the two proofs
     * the other way round.
     */
    @ParameterizedTest
    @ValueSource(strings = {"proof-graphs-tie", "clr-nested-proofs", "inline-proofs"})
    void identicalProofsUnderDifferentCredentials(String name) {
        String input = resource(name + "-in.nq");
        String expected = resource(name + "-rdfc10.nq");
        assertEquals(expected, rdfc10(input));
        assertNotEquals(expected, titanium(input),
                "titanium-rdfc now canonicalizes " + name + " as RDFC-1.0 does: Rdfc10 may no longer be needed");
    }

    /** The same from JSON-LD: titanium's toRdf feeding each canonicalizer. */
    @Test
    void identicalProofsFromJsonLd() throws Exception {
        String expected = resource("inline-proofs-rdfc10.nq");

        Rdfc10 canon = new Rdfc10(BOUND, () -> false);
        JsonLd.toRdf(JsonDocument.of(stream("inline-proofs.jsonld"))).provide(canon);
        assertEquals(expected, canon.nquads());

        RdfCanon titanium = RdfCanon.create("SHA-256");
        JsonLd.toRdf(JsonDocument.of(stream("inline-proofs.jsonld"))).provide(titanium);
        StringWriter out = new StringWriter();
        titanium.provide(new NQuadsWriter(out));
        assertNotEquals(expected, out.toString());
    }

    /** _:y <q> _:y is one of _:y's quads, once (§4.4.3 step 2); RdfCanon lists it twice, so _:y hashes otherwise. */
    @Test
    void aQuadNamingOneBlankNodeTwice() {
        String input = resource("self-reference-in.nq");
        assertEquals(resource("self-reference-rdfc10.nq"), rdfc10(input));
        assertNotEquals(resource("self-reference-rdfc10.nq"), titanium(input));
    }

    /** A dataset is a set: a quad given twice is one quad; RdfCanon writes it once but hashes it twice. */
    @Test
    void aQuadGivenTwice() {
        String input = resource("duplicate-quads-in.nq");
        assertEquals(resource("duplicate-quads-rdfc10.nq"), rdfc10(input));
        assertNotEquals(resource("duplicate-quads-rdfc10.nq"), titanium(input));
    }

    /** An IRI graph name is no related blank node (§4.8.3 step 3.1); RdfCanon takes it for one and fails. */
    @Test
    void tiedBlankNodesInANamedGraph() {
        String input = resource("iri-graph-in.nq");
        assertEquals(resource("iri-graph-rdfc10.nq"), rdfc10(input));
        assertThrows(NullPointerException.class, () -> titanium(input));
    }

    // (b) ordinary inputs, ties among them, where both agree with the reference.

    @ParameterizedTest
    @ValueSource(strings = {"credential-two-proofs", "credential-blank-subjects", "disjoint-cycles", "hub-identical-branches"})
    void agreesWithTheReference(String name) {
        String input = resource(name + "-in.nq");
        String expected = resource(name + "-rdfc10.nq");
        assertEquals(expected, rdfc10(input));
        assertEquals(expected, titanium(input));
    }

    @Test
    void noBlankNodesAndAnEmptyDataset() {
        String input = "<http://example.org/b> <http://example.org/p> \"x\\ny\"@en .\n"
                + "<http://example.org/a> <http://example.org/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/g> .\n";
        assertEquals("<http://example.org/a> <http://example.org/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/g> .\n"
                + "<http://example.org/b> <http://example.org/p> \"x\\ny\"@en .\n", rdfc10(input));
        assertEquals("", new Rdfc10(BOUND, () -> false).nquads());
    }

    @Test
    void aCredentialNeedsLittleWork() {
        Rdfc10 canon = new Rdfc10(BOUND, () -> false);
        read(resource("clr-nested-proofs-in.nq"), canon);
        canon.nquads();
        assertTrue(canon.work() < 2_000, "work " + canon.work());
    }

    // (c) a poison dataset: its blank nodes all alike, so every permutation of them is tried.

    @Test
    void aPoisonDatasetPassesTheBound() {
        Rdfc10 canon = new Rdfc10(100_000, () -> false);
        read(clique(9), canon);
        Rdfc10.WorkBoundExceeded thrown = assertThrows(Rdfc10.WorkBoundExceeded.class, canon::nquads);
        assertTrue(thrown.getMessage().contains("100000"), thrown.getMessage());
        assertEquals(100_001, canon.work());
    }

    @Test
    void manySmallPoisonComponentsPassTheBoundToo() {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            input.append(clique(6).replace("_:n", "_:k" + i + "n"));
        }
        Rdfc10 canon = new Rdfc10(200_000, () -> false);
        read(input.toString(), canon);
        assertThrows(Rdfc10.WorkBoundExceeded.class, canon::nquads);
    }

    // (d) the caller's stop signal (the request's deadline), asked every 1,024 steps.

    @Test
    void theStopSignalStopsIt() {
        AtomicInteger asked = new AtomicInteger();
        Rdfc10 canon = new Rdfc10(Long.MAX_VALUE, () -> asked.incrementAndGet() >= 3);
        read(clique(9), canon);
        Rdfc10.WorkBoundExceeded thrown = assertThrows(Rdfc10.WorkBoundExceeded.class, canon::nquads);
        assertEquals(3, asked.get());
        assertEquals(3 * 1024, canon.work());
        assertTrue(thrown.getMessage().contains("time is up"), thrown.getMessage());
    }

    @Test
    void aSmallDatasetIsDoneBeforeTheStopSignalIsAsked() {
        Rdfc10 canon = new Rdfc10(BOUND, () -> true);
        read(resource("proof-graphs-tie-in.nq"), canon);
        assertEquals(resource("proof-graphs-tie-rdfc10.nq"), canon.nquads());
    }

    /** Every blank node of k linked to every other: (k-1)! permutations at each level. */
    private static String clique(int k) {
        StringBuilder quads = new StringBuilder();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    quads.append("_:n").append(i).append(" <http://example.org/p> _:n").append(j).append(" .\n");
                }
            }
        }
        return quads.toString();
    }

    private static String rdfc10(String nquads) {
        Rdfc10 canon = new Rdfc10(BOUND, () -> false);
        read(nquads, canon);
        return canon.nquads();
    }

    private static String titanium(String nquads) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        read(nquads, canon);
        StringWriter out = new StringWriter();
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (com.apicatalog.rdf.api.RdfConsumerException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void read(String nquads, RdfQuadConsumer consumer) {
        try {
            new NQuadsReader(new StringReader(nquads)).provide(consumer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = Rdfc10Test.class.getResourceAsStream("/canon/" + name);
        if (in == null) {
            throw new IllegalStateException("no test resource canon/" + name);
        }
        return in;
    }

    private static String resource(String name) {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
