package org.advising.eligibility.credentials.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.junit.jupiter.api.Test;

/**
 * LC-8 and LC-9 on credentials signed here ({@link TestSigner}) and on 1EdTech's Teamwork badge:
 * each status with the sentence that says why, where the key came from and whether the issuer is
 * authenticated; proof sets; the bound of work; results kept by digest.
 */
class ProofVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestSigner SIGNER = new TestSigner(7);
    private final ProofVerifier verifier = new ProofVerifier(BundledContexts.shipped(), ProofVerifier.DEFAULT_MAX_WORK, 100);

    /** 1EdTech's Teamwork badge as the public example 18 sends it, signed by Example Corp. */
    private static ObjectNode teamwork() throws IOException {
        return (ObjectNode) JSON.readTree(Path.of("src/test/resources/proof-examples/18-proof-verified-badge-key-in-its-url.json").toFile())
                .at("/request/learner/credentials/0");
    }

    /** The Teamwork badge without its proof, issued by {@code issuer}. */
    private static ObjectNode unsigned(String issuer) throws IOException {
        ObjectNode badge = teamwork();
        badge.remove("proof");
        ((ObjectNode) badge.get("issuer")).put("id", issuer);
        return badge;
    }

    private ProofVerifier.Checked check(JsonNode credential) {
        return verifier.check(credential, TrustedIssuers.NONE, () -> false);
    }

    @Test
    void a_did_key_that_is_the_issuer_authenticates_it_one_that_is_not_shows_only_that_nothing_changed() throws IOException {
        ProofVerifier.Checked own = check(SIGNER.sign(unsigned(SIGNER.didKey()), SIGNER.didKey() + "#" + SIGNER.publicKeyMultibase()));
        assertEquals(new Proof(Proof.Status.VERIFIED, "DataIntegrityProof", "eddsa-rdfc-2022", SIGNER.didKey() + "#" + SIGNER.publicKeyMultibase(),
                Proof.KeyFrom.DID_KEY, true, Proof.From.OWN), own.proof());
        assertEquals(null, own.note());
        ProofVerifier.Checked other = check(SIGNER.sign(unsigned("https://registrar.example.edu/issuers/1"), SIGNER.didKey()));
        assertEquals(List.of(Proof.Status.VERIFIED, Proof.KeyFrom.DID_KEY, false),
                List.of(other.proof().status(), other.proof().keyFrom(), other.proof().issuerAuthenticated()));
        assertEquals("Its proof holds with the did:key that signed it, which is not its issuer: it shows the credential was not changed, "
                + "not who issued it.", other.note());
    }

    @Test
    void a_key_of_the_issuers_own_entry_in_trusted_issuers_authenticates_it_in_its_dates_and_for_that_issuer_only() throws IOException {
        String issuer = "https://registrar.example.edu/issuers/1";
        TrustedIssuers trusted = TrustedIssuers.read(new RulesFolder.RuleFile(TrustedIssuers.FILE, """
                issuers:
                  - issuer: %s
                    name: Example State University Registrar
                    keys:
                      - id: %s#key-1
                        publicKeyMultibase: %s
                        from: 2026-01-01
                      - id: %s#key-2
                        publicKeyMultibase: %s
                        from: 2027-01-01
                """.formatted(issuer, issuer, SIGNER.publicKeyMultibase(), issuer, SIGNER.publicKeyMultibase())));
        ProofVerifier.Checked checked = verifier.check(SIGNER.sign(unsigned(issuer), issuer + "#key-1"), trusted, () -> false);
        assertEquals(new Proof(Proof.Status.VERIFIED, "DataIntegrityProof", "eddsa-rdfc-2022", issuer + "#key-1", Proof.KeyFrom.TRUSTED_ISSUERS,
                true, Proof.From.OWN), checked.proof());
        assertEquals(null, checked.note());
        // The second key is in effect only from 2027: the proof (created 2026-01-15) finds no key.
        assertEquals(Proof.Status.UNVERIFIABLE, verifier.check(SIGNER.sign(unsigned(issuer), issuer + "#key-2"), trusted, () -> false)
                .proof().status());
        // Another issuer's credential naming the registrar's key: only the credential's own issuer's entry is consulted.
        assertEquals(Proof.Status.UNVERIFIABLE, verifier.check(SIGNER.sign(unsigned("https://diploma-mill.example/issuers/9"), issuer + "#key-1"),
                trusted, () -> false).proof().status());
    }

    @Test
    void a_changed_credential_a_wrong_key_and_a_wrong_purpose_do_not_hold() throws IOException {
        ObjectNode changed = teamwork();
        ((ObjectNode) changed.at("/credentialSubject/achievement")).put("name", "Leadership");
        assertEquals(List.of(Proof.Status.INVALID, "Its proof does not hold: the signature does not match the credential as sent, so it was "
                + "changed after it was signed (or signed with another key)."), statusAndNote(changed));
        ObjectNode otherKey = SIGNER.sign(unsigned("https://example.com/issuers/876543"),
                "https://example.com/issuers/876543#" + new TestSigner(8).publicKeyMultibase());
        assertEquals(Proof.Status.INVALID, check(otherKey).proof().status());
        ObjectNode purpose = SIGNER.sign(unsigned(SIGNER.didKey()), SIGNER.didKey());
        ((ObjectNode) purpose.get("proof")).put("proofPurpose", "authentication");
        assertEquals(List.of(Proof.Status.INVALID, "Its proof does not hold: its proofPurpose is \"authentication\", not assertionMethod."),
                statusAndNote(purpose));
        ObjectNode relative = teamwork();
        ((ObjectNode) relative.get("proof").get(0)).put("verificationMethod", "#key-1");
        assertEquals(List.of(Proof.Status.INVALID, "Its proof does not hold: its verificationMethod \"#key-1\" is not an absolute URI."),
                statusAndNote(relative));
        ObjectNode badKey = teamwork();
        ((ObjectNode) badKey.get("proof").get(0)).put("verificationMethod", "did:key:z6MkNOTAKEY");
        assertEquals(List.of(Proof.Status.INVALID, "Its proof does not hold: its verificationMethod names a key that has \"O\", which is not a "
                + "base58-btc digit."), statusAndNote(badKey));
    }

    @Test
    void a_term_no_context_defines_makes_the_proof_invalid_a_context_not_bundled_unverifiable() throws IOException {
        ObjectNode extra = teamwork();
        ((ObjectNode) extra.get("credentialSubject")).put("grade", "A");
        assertEquals(List.of(Proof.Status.INVALID, "Its proof does not hold: it uses \"grade\", a term none of its contexts defines, so the "
                + "signature would not cover it."), statusAndNote(extra));
        ObjectNode extraType = teamwork();
        ((ArrayNode) extraType.get("type")).add("TranscriptCredential");
        assertEquals(List.of(Proof.Status.INVALID, "Its proof does not hold: it uses the type \"TranscriptCredential\", a term none of its "
                + "contexts defines, so the signature would not cover it."), statusAndNote(extraType));
        ObjectNode ace = teamwork();
        ((ArrayNode) ace.get("@context")).add("https://purl.imsglobal.org/spec/ob/v3p0/extensions/ob-ace/context.json");
        assertEquals(List.of(Proof.Status.UNVERIFIABLE, "Its proof could not be checked: it names the JSON-LD context "
                + "https://purl.imsglobal.org/spec/ob/v3p0/extensions/ob-ace/context.json, which is not bundled with the service and is "
                + "never fetched."), statusAndNote(ace));
    }

    @Test
    void a_key_found_nowhere_offline_is_unverifiable_another_suite_unsupported_no_proof_none() throws IOException {
        ObjectNode named = SIGNER.sign(unsigned("https://registrar.example.edu/issuers/1"), "https://registrar.example.edu/issuers/1#key-1");
        assertEquals(List.of(Proof.Status.UNVERIFIABLE, "Its proof could not be checked: the key https://registrar.example.edu/issuers/1#key-1 is "
                + "not in trusted-issuers.yaml under the issuer https://registrar.example.edu/issuers/1, and is neither a did:key nor a …#z6Mk… "
                + "key."), statusAndNote(named));
        ObjectNode bbs = teamwork();
        ((ObjectNode) bbs.get("proof").get(0)).put("cryptosuite", "bbs-2023");
        assertEquals(List.of(Proof.Status.UNSUPPORTED, "Its proof is of the cryptosuite \"bbs-2023\", which the service does not check (it checks "
                + "eddsa-rdfc-2022, eddsa-2022 and Ed25519Signature2020)."), statusAndNote(bbs));
        ObjectNode none = teamwork();
        none.remove("proof");
        assertEquals(List.of(Proof.Status.NONE, "It carries no proof, so nothing shows who issued it or that it was not changed."),
                statusAndNote(none));
    }

    @Test
    void in_a_proof_set_any_invalid_proof_decides_else_a_verified_one_else_the_rest_in_order() throws IOException {
        ObjectNode verifiedAndUnsupported = teamwork();
        ((ArrayNode) verifiedAndUnsupported.get("proof")).insertObject(0).put("type", "BbsBlsSignature2020");
        assertEquals(Proof.Status.VERIFIED, check(verifiedAndUnsupported).proof().status());
        ObjectNode twoSigners = SIGNER.sign(teamwork(), SIGNER.didKey()); // the second proof signs the badge without the first
        assertEquals(List.of(Proof.Status.VERIFIED, Proof.KeyFrom.FRAGMENT), List.of(check(twoSigners).proof().status(),
                check(twoSigners).proof().keyFrom()), "both proofs hold over the badge without its proofs (a proof set)");
        ObjectNode oneBroken = twoSigners.deepCopy();
        ((ObjectNode) oneBroken.get("proof").get(1)).put("created", "2026-01-16T10:00:00Z");
        assertEquals(Proof.Status.INVALID, check(oneBroken).proof().status());
    }

    @Test
    void the_same_credential_is_checked_once_and_canonicalization_past_its_bound_is_unverifiable() throws IOException {
        check(teamwork());
        check(teamwork());
        assertEquals(1, verifier.kept());
        ObjectNode poison = TestSigner.poison(teamwork(), 10);
        long started = System.nanoTime();
        ProofVerifier.Checked checked = verifier.check(poison, TrustedIssuers.NONE, () -> false);
        assertEquals(List.of(Proof.Status.UNVERIFIABLE, "Its proof could not be checked: canonicalizing it takes more than the "
                + ProofVerifier.DEFAULT_MAX_WORK + " steps of work a proof may take (its blank nodes are too alike)."),
                List.of(checked.proof().status(), checked.note()));
        System.out.printf("A poison graph of 10 look-alike blank nodes was stopped at its bound of work in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<Object> statusAndNote(JsonNode credential) {
        ProofVerifier.Checked checked = check(credential);
        return List.of(checked.proof().status(), checked.note());
    }
}
