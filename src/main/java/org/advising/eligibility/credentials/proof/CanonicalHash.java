package org.advising.eligibility.credentials.proof;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The SHA-256 of a JSON-LD document's canonical form, as Data Integrity's RDFC-1.0 suites hash it
 * (LC-8): expanded against the bundled contexts only, every term defined (a term no context defines
 * would not be covered by the signature), turned into RDF and canonicalized with RDFC-1.0 within a
 * bound of work (LC-11), by {@link Rdfc10}: titanium-rdfc 2.0.0 with its tie defect mended.
 */
final class CanonicalHash {

    /** Why a document has no canonical form here; {@link #status} says what that makes its proof. */
    static final class NoCanonicalForm extends Exception {
        final Proof.Status status;

        NoCanonicalForm(Proof.Status status, String sentence) {
            super(sentence, null, false, false);
            this.status = status;
        }
    }

    private final BundledContexts contexts;
    private final long maxWork;

    CanonicalHash(BundledContexts contexts, long maxWork) {
        this.contexts = contexts;
        this.maxWork = maxWork;
    }

    /** The document's canonical N-Quads. */
    String nquads(JsonObject document, BooleanSupplier stop) throws NoCanonicalForm {
        AtomicReference<String> missing = new AtomicReference<>();
        DocumentLoader loader = (url, options) -> {
            if (contexts.find(url.toString()) == null) {
                missing.compareAndSet(null, url.toString());
            }
            return contexts.loadDocument(url, options);
        };
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader(loader);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        JsonArray expanded;
        try {
            expanded = JsonLd.expand(JsonDocument.of(document)).options(options).get();
        } catch (JsonLdError e) {
            if (missing.get() != null) {
                throw new NoCanonicalForm(Proof.Status.UNVERIFIABLE, "it names the JSON-LD context " + missing.get()
                        + ", which is not bundled with the service and is never fetched");
            }
            if (e.getCode() == JsonLdErrorCode.UNDEFINED_TERM) {
                throw new NoCanonicalForm(Proof.Status.INVALID, "it uses " + term(e.getMessage())
                        + ", a term none of its contexts defines, so the signature would not cover it");
            }
            throw new NoCanonicalForm(Proof.Status.INVALID, "it is not valid JSON-LD (" + e.getCode().toMessage() + ")");
        }
        String undefinedType = relativeType(expanded);
        if (undefinedType != null) {
            throw new NoCanonicalForm(Proof.Status.INVALID, "it uses the type \"" + shortened(undefinedType)
                    + "\", a term none of its contexts defines, so the signature would not cover it");
        }
        Rdfc10 canon = new Rdfc10(maxWork, stop);
        try {
            JsonLd.toRdf(JsonDocument.of(expanded)).options(options).provide(canon);
            return canon.nquads();
        } catch (Rdfc10.WorkBoundExceeded e) {
            throw new NoCanonicalForm(Proof.Status.UNVERIFIABLE, "canonicalizing it takes more than the "
                    + maxWork + " steps of work a proof may take (its blank nodes are too alike)");
        } catch (JsonLdError e) {
            throw new NoCanonicalForm(Proof.Status.INVALID, "it does not turn into RDF (" + e.getMessage() + ")");
        }
    }

    /** The SHA-256 of the document's canonical N-Quads. */
    byte[] sha256(JsonObject document, BooleanSupplier stop) throws NoCanonicalForm {
        try {
            return MessageDigest.getInstance("SHA-256").digest(nquads(document, stop).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code @type} of an expanded document that did not expand to an absolute IRI (an undefined type term). */
    private static String relativeType(JsonValue value) {
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                String found = relativeType(item);
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof JsonObject object) {
            for (var member : object.entrySet()) {
                if (member.getKey().equals("@type") && !object.containsKey("@value")) {
                    JsonValue types = member.getValue();
                    for (JsonValue type : types instanceof JsonArray list ? list : JsonArray.EMPTY_JSON_ARRAY) {
                        if (type instanceof JsonString text && !text.getString().contains(":")) {
                            return text.getString();
                        }
                    }
                    if (types instanceof JsonString text && !text.getString().contains(":")) {
                        return text.getString();
                    }
                } else if (!member.getKey().equals("@value")) {
                    String found = relativeType(member.getValue());
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static String term(String message) {
        int open = message == null ? -1 : message.indexOf('[');
        int close = open < 0 ? -1 : message.indexOf(']', open);
        return close > open ? "\"" + shortened(message.substring(open + 1, close)) + "\"" : "a member";
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
