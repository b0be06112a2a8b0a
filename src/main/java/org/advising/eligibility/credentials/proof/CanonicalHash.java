package org.advising.eligibility.credentials.proof;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.lang.BlankNode;
import com.apicatalog.jsonld.lang.LanguageTag;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.uri.UriUtils;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
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
        String shape = DocumentShape.refusal(document);
        if (shape != null) {
            throw new NoCanonicalForm(Proof.Status.UNVERIFIABLE, shape);
        }
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
        String dropped = droppedFromRdf(expanded, options.getUriValidation());
        if (dropped != null) {
            throw new NoCanonicalForm(Proof.Status.INVALID, "it uses " + dropped
                    + ", which RDF cannot hold: what it says is left out of the canonical form, so the signature would not cover it");
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
        return sha256(nquads(document, stop));
    }

    /** The SHA-256 of canonical N-Quads, as the suites hash them. */
    static byte[] sha256(String nquads) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(nquads.getBytes(StandardCharsets.UTF_8));
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

    /**
     * What of an expanded document turning it into RDF would silently leave out, as the JSON-LD to RDF
     * algorithm does (the same tests as titanium's JsonLdToRdf): an {@code @id}, type or property that is
     * neither an absolute IRI nor a blank node identifier drops every statement about or pointing to it, a
     * datatype that is not an absolute IRI or a malformed language tag drops the value. Content left out
     * could be added or changed after signing without breaking the signature (say a grade in a result
     * whose id is relative); null when nothing would be left out.
     */
    private static String droppedFromRdf(JsonValue value, UriValidationPolicy validation) {
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                String found = droppedFromRdf(item, validation);
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof JsonObject object) {
            if (object.containsKey("@value")) {
                JsonValue datatype = object.get("@type");
                if (datatype instanceof JsonString text && !text.getString().equals("@json")
                        && !UriUtils.isAbsoluteUri(text.getString(), validation)) {
                    return "the datatype \"" + shortened(text.getString()) + "\"";
                }
                JsonValue language = object.get("@language");
                if (language != null && !(language instanceof JsonString tag && LanguageTag.isWellFormed(tag.getString()))) {
                    return "the language tag " + shortened(language.toString());
                }
                return null;
            }
            for (var member : object.entrySet()) {
                String key = member.getKey();
                if (key.equals("@id") || key.equals("@type")) {
                    for (JsonValue item : member.getValue() instanceof JsonArray list ? list : List.of(member.getValue())) {
                        if (item instanceof JsonString text && !reference(text.getString(), validation)) {
                            return (key.equals("@id") ? "the id \"" : "the type \"") + shortened(text.getString()) + "\"";
                        }
                    }
                    continue;
                }
                if (!key.startsWith("@") && !reference(key, validation)) {
                    return "the property \"" + shortened(key) + "\"";
                }
                String found = droppedFromRdf(member.getValue(), validation);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean reference(String iri, UriValidationPolicy validation) {
        return BlankNode.isWellFormed(iri) || UriUtils.isAbsoluteUri(iri, validation);
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
