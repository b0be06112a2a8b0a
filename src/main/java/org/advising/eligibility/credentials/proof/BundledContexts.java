package org.advising.eligibility.credentials.proof;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The JSON-LD context documents a credential's proof is canonicalized against (LC-8), bundled with
 * the service and never fetched: {@code credentials/contexts/index.tsv} maps each context URL to
 * its file and the SHA-256 of the file's bytes; a file whose digest differs from its row stops the
 * service at start. A context that is not bundled is not loaded: the proof that needs it is
 * UNVERIFIABLE.
 */
public final class BundledContexts implements DocumentLoader {

    static final String FOLDER = "credentials/contexts/";

    private final Map<String, Document> documents;

    private BundledContexts(Map<String, Document> documents) {
        this.documents = documents;
    }

    private static final class Shipped {
        static final BundledContexts CONTEXTS = load();
    }

    /** The contexts shipped with the service, read and checked once. */
    public static BundledContexts shipped() {
        return Shipped.CONTEXTS;
    }

    /** The bundled contexts, each checked against its digest; IllegalStateException naming a file that differs. */
    static BundledContexts load() {
        Map<String, Document> documents = new HashMap<>();
        String index = new String(resource("index.tsv"), StandardCharsets.UTF_8);
        int line = 0;
        for (String row : index.split("\n")) {
            line++;
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(row.strip().split("\t"));
            if (cells.size() != 3) {
                throw new IllegalStateException(FOLDER + "index.tsv:" + line + ": expected a URL, a file and its SHA-256, tab-separated");
            }
            byte[] bytes = resource(cells.get(1));
            String digest = sha256(bytes);
            if (!digest.equals(cells.get(2))) {
                throw new IllegalStateException(FOLDER + cells.get(1) + " has the SHA-256 " + digest + ", not " + cells.get(2)
                        + " as index.tsv:" + line + " pins it: a bundled context was changed");
            }
            try {
                documents.put(cells.get(0), JsonDocument.of(MediaType.JSON_LD, new ByteArrayInputStream(bytes)));
            } catch (JsonLdError e) {
                throw new IllegalStateException(FOLDER + cells.get(1) + " is not a JSON-LD document: " + e.getMessage(), e);
            }
        }
        return new BundledContexts(Map.copyOf(documents));
    }

    /** The bundled document of that URL, or null when it is not bundled. */
    public Document find(String url) {
        return documents.get(url);
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        Document document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "the context " + url + " is not bundled");
        }
        return document;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = BundledContexts.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + name + " is missing from the service");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
