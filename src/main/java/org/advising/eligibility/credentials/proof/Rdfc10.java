/*
 * A patched copy of com.apicatalog.rdf.canon.RdfCanon and its helpers (Quad, Position, Permutator,
 * NDegreeResult) from titanium-rdfc 2.0.0, https://github.com/filip26/titanium-rdf-canon
 * Copyright APICATALOG (Filip Kolarik) and Simon Greatrix.
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except
 * in compliance with the License. You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software distributed under the License
 * is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or
 * implied. See the License for the specific language governing permissions and limitations under
 * the License.
 *
 * Modified in this project: each change is marked "RDFC-1.0 ..." where it is made and is summed up
 * in docs/reliability.md ("The canonicalizer's tie defect"). In short: the related blank nodes of
 * a hash are a list, not a set (RDFC-1.0 §4.8.3 step 3.1.2); a quad is listed once per blank node
 * however often that node occurs in it, and a quad given twice is one quad (§4.4.3 step 2); only a
 * blank graph name is a related blank node (§4.8.3 step 3.1); the maps and lists keep the order blank
 * nodes were first met (§4.4.3 steps 2–5); permutations as the reference implementation makes them;
 * and the work is counted and bounded (RDFC-1.0's security considerations, "Dataset Poisoning").
 * Step numbers are the W3C Recommendation's (rdf-canonize's comments keep URDNA2015's, where the
 * n-degree steps of §4.4.3 are step 6, not 5).
 */
package org.advising.eligibility.credentials.proof;

import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.IdentifierIssuer;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * RDFC-1.0 (W3C RDF Dataset Canonicalization, SHA-256) of the quads given to it, with its work
 * bounded. Feed it quads (it is an {@link RdfQuadConsumer}: titanium's {@code JsonLd.toRdf(...).provide(canon)}
 * or an N-Quads reader), then ask {@link #nquads()} once.
 *
 * <p>Every step of the algorithm counts one unit of work (where titanium's RdfCanon ticks); past
 * {@code maxWork} units, or when {@code stop} says so (asked every 1,024 units), it throws
 * {@link WorkBoundExceeded}. That bounds "poison" datasets, whose many blank nodes alike make the
 * hash n-degree quads algorithm try factorially many permutations.
 *
 * <p>Not thread-safe; one instance canonicalizes one dataset.
 */
public final class Rdfc10 implements RdfQuadConsumer {

    /** The work bound was passed, or the caller's stop signal (a deadline) came first. */
    public static final class WorkBoundExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkBoundExceeded(String message) {
            super(message, null, false, false);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long maxWork;
    private final BooleanSupplier stop;
    private long work;

    private final MessageDigest digest;

    /*
     * RDFC-1.0 §4.4.3 step 2: the input dataset is a set of quads, and the blank node to quads map
     * keeps its blank nodes in the order they were first met. titanium's RdfCanon kept a HashMap
     * (an order of hash codes) and registered a quad given twice twice (it counted it twice in the
     * blank node's first-degree hash, while writing it once).
     */
    private final Map<String, Quad> quads = new LinkedHashMap<>();
    private final Map<String, List<Quad>> blankIdToQuads = new LinkedHashMap<>();

    /** Each blank node's first-degree hash, which never changes: made once (step 3), read again in §4.7 step 3. */
    private final Map<String, String> firstDegreeHashes = new HashMap<>();

    /** Issuer of canonical identifiers. */
    private final IdentifierIssuer canonIssuer = new IdentifierIssuer("_:c14n");

    private String canonical;

    /**
     * @param maxWork the most units of work (algorithm steps) to spend; past it {@link WorkBoundExceeded}
     * @param stop asked every 1,024 units: true stops the work with {@link WorkBoundExceeded}
     */
    public Rdfc10(long maxWork, BooleanSupplier stop) {
        if (maxWork <= 0) {
            throw new IllegalArgumentException("maxWork must be positive: " + maxWork);
        }
        this.maxWork = maxWork;
        this.stop = stop == null ? () -> false : stop;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
            String direction, String graph) {
        if (canonical != null) {
            throw new IllegalStateException("the dataset was already canonicalized");
        }
        Quad quad = new Quad(subject, predicate, object, datatype, language, direction, graph);
        // RDFC-1.0 §4.4.3 step 2: a dataset is a set, so a quad given twice is one quad.
        if (quads.putIfAbsent(quad.nquad, quad) != null) {
            return this;
        }
        // RDFC-1.0 §4.4.3 step 2.1: "for each blank node that is a component of quad" — once per
        // blank node, so a quad naming one blank node twice (_:x <p> _:x) is listed once for it;
        // titanium listed it once per position, which changed _:x's first-degree hash.
        addToBlank(quad.subject, quad.blankSubject, quad);
        if (quad.blankObject && !quad.object.equals(quad.subject)) {
            addToBlank(quad.object, true, quad);
        }
        if (quad.blankGraph && !quad.graph.equals(quad.subject) && !(quad.blankObject && quad.graph.equals(quad.object))) {
            addToBlank(quad.graph, true, quad);
        }
        return this;
    }

    /** The canonical N-Quads of the quads given so far: one line per quad, each ending "\n", sorted. */
    public String nquads() {
        if (canonical == null) {
            canonical = canonicalize();
        }
        return canonical;
    }

    /**
     * The issued identifiers map (input blank node identifier → canonical one, both with "_:"), in
     * the order issued; RDFC-1.0's second output, which selective disclosure suites rely on.
     */
    public Map<String, String> issuedIdentifiers() {
        nquads();
        return java.util.Collections.unmodifiableMap(canonIssuer.mapping());
    }

    /** The units of work spent so far (the steps counted against {@code maxWork}). */
    public long work() {
        return work;
    }

    private void addToBlank(String id, boolean blank, Quad quad) {
        if (blank) {
            blankIdToQuads.computeIfAbsent(id, k -> new ArrayList<>()).add(quad);
        }
    }

    private void tick() {
        work++;
        if (work > maxWork) {
            throw new WorkBoundExceeded("RDFC-1.0 canonicalization passed its bound of " + maxWork + " steps of work");
        }
        if ((work & 1023) == 0 && stop.getAsBoolean()) {
            throw new WorkBoundExceeded("RDFC-1.0 canonicalization stopped after " + work + " of its " + maxWork
                    + " steps of work: its time is up");
        }
    }

    private String canonicalize() {
        tick();

        // RDFC-1.0 §4.4.3 step 3: the hash to blank nodes map. Each hash's identifier list is a list,
        // in the order of the blank node to quads map (the order blank nodes were first met).
        // titanium kept a HashSet per hash (and a HashSet of non-normalized identifiers), so tied
        // blank nodes were taken in an order of hash codes.
        TreeMap<String, List<String>> hashToBlankIds = new TreeMap<>();
        for (String id : blankIdToQuads.keySet()) {
            String hash = hashFirstDegree(id);
            firstDegreeHashes.put(id, hash);
            hashToBlankIds.computeIfAbsent(hash, k -> new ArrayList<>()).add(id);
        }

        // RDFC-1.0 §4.4.3 step 4: in code point order of hash, a hash with one blank node issues its
        // canonical identifier. (One pass: first-degree hashes never change, so titanium's "simple"
        // loop, from URDNA2015, only ever issues in its first pass.)
        for (List<String> ids : hashToBlankIds.values()) {
            tick();
            if (ids.size() == 1) {
                canonIssuer.getId(ids.get(0));
            }
        }

        // RDFC-1.0 §4.4.3 step 5: the shared hashes, in code point order.
        for (List<String> ids : hashToBlankIds.values()) {
            if (ids.size() == 1) {
                continue;
            }
            List<NDegreeResult> hashPathList = new ArrayList<>();
            // step 5.2: each identifier in the identifier list's order
            for (String id : ids) {
                tick();
                if (canonIssuer.hasId(id)) {
                    continue;
                }
                IdentifierIssuer temporary = new IdentifierIssuer("_:b");
                temporary.getId(id);
                hashPathList.add(new HashNDegreeQuads().hash(id, temporary));
            }
            // step 5.3: "code point ordered by the hash in result" — List.sort is stable, so results
            // whose hashes tie keep the identifier list's order.
            hashPathList.sort((a, b) -> a.hash.compareTo(b.hash));
            for (NDegreeResult result : hashPathList) {
                tick();
                result.issuer.assign(canonIssuer);
            }
        }

        // RDFC-1.0 §4.4.3 step 6: each quad with its canonical identifiers; the canonical N-Quads are
        // those lines in code point order.
        String[] lines = new String[quads.size()];
        int i = 0;
        for (Quad quad : quads.values()) {
            tick();
            lines[i++] = quad.canonical(canonIssuer);
        }
        Arrays.sort(lines);
        return String.join("", lines);
    }

    /** RDFC-1.0 §4.6 Hash First Degree Quads. */
    private String hashFirstDegree(String blankId) {
        List<Quad> related = blankIdToQuads.get(blankId);
        String[] nquads = new String[related.size()];
        int i = 0;
        for (Quad quad : related) {
            tick();
            nquads[i++] = quad.forBlank(blankId);
        }
        Arrays.sort(nquads);
        digest.reset();
        for (String nquad : nquads) {
            digest.update(nquad.getBytes(StandardCharsets.UTF_8));
        }
        return hex(digest.digest());
    }

    private static String hex(byte[] data) {
        StringBuilder builder = new StringBuilder(data.length * 2);
        for (byte b : data) {
            builder.append(HEX[(b & 0xf0) >> 4]).append(HEX[b & 0xf]);
        }
        return builder.toString();
    }

    private record NDegreeResult(String hash, IdentifierIssuer issuer) {
    }

    /** RDFC-1.0 §4.8 Hash N-Degree Quads, for one blank node. */
    private final class HashNDegreeQuads {

        private final StringBuilder dataToHash = new StringBuilder();
        private IdentifierIssuer chosenIssuer;
        private StringBuilder chosenPath;

        NDegreeResult hash(String id, IdentifierIssuer defaultIssuer) {
            IdentifierIssuer issuer = defaultIssuer;
            for (Map.Entry<String, List<String>> entry : createHashToRelated(id, defaultIssuer).entrySet()) {
                // steps 5.1 to 5.3
                dataToHash.append(entry.getKey());
                chosenPath = new StringBuilder();
                chosenIssuer = null;
                // step 5.4: for each permutation of the blank node list
                Permuter permuter = new Permuter(entry.getValue());
                while (permuter.hasNext()) {
                    tick();
                    doPermutation(permuter.next(), issuer);
                }
                // steps 5.5 and 5.6
                dataToHash.append(chosenPath);
                issuer = chosenIssuer;
            }
            digest.reset();
            return new NDegreeResult(hex(digest.digest(dataToHash.toString().getBytes(StandardCharsets.UTF_8))), issuer);
        }

        /** Steps 1 to 3: the hash to related blank nodes map. */
        private TreeMap<String, List<String>> createHashToRelated(String id, IdentifierIssuer issuer) {
            TreeMap<String, List<String>> hashToRelated = new TreeMap<>();
            for (Quad quad : blankIdToQuads.get(id)) {
                tick();
                // RDFC-1.0 §4.8.3 step 3.1: subject, object and graph name, where it is a blank node
                // that is not identifier. titanium's Position.GRAPH took any graph name, an IRI too
                // (and then failed looking up the IRI's quads).
                relate(id, quad.subject, quad.blankSubject, quad, 's', issuer, hashToRelated);
                relate(id, quad.object, quad.blankObject, quad, 'o', issuer, hashToRelated);
                relate(id, quad.graph, quad.blankGraph, quad, 'g', issuer, hashToRelated);
            }
            return hashToRelated;
        }

        private void relate(String id, String component, boolean blank, Quad quad, char position, IdentifierIssuer issuer,
                TreeMap<String, List<String>> hashToRelated) {
            if (!blank || id.equals(component)) {
                return;
            }
            String hash = hashRelatedBlankNode(component, quad, issuer, position);
            // RDFC-1.0 §4.8.3 step 3.1.2 adds component to hash's *blank node list* (step 5 permutes
            // "blank node list"): a related node met in several quads with one hash is there as often
            // (a proof node's graph, once per quad of the proof). titanium kept a HashSet, so the
            // path — and the hash of every node of a proof embedded beside others like it — differed.
            hashToRelated.computeIfAbsent(hash, h -> new ArrayList<>()).add(component);
        }

        /** RDFC-1.0 §4.7 Hash Related Blank Node. */
        private String hashRelatedBlankNode(String related, Quad quad, IdentifierIssuer issuer, char position) {
            String id;
            if (canonIssuer.hasId(related)) {
                id = canonIssuer.getId(related);
            } else if (issuer.hasId(related)) {
                id = issuer.getId(related);
            } else {
                tick();
                id = firstDegreeHashes.get(related);
            }
            digest.reset();
            digest.update((byte) position);
            if (position != 'g') {
                digest.update(NQuadsWriter.resource(quad.predicate).getBytes(StandardCharsets.UTF_8));
            }
            digest.update(id.getBytes(StandardCharsets.UTF_8));
            return hex(digest.digest());
        }

        /** Step 5.4, for one permutation. */
        private void doPermutation(String[] permutation, IdentifierIssuer issuer) {
            IdentifierIssuer issuerCopy = issuer.copy();
            StringBuilder path = new StringBuilder();
            List<String> recursionList = new ArrayList<>();
            // step 5.4.4
            for (String related : permutation) {
                tick();
                if (canonIssuer.hasId(related)) {
                    path.append(canonIssuer.getId(related));
                } else {
                    if (!issuerCopy.hasId(related)) {
                        recursionList.add(related);
                    }
                    path.append(issuerCopy.getId(related));
                }
                if (chosenPath.length() > 0 && path.compareTo(chosenPath) > 0) {
                    return;
                }
            }
            // step 5.4.5
            for (String related : recursionList) {
                tick();
                NDegreeResult result = new HashNDegreeQuads().hash(related, issuerCopy);
                path.append(issuerCopy.getId(related)).append('<').append(result.hash).append('>');
                issuerCopy = result.issuer;
                if (chosenPath.length() > 0 && path.compareTo(chosenPath) > 0) {
                    return;
                }
            }
            // step 5.4.6
            if (chosenPath.length() == 0 || path.compareTo(chosenPath) < 0) {
                chosenPath.setLength(0);
                chosenPath.append(path);
                chosenIssuer = issuerCopy;
            }
        }
    }

    /**
     * The permutations of a blank node list, as the reference implementation (rdf-canonize) makes
     * them: Steinhaus–Johnson–Trotter from the sorted list, a direction per identifier. RDFC-1.0
     * §4.8.3 step 5.4 names no order, but the first permutation to reach the least path decides
     * which tied node the chosen issuer numbers first; and a list now holds a node as often as it is
     * related (see relate), where titanium's Heap's algorithm would make k! copies of one permutation.
     */
    private static final class Permuter {
        private final String[] current;
        private final Map<String, Boolean> left = new HashMap<>();
        private boolean done;

        Permuter(List<String> list) {
            current = list.toArray(new String[0]);
            Arrays.sort(current);
            for (String element : current) {
                left.put(element, true);
            }
        }

        boolean hasNext() {
            return !done;
        }

        String[] next() {
            String[] permutation = current.clone();
            // the largest mobile element: greater than the neighbour it is looking at
            String k = null;
            int pos = 0;
            for (int i = 0; i < current.length; i++) {
                String element = current[i];
                boolean lookingLeft = left.get(element);
                if ((k == null || element.compareTo(k) > 0)
                        && (lookingLeft && i > 0 && element.compareTo(current[i - 1]) > 0
                                || !lookingLeft && i < current.length - 1 && element.compareTo(current[i + 1]) > 0)) {
                    k = element;
                    pos = i;
                }
            }
            if (k == null) {
                done = true;
            } else {
                int swap = left.get(k) ? pos - 1 : pos + 1;
                current[pos] = current[swap];
                current[swap] = k;
                for (String element : current) {
                    if (element.compareTo(k) > 0) {
                        left.put(element, !left.get(element));
                    }
                }
            }
            return permutation;
        }
    }

    /** One quad, its N-Quads line, and which of its components are blank nodes. */
    private static final class Quad {
        final String subject;
        final String predicate;
        final String object;
        final String datatype;
        final String language;
        final String direction;
        final String graph;
        final boolean blankSubject;
        final boolean blankObject;
        final boolean blankGraph;
        final String nquad;

        Quad(String subject, String predicate, String object, String datatype, String language, String direction, String graph) {
            this.subject = subject;
            this.predicate = predicate;
            this.object = object;
            this.datatype = datatype;
            this.language = language;
            this.direction = direction;
            this.graph = graph;
            this.blankSubject = RdfQuadConsumer.isBlank(subject);
            this.blankObject = !RdfQuadConsumer.isLiteral(datatype, language, direction) && RdfQuadConsumer.isBlank(object);
            this.blankGraph = graph != null && RdfQuadConsumer.isBlank(graph);
            this.nquad = NQuadsWriter.nquad(subject, predicate, object, datatype, language, direction, graph);
        }

        /** RDFC-1.0 §4.6.3 step 3.1: the reference blank node as _:a, any other as _:z. */
        String forBlank(String blankId) {
            return NQuadsWriter.nquad(
                    blankSubject ? (subject.equals(blankId) ? "_:a" : "_:z") : subject,
                    predicate,
                    blankObject ? (object.equals(blankId) ? "_:a" : "_:z") : object,
                    datatype, language, direction,
                    blankGraph ? (graph.equals(blankId) ? "_:a" : "_:z") : graph);
        }

        String canonical(IdentifierIssuer issuer) {
            if (!blankSubject && !blankObject && !blankGraph) {
                return nquad;
            }
            return NQuadsWriter.nquad(
                    blankSubject ? issuer.getId(subject) : subject,
                    predicate,
                    blankObject ? issuer.getId(object) : object,
                    datatype, language, direction,
                    blankGraph ? issuer.getId(graph) : graph);
        }
    }
}
