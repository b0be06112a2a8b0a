package org.advising.eligibility.credentials.proof;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.advising.eligibility.engine.folder.Ed25519Multikey;
import org.advising.eligibility.engine.folder.TrustedIssuers;

/**
 * Checks a credential's own proofs offline (LC-8, LC-9): {@code DataIntegrityProof} with the
 * {@code eddsa-rdfc-2022} suite (or its earlier name {@code eddsa-2022}) and
 * {@code Ed25519Signature2020}. For each proof: the credential without its proofs and the proof's
 * options without the signature are each canonicalized (RDFC-1.0 over the bundled contexts) and
 * hashed with SHA-256; the Ed25519 signature must hold over the two hashes, the options' first. The
 * key comes from the issuer's entry in trusted-issuers.yaml, else from a did:key, else from a
 * {@code …#z6Mk…} fragment. Results are kept by the credential's digest (LC-11).
 */
public final class ProofVerifier {

    /** What a credential's proofs showed, and the sentence that says why it is not VERIFIED (null when it is). */
    public record Checked(Proof proof, String note) {

        /**
         * This check of a CLR (at {@code clrPath}) as the check of a credential it holds without a proof of
         * its own (LC-8): it authenticates that credential only when both name the same issuer (LC-9).
         */
        public Checked heldBy(String clrPath, boolean sameIssuer) {
            Proof held = proof.heldBy(sameIssuer);
            String because = note == null && !held.issuerAuthenticated() && held.status() == Proof.Status.VERIFIED
                    ? "It is read with the proof of the CLR holding it (" + clrPath + "), whose issuer is not its own: the proof shows it "
                            + "was not changed, not who issued it."
                    : note == null ? null : "It has no proof of its own and is read with that of the CLR holding it (" + clrPath + "): "
                            + Character.toLowerCase(note.charAt(0)) + note.substring(1);
            return new Checked(held, because);
        }
    }

    private static final Set<String> EDDSA_SUITES = Set.of("eddsa-rdfc-2022", "eddsa-2022");
    private static final int MAX_PROOFS = 16;
    private static final int MAX_URI = 2048;

    /**
     * Refused because as many credentials are being verified as may be at once (the service answers
     * 503 busy at once): proof checks are costly work, admitted like it, so that a flood of credentials
     * made to be costly (a poison graph) cannot take the workers ordinary requests need.
     */
    public static final class Busy extends RuntimeException {
        Busy(int concurrent) {
            super("the service is checking the proofs of as many credentials as it checks at once (" + concurrent
                    + "); retry shortly (a credential already checked is answered at once)", null, false, false);
        }
    }

    private final CanonicalHash canonical;
    private final ProofCache cache;
    private final int concurrent;
    private final Semaphore verifying;

    /** The bounds a command or test uses when no settings are read: those application.properties ships. */
    public static final long DEFAULT_MAX_WORK = 50_000;
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    /** Canonicalization bounded by {@code maxWork} steps a document; {@code cacheSize} checks kept; any number at once. */
    public ProofVerifier(BundledContexts contexts, long maxWork, int cacheSize) {
        this(contexts, maxWork, cacheSize, Integer.MAX_VALUE);
    }

    /** The same, at most {@code concurrent} credentials verified at once (past them, {@link Busy}). */
    public ProofVerifier(BundledContexts contexts, long maxWork, int cacheSize, int concurrent) {
        this.canonical = new CanonicalHash(contexts, maxWork);
        this.cache = new ProofCache(cacheSize);
        this.concurrent = concurrent;
        this.verifying = new Semaphore(concurrent);
    }

    /** The check of the credential's own proofs, from the cache when it was sent before; {@code stop} ends the work early. */
    public Checked check(JsonNode credential, TrustedIssuers issuers, BooleanSupplier stop) {
        JsonNode proofs = credential.get("proof");
        if (proofs == null || proofs.isNull()) {
            return new Checked(Proof.none(), "It carries no proof, so nothing shows who issued it or that it was not changed.");
        }
        String text = credential.toString();
        String digest = digest(text);
        Checked known = cache.get(digest, issuers);
        if (known != null) {
            return known;
        }
        if (!acquire(stop)) { // a check waits a moment for a verifier, never a worker's whole budget
            throw new Busy(concurrent);
        }
        try {
            Checked checked;
            try {
                checked = checkAll(read(text), issuers, stop);
            } catch (StackOverflowError e) { // a shape DocumentShape let through and JSON-LD recursed on too deeply
                checked = new Checked(new Proof(Proof.Status.UNVERIFIABLE, null, null, null, null, false, Proof.From.OWN),
                        "Its proof could not be checked: it is nested too deeply for JSON-LD.");
            }
            if (!stop.getAsBoolean()) { // a check the request's budget cut short is not kept
                cache.put(digest, issuers, checked);
            }
            return checked;
        } finally {
            verifying.release();
        }
    }

    /**
     * Throws {@link Busy} when every verifier is taken and one of these credentials would need one
     * (its check is not kept): a client's request is refused then, as soon as it is read, so that a
     * flood of costly credentials costs a read each, not a check, and one already checked is answered.
     */
    public void checkRoom(List<JsonNode> credentials, TrustedIssuers issuers) {
        if (verifying.availablePermits() > 0) {
            return;
        }
        for (JsonNode credential : credentials) {
            if (credential != null && credential.isObject() && credential.has("proof")
                    && cache.get(digest(credential.toString()), issuers) == null) {
                throw new Busy(concurrent);
            }
        }
    }

    /** The most a check waits for a verifier (a batch's lines take turns; a flood is refused). */
    private static final long MAX_WAIT_MILLIS = 200;

    private boolean acquire(BooleanSupplier stop) {
        try {
            for (long waited = 0; !verifying.tryAcquire(10, TimeUnit.MILLISECONDS); waited += 10) {
                if (stop.getAsBoolean() || waited >= MAX_WAIT_MILLIS) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The SHA-256 of a credential's text, over its UTF-16 code units: exact for any string (a lone surrogate too). */
    private static String digest(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] units = new byte[2 * Math.min(text.length(), 4096)];
            for (int start = 0; start < text.length(); start += units.length / 2) {
                int end = Math.min(text.length(), start + units.length / 2);
                for (int i = start; i < end; i++) {
                    units[2 * (i - start)] = (byte) (text.charAt(i) >> 8);
                    units[2 * (i - start) + 1] = (byte) text.charAt(i);
                }
                sha256.update(units, 0, 2 * (end - start));
            }
            return java.util.HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many checks are kept (for the tests and the metrics). */
    public int kept() {
        return cache.size();
    }

    private Checked checkAll(JsonObject credential, TrustedIssuers issuers, BooleanSupplier stop) {
        JsonValue proofValue = credential.get("proof");
        List<JsonValue> proofs = proofValue instanceof JsonArray list ? list : List.of(proofValue);
        if (proofs.isEmpty()) {
            return new Checked(Proof.none(), "Its proof list is empty, so nothing shows who issued it or that it was not changed.");
        }
        if (proofs.size() > MAX_PROOFS) {
            return new Checked(new Proof(Proof.Status.UNVERIFIABLE, null, null, null, null, false, Proof.From.OWN),
                    "It carries " + proofs.size() + " proofs; at most " + MAX_PROOFS + " are checked, so none was.");
        }
        JsonObjectBuilder withoutProofs = Json.createObjectBuilder(credential).remove("proof");
        JsonObject document = withoutProofs.build();
        Document unsecured = new Document(document);
        List<Checked> checks = new ArrayList<>();
        for (JsonValue proof : proofs) {
            checks.add(checkOne(proof, credential, unsecured, issuers, stop));
        }
        return decide(checks);
    }

    /** The deciding check of a proof set: INVALID if any is; else VERIFIED (one that authenticates the issuer first); else the rest in LC-8's order. */
    private static Checked decide(List<Checked> checks) {
        Checked best = null;
        for (Checked check : checks) {
            if (best == null || check.proof().status().ordinal() < best.proof().status().ordinal()
                    || check.proof().status() == best.proof().status() && check.proof().issuerAuthenticated()
                            && !best.proof().issuerAuthenticated()) {
                best = check;
            }
        }
        return best;
    }

    /** The credential without its proofs, canonicalized once for all of them. */
    private final class Document {
        final JsonObject json;
        String nquads;
        byte[] hash;
        CanonicalHash.NoCanonicalForm failed;

        Document(JsonObject json) {
            this.json = json;
        }

        byte[] hash(BooleanSupplier stop) throws CanonicalHash.NoCanonicalForm {
            if (hash == null && failed == null) {
                try {
                    nquads = canonical.nquads(json, stop);
                    hash = CanonicalHash.sha256(nquads);
                } catch (CanonicalHash.NoCanonicalForm e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw failed;
            }
            return hash;
        }
    }

    private Checked checkOne(JsonValue value, JsonObject credential, Document unsecured, TrustedIssuers issuers, BooleanSupplier stop) {
        if (!(value instanceof JsonObject proof)) {
            return new Checked(new Proof(Proof.Status.INVALID, null, null, null, null, false, Proof.From.OWN),
                    "Its proof is not a JSON object, so it cannot hold.");
        }
        String type = string(proof, "type");
        String suite = string(proof, "cryptosuite");
        String method = string(proof, "verificationMethod");
        boolean eddsa = "DataIntegrityProof".equals(type) && suite != null && EDDSA_SUITES.contains(suite);
        boolean ed2020 = "Ed25519Signature2020".equals(type);
        String shownSuite = ed2020 ? null : suite;
        if (!eddsa && !ed2020) {
            return new Checked(new Proof(Proof.Status.UNSUPPORTED, shorter(type), shorter(suite), shorter(method), null, false, Proof.From.OWN),
                    "Its proof is " + ("DataIntegrityProof".equals(type) ? "of the cryptosuite " + quoted(suite) : "of the type " + quoted(type))
                            + ", which the service does not check (it checks eddsa-rdfc-2022, eddsa-2022 and Ed25519Signature2020).");
        }
        Failure malformed = malformed(proof, method);
        if (malformed != null) {
            return new Checked(new Proof(Proof.Status.INVALID, type, shownSuite, shorter(method), null, false, Proof.From.OWN), malformed.sentence);
        }
        byte[] documentHash;
        try {
            documentHash = unsecured.hash(stop);
        } catch (CanonicalHash.NoCanonicalForm e) {
            return new Checked(new Proof(e.status, type, shownSuite, method, null, false, Proof.From.OWN),
                    "Its proof " + (e.status == Proof.Status.INVALID ? "does not hold" : "could not be checked") + ": " + e.getMessage() + ".");
        }
        String issuer = issuerId(credential);
        String unsigned = unsignedId(credential, issuer, unsecured.nquads);
        if (unsigned != null) {
            return new Checked(new Proof(Proof.Status.INVALID, type, shownSuite, method, null, false, Proof.From.OWN),
                    "Its proof does not hold for what the service reads: " + unsigned + ".");
        }
        Found key;
        try {
            key = key(method, issuer, proof, credential, issuers);
        } catch (IllegalArgumentException e) {
            return new Checked(new Proof(Proof.Status.INVALID, type, shownSuite, method, null, false, Proof.From.OWN),
                    "Its proof does not hold: its verificationMethod names a key that " + e.getMessage() + ".");
        }
        if (key == null) {
            return new Checked(new Proof(Proof.Status.UNVERIFIABLE, type, shownSuite, method, null, false, Proof.From.OWN),
                    "Its proof could not be checked: the key " + method + " is not in trusted-issuers.yaml under the issuer "
                            + (issuer == null ? "(none named)" : shorter(issuer)) + ", and is neither a did:key nor a …#z6Mk… key.");
        }
        JsonObject options = options(proof, credential);
        if (options == null) {
            return new Checked(new Proof(Proof.Status.INVALID, type, shownSuite, method, key.from, false, Proof.From.OWN),
                    "Its proof does not hold: the proof's @context is not the start of the credential's @context.");
        }
        byte[] optionsHash;
        try {
            optionsHash = canonical.sha256(options, stop);
        } catch (CanonicalHash.NoCanonicalForm e) {
            return new Checked(new Proof(e.status, type, shownSuite, method, key.from, false, Proof.From.OWN),
                    "Its proof " + (e.status == Proof.Status.INVALID ? "does not hold" : "could not be checked") + ": its options: "
                            + e.getMessage() + ".");
        }
        byte[] signed = new byte[64];
        System.arraycopy(optionsHash, 0, signed, 0, 32);
        System.arraycopy(documentHash, 0, signed, 32, 32);
        if (!holds(key.key, signed, Ed25519Multikey.multibaseBytes(string(proof, "proofValue")))) {
            return new Checked(new Proof(Proof.Status.INVALID, type, shownSuite, method, key.from, false, Proof.From.OWN),
                    "Its proof does not hold: the signature does not match the credential as sent, so it was changed after it was "
                            + "signed (or signed with another key).");
        }
        boolean authenticated = key.from == Proof.KeyFrom.TRUSTED_ISSUERS
                || key.from == Proof.KeyFrom.DID_KEY && issuer != null && issuer.equals(withoutFragment(method));
        return new Checked(new Proof(Proof.Status.VERIFIED, type, shownSuite, method, key.from, authenticated, Proof.From.OWN),
                authenticated ? null : key.from == Proof.KeyFrom.DID_KEY
                        ? "Its proof holds with the did:key that signed it, which is not its issuer: it shows the credential was not "
                                + "changed, not who issued it."
                        : "Its proof holds with the key written in its verificationMethod: it shows the credential was not changed, not "
                                + "who issued it (the issuer's key is not in trusted-issuers.yaml).");
    }

    private record Failure(String sentence) {
    }

    /** LC-8's malformed proofs: no absolute verificationMethod, a proofValue that does not decode, a purpose other than assertionMethod. */
    private static Failure malformed(JsonObject proof, String method) {
        if (method == null) {
            return new Failure("Its proof does not hold: it names no verificationMethod.");
        }
        if (method.length() > MAX_URI || !absolute(method)) {
            return new Failure("Its proof does not hold: its verificationMethod " + quoted(method) + " is not an absolute URI.");
        }
        String value = string(proof, "proofValue");
        byte[] signature;
        try {
            signature = value == null ? null : Ed25519Multikey.multibaseBytes(value);
        } catch (IllegalArgumentException e) {
            signature = null;
        }
        if (signature == null || signature.length != 64) {
            return new Failure("Its proof does not hold: its proofValue is not a multibase (z…) Ed25519 signature of 64 bytes.");
        }
        String purpose = string(proof, "proofPurpose");
        if (!"assertionMethod".equals(purpose)) {
            return new Failure("Its proof does not hold: its proofPurpose is " + quoted(purpose) + ", not assertionMethod.");
        }
        return null;
    }

    private record Found(PublicKey key, Proof.KeyFrom from) {
    }

    /** LC-9: the issuer's own entry, else a did:key, else a …#z6Mk… fragment; null when none; IllegalArgumentException for a key that does not decode. */
    private static Found key(String method, String issuer, JsonObject proof, JsonObject credential, TrustedIssuers issuers) {
        if (issuer != null) {
            Optional<TrustedIssuers.TrustedKey> trusted = issuers.key(issuer, method, keyDate(proof, credential));
            if (trusted.isPresent()) {
                return new Found(trusted.get().publicKey(), Proof.KeyFrom.TRUSTED_ISSUERS);
            }
        }
        if (method.startsWith("did:key:")) {
            return new Found(Ed25519Multikey.decode(withoutFragment(method).substring("did:key:".length())), Proof.KeyFrom.DID_KEY);
        }
        int hash = method.indexOf('#');
        String fragment = hash < 0 ? "" : method.substring(hash + 1);
        if (fragment.startsWith("z6Mk")) {
            return new Found(Ed25519Multikey.decode(fragment), Proof.KeyFrom.FRAGMENT);
        }
        return null;
    }

    /** The date a trusted key's from/until is compared with: the proof's created, else the credential's validFrom or issuanceDate. */
    private static LocalDate keyDate(JsonObject proof, JsonObject credential) {
        for (String date : new String[] {string(proof, "created"), string(credential, "validFrom"), string(credential, "issuanceDate")}) {
            if (date != null) {
                try {
                    return LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(date.strip()));
                } catch (RuntimeException notADateTime) {
                    try {
                        return LocalDate.parse(date.strip());
                    } catch (RuntimeException notADate) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** The proof's options as signed: the proof without its signature, in the context of the credential (or its own, which must begin the credential's). */
    private static JsonObject options(JsonObject proof, JsonObject credential) {
        JsonValue documentContext = credential.get("@context");
        JsonValue proofContext = proof.get("@context");
        if (proofContext != null && !startsWith(documentContext, proofContext)) {
            return null;
        }
        JsonObjectBuilder options = Json.createObjectBuilder(proof).remove("proofValue");
        if (proofContext == null && documentContext != null) {
            options.add("@context", documentContext);
        }
        return options.build();
    }

    private static boolean startsWith(JsonValue document, JsonValue proof) {
        List<JsonValue> whole = document instanceof JsonArray list ? list : document == null ? List.of() : List.of(document);
        List<JsonValue> start = proof instanceof JsonArray list ? list : List.of(proof);
        return whole.size() >= start.size() && whole.subList(0, start.size()).equals(start);
    }

    private static boolean holds(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The issuer id or achievement id the service reads (as written) that is not an IRI of the signed
     * statements, in words; null when both are (a compact IRI or a prefix of the credential's own
     * context would make the service read one id while another was signed).
     */
    private static String unsignedId(JsonObject credential, String issuer, String nquads) {
        if (issuer != null && !nquads.contains("<" + issuer + ">")) {
            return "its issuer id \"" + shorter(issuer) + "\" as written is not the id it was signed with";
        }
        JsonValue subject = credential.get("credentialSubject");
        for (JsonValue each : subject instanceof JsonArray list ? list : subject == null ? List.<JsonValue>of() : List.of(subject)) {
            if (each instanceof JsonObject object && object.get("achievement") instanceof JsonObject achievement) {
                String id = string(achievement, "id");
                if (id != null && !nquads.contains("<" + id + ">")) {
                    return "its achievement id \"" + shorter(id) + "\" as written is not the id it was signed with";
                }
            }
        }
        return null;
    }

    /** The credential's issuer id: {@code issuer} as a string or {@code issuer.id}. */
    private static String issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonString text) {
            return text.getString();
        }
        return issuer instanceof JsonObject object ? string(object, "id") : null;
    }

    private static String withoutFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }

    private static boolean absolute(String uri) {
        try {
            return new URI(uri).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String string(JsonObject object, String member) {
        return object.get(member) instanceof JsonString text ? text.getString() : null;
    }

    private static String quoted(String text) {
        return text == null ? "(none)" : "\"" + shorter(text) + "\"";
    }

    private static String shorter(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
