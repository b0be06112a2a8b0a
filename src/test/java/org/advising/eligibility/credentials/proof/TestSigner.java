package org.advising.eligibility.credentials.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;

/**
 * Signs credentials for the tests as an issuer would (eddsa-rdfc-2022 over the bundled contexts),
 * with keys made here: so that a test can hold the private key of an issuer it lists in
 * trusted-issuers.yaml, of a did:key that is the issuer, or of a CLR's issuer.
 */
public final class TestSigner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final CanonicalHash CANONICAL = new CanonicalHash(BundledContexts.shipped(), Long.MAX_VALUE);

    private final KeyPair keys;

    /** A signer with a key made from {@code seed} (the same seed, the same key). */
    public TestSigner(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a Multikey ({@code z6Mk…}): for trusted-issuers.yaml, a did:key or a fragment. */
    public String publicKeyMultibase() {
        byte[] encoded = keys.getPublic().getEncoded();
        byte[] multikey = new byte[34];
        multikey[0] = (byte) 0xed;
        multikey[1] = 0x01;
        System.arraycopy(encoded, encoded.length - 32, multikey, 2, 32);
        return base58(multikey);
    }

    /** The did:key of this signer. */
    public String didKey() {
        return "did:key:" + publicKeyMultibase();
    }

    /** The credential with a proof signed by this key under {@code verificationMethod}, appended to any it has. */
    public ObjectNode sign(JsonNode credential, String verificationMethod) {
        ObjectNode unsigned = credential.deepCopy();
        JsonNode earlier = unsigned.remove("proof");
        ObjectNode proof = JSON.createObjectNode().put("type", "DataIntegrityProof").put("cryptosuite", "eddsa-rdfc-2022")
                .put("created", "2026-01-15T10:00:00Z").put("verificationMethod", verificationMethod).put("proofPurpose", "assertionMethod");
        ObjectNode options = proof.deepCopy();
        options.set("@context", unsigned.get("@context"));
        try {
            byte[] optionsHash = CANONICAL.sha256(jakarta(options), () -> false);
            byte[] documentHash = CANONICAL.sha256(jakarta(unsigned), () -> false);
            byte[] data = Arrays.copyOf(optionsHash, 64);
            System.arraycopy(documentHash, 0, data, 32, 32);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(data);
            proof.put("proofValue", base58(signer.sign()));
        } catch (CanonicalHash.NoCanonicalForm | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode signed = unsigned.deepCopy();
        if (earlier == null) {
            signed.set("proof", proof);
        } else {
            ArrayNode proofs = earlier.isArray() ? (ArrayNode) earlier.deepCopy() : JSON.createArrayNode().add(earlier);
            signed.set("proof", proofs.add(proof));
        }
        return signed;
    }

    /**
     * A "poison" graph: {@code size} results that are blank nodes alike in every way, each pointing at all the others,
     * which RDFC-1.0 orders by trying every permutation of the others for each ((size - 1)! apiece).
     */
    public static ObjectNode poison(ObjectNode credential, int size) {
        ArrayNode results = ((ObjectNode) credential.get("credentialSubject")).putArray("result");
        for (int i = 0; i < size; i++) {
            ArrayNode others = results.addObject().put("id", "_:r" + i).put("type", "Result").putArray("status");
            for (int j = 0; j < size; j++) {
                if (j != i) {
                    others.addObject().put("id", "_:r" + j);
                }
            }
        }
        return credential;
    }

    private static JsonObject jakarta(JsonNode node) {
        return Json.createReader(new StringReader(node.toString())).readObject();
    }

    private static String base58(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(BigInteger.valueOf(58));
            text.append(BASE58.charAt(division[1].intValue()));
            value = division[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            text.append('1');
        }
        return "z" + text.reverse();
    }
}
