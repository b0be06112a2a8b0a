package org.advising.eligibility.credentials.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.junit.jupiter.api.Test;

class ProofVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProofVerifier verifier = new ProofVerifier(BundledContexts.load(), 200_000, 100);

    private JsonNode credential(String example, int index) throws IOException {
        return JSON.readTree(Files.readString(Path.of("src/test/resources/proof-examples", example))).at("/request/learner/credentials/" + index);
    }

    @Test
    void spike() throws IOException {
        for (String example : new String[] {"18-proof-verified-badge-key-in-its-url.json", "19-proof-older-data-model-ed25519-signature-2020.json",
                "20-proof-did-key-signer-is-not-the-issuer.json", "21-proof-clr-holding-a-signed-badge.json",
                "22-proof-changed-badge-and-the-genuine-one.json"}) {
            for (int i = 0; i < 2; i++) {
                JsonNode c = credential(example, i);
                if (c.isMissingNode()) {
                    continue;
                }
                long t = System.nanoTime();
                System.out.println(example + "[" + i + "] " + verifier.check(c, TrustedIssuers.NONE, () -> false) + " " + (System.nanoTime() - t) / 1000 + " µs");
                JsonNode inner = c.at("/credentialSubject/verifiableCredential/0");
                if (!inner.isMissingNode()) {
                    System.out.println("  inner " + verifier.check(inner, TrustedIssuers.NONE, () -> false));
                }
            }
        }
    }
}
