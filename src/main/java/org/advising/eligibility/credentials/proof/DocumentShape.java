package org.advising.eligibility.credentials.proof;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;

/**
 * What a document must be before JSON-LD touches it (LC-8, LC-11), counted in one pass: at most
 * {@value #MAX_DEPTH} levels deep, {@value #MAX_VALUES} values and {@value #MAX_LIST} items a list
 * (expansion and RDF conversion recurse on depth and grow faster than linearly on long lists, and
 * neither is bounded by the canonicalization's work), and contexts of its own only as plain term
 * definitions: a term mapped to an absolute IRI, optionally typed. An inline context that aliases a
 * keyword, scopes a context of its own, sets {@code @vocab} or {@code @base}, or imports one would
 * let the JSON the service reads say what the signed statements do not (a grade held in an
 * {@code @index}, a type-scoped context renaming the members of a result); such a document is not
 * checked.
 */
final class DocumentShape {

    static final int MAX_DEPTH = 64;
    static final int MAX_VALUES = 4_000;
    static final int MAX_LIST = 500;

    private static final Set<String> CONTEXT_KEYWORDS = Set.of("@version", "@protected");
    private static final Set<String> DEFINITION_KEYWORDS = Set.of("@id", "@type", "@container");
    private static final Set<String> CONTAINERS = Set.of("@set", "@list");

    private int values;

    private DocumentShape() {
    }

    /** Why the document is not checked (a sentence part), or null when its shape is one the service checks. */
    static String refusal(JsonValue document) {
        return new DocumentShape().walk(document, 0);
    }

    private String walk(JsonValue value, int depth) {
        if (++values > MAX_VALUES) {
            return "it holds more than " + MAX_VALUES + " values, more than a proof is checked for";
        }
        if (depth > MAX_DEPTH) {
            return "it is nested more than " + MAX_DEPTH + " levels deep, more than a proof is checked for";
        }
        if (value instanceof JsonArray list) {
            if (list.size() > MAX_LIST) {
                return "it has a list of " + list.size() + " items, more than the " + MAX_LIST + " a proof is checked for";
            }
            for (JsonValue item : list) {
                String refused = walk(item, depth + 1);
                if (refused != null) {
                    return refused;
                }
            }
        } else if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                String refused = member.getKey().equals("@context") ? context(member.getValue()) : null;
                if (refused == null) {
                    refused = walk(member.getValue(), depth + 1);
                }
                if (refused != null) {
                    return refused;
                }
            }
        }
        return null;
    }

    /** A context value: bundled URLs (checked when loaded) and plain term definitions only. */
    private static String context(JsonValue context) {
        for (JsonValue entry : context instanceof JsonArray list ? list : java.util.List.of(context)) {
            if (entry instanceof JsonObject definitions) {
                for (Map.Entry<String, JsonValue> term : definitions.entrySet()) {
                    if (term.getKey().startsWith("@") ? !CONTEXT_KEYWORDS.contains(term.getKey()) : !plain(term.getValue())) {
                        return "its own context defines \"" + shortened(term.getKey()) + "\" in a way the service does not take (only terms "
                                + "mapped to absolute IRIs): what it reads might not be what was signed";
                    }
                }
            } else if (!(entry instanceof JsonString) && entry.getValueType() != JsonValue.ValueType.NULL) {
                return "its @context holds a " + entry.getValueType().name().toLowerCase(java.util.Locale.ROOT) + ", not a URL or terms";
            }
        }
        return null;
    }

    /** A term definition that only names an IRI: "term": "https://…", or {"@id": "https://…", "@type": …, "@container": "@set"}. */
    private static boolean plain(JsonValue definition) {
        if (definition instanceof JsonString iri) {
            return absolute(iri.getString());
        }
        if (!(definition instanceof JsonObject object) || !(object.get("@id") instanceof JsonString id) || !absolute(id.getString())) {
            return false;
        }
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            if (!DEFINITION_KEYWORDS.contains(member.getKey()) || !(member.getValue() instanceof JsonString text)) {
                return false;
            }
            String keyword = text.getString();
            if (member.getKey().equals("@type") && keyword.startsWith("@") && !keyword.equals("@id")
                    || member.getKey().equals("@type") && !keyword.startsWith("@") && !absolute(keyword)
                    || member.getKey().equals("@container") && !CONTAINERS.contains(keyword)) {
                return false;
            }
        }
        return true;
    }

    /** An absolute IRI of a scheme the service knows, never a keyword or a compact IRI of a prefix the document defines. */
    private static boolean absolute(String iri) {
        return iri.startsWith("https://") || iri.startsWith("http://") || iri.startsWith("urn:") || iri.startsWith("did:");
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
