package org.advising.eligibility.engine.prove;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The envelope of a rulebase cache entry: a magic line, the entry's key in words (everything it
 * depends on), the payload's signature and the payload. The signature is HMAC-SHA256 under the cache
 * key when one is set (an entry another key wrote is refused), else the payload's SHA-256 (which
 * finds damage only). {@link #open} gives back the payload only when all of it holds.
 */
final class SignedEntry {

    private static final String MAGIC = "eligibility-rulebase-cache 4";
    private static final String HMAC = "HmacSHA256";

    private final Optional<SecretKeySpec> signingKey;

    /** Entries signed with this key, or only digested without one (an empty key is none). */
    SignedEntry(Optional<String> key) {
        this.signingKey = key.filter(k -> !k.isEmpty()).map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), HMAC));
    }

    /** The payload sealed for this key: the bytes of the entry's file. */
    byte[] seal(String key, byte[] payload) throws IOException {
        ByteArrayOutputStream entry = new ByteArrayOutputStream(payload.length + 256);
        try (DataOutputStream out = new DataOutputStream(entry)) {
            out.writeUTF(MAGIC);
            out.writeUTF(key);
            out.write(signature(payload));
            out.writeInt(payload.length);
            out.write(payload);
        }
        return entry.toByteArray();
    }

    /** The payload of an entry, checked to be the entry of this key and against the signature written before it. */
    byte[] open(String key, byte[] entry) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a rulebase cache entry of this version");
        }
        String written = in.readUTF();
        if (!key.equals(written)) {
            throw new IOException("it is the entry of another rulebase: " + written);
        }
        byte[] signature = in.readNBytes(32);
        int length = in.readInt();
        byte[] payload = in.readNBytes(length);
        if (payload.length != length || in.read() != -1 || !MessageDigest.isEqual(signature, signature(payload))) {
            throw new IOException(signingKey.isPresent() ? "its signature does not match its content under the cache key"
                    : "its content does not match its digest");
        }
        return payload;
    }

    /** HMAC-SHA256 under the cache key when one is set, else SHA-256. */
    private byte[] signature(byte[] payload) {
        if (signingKey.isEmpty()) {
            return sha256(payload);
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(signingKey.get());
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no " + HMAC, e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
