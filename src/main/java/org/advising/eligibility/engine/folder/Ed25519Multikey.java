package org.advising.eligibility.engine.folder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * An Ed25519 public key written as a Multikey (W3C Controlled Identifiers, Multikey): multibase
 * base58-btc ({@code z…}) of the multicodec prefix {@code 0xed 0x01} and the 32 bytes of the key, as
 * {@code publicKeyMultibase}, a {@code did:key} and 1EdTech's {@code …#z6Mk…} fragments write it.
 */
public final class Ed25519Multikey {

    /** The most characters a multikey may have before it is decoded: 34 bytes are 47 or 48 base58 digits. */
    public static final int MAX_LENGTH = 64;

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410); the 32 key bytes follow. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Multikey() {
    }

    /** The key, or an {@link IllegalArgumentException} saying why the text is not an Ed25519 multikey. */
    public static PublicKey decode(String multibase) {
        byte[] bytes = multibaseBytes(multibase);
        if (bytes.length != 34 || (bytes[0] & 0xff) != 0xed || bytes[1] != 0x01) {
            throw new IllegalArgumentException("is not an Ed25519 multikey (multicodec 0xed01 and 32 bytes of key, written z6Mk…)");
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(bytes, 2, encoded, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not an Ed25519 public key: " + e.getMessage());
        }
    }

    /** The bytes of a multibase base58-btc text ({@code z…}), or why it is not one. */
    public static byte[] multibaseBytes(String multibase) {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("is not multibase base58-btc (it starts with z)");
        }
        if (multibase.length() > MAX_LENGTH * 2) { // a signature is 88 digits, a key 48: nothing longer is decoded
            throw new IllegalArgumentException("is " + multibase.length() + " characters long; at most " + MAX_LENGTH * 2);
        }
        BigInteger value = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (int i = 1; i < multibase.length(); i++) {
            int digit = BASE58.indexOf(multibase.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("has " + (Character.isISOControl(multibase.charAt(i)) ? "a control character"
                        : "\"" + multibase.charAt(i) + "\"") + ", which is not a base58-btc digit");
            }
            if (leading && digit == 0) {
                zeros++;
            } else {
                leading = false;
            }
            value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0; // BigInteger's sign byte
        byte[] bytes = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, bytes, zeros, magnitude.length - skip);
        return bytes;
    }
}
