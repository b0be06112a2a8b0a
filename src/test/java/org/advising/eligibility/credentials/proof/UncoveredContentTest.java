package org.advising.eligibility.credentials.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.junit.jupiter.api.Test;

/**
 * Content that turning a credential into RDF would silently leave out is not covered by its signature,
 * so a credential holding any is INVALID (LC-8), as one using an undefined term is. Before this check a
 * result whose id is not an absolute IRI, added to 1EdTech's genuine Teamwork badge after signing, left
 * the badge VERIFIED, and its reading took the added grade (gpa 4.0, proofChecked true): JSON-LD to RDF
 * drops every statement about or pointing to such a node, and values with a relative datatype or a
 * malformed language tag.
 */
class UncoveredContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProofVerifier verifier = new ProofVerifier(BundledContexts.shipped(), ProofVerifier.DEFAULT_MAX_WORK, 100);

    private static ObjectNode teamworkBadge() throws IOException {
        return (ObjectNode) JSON.readTree(Path.of("src/test/resources/proof-examples/18-proof-verified-badge-key-in-its-url.json").toFile())
                .at("/request/learner/credentials/0");
    }

    private ProofVerifier.Checked check(JsonNode credential) {
        return verifier.check(credential, TrustedIssuers.NONE, () -> false);
    }

    private void assertInvalid(JsonNode credential, String named) {
        ProofVerifier.Checked checked = check(credential);
        assertEquals(Proof.Status.INVALID, checked.proof().status(), checked.toString());
        assertTrue(checked.note().contains(named) && checked.note().contains("the signature would not cover it"), checked.note());
    }

    @Test
    void the_genuine_badge_verifies() throws IOException {
        assertEquals(Proof.Status.VERIFIED, check(teamworkBadge()).proof().status());
    }

    @Test
    void a_grade_added_in_nodes_whose_ids_are_relative_is_invalid() throws IOException {
        ObjectNode badge = teamworkBadge();
        ObjectNode subject = (ObjectNode) badge.get("credentialSubject");
        ((ObjectNode) subject.get("achievement")).putArray("resultDescription").addObject().put("id", "grade").put("name", "Final grade")
                .put("resultType", "LetterGrade").putArray("type").add("ResultDescription");
        subject.putArray("result").addObject().put("id", "my-grade").put("resultDescription", "grade").put("value", "A").putArray("type")
                .add("Result");
        assertInvalid(badge, "the id \"grade\"");
    }

    @Test
    void a_node_added_with_an_id_java_cannot_parse_is_invalid() throws IOException {
        for (String id : new String[] {"https://example.com/a<b>", "urn:x|y", "https://example.com/%zz", "http://[bad"}) {
            ObjectNode badge = teamworkBadge();
            ((ObjectNode) badge.get("credentialSubject")).putObject("image").put("id", id).put("type", "Image");
            assertInvalid(badge, "the id \"" + id + "\"");
        }
    }

    @Test
    void a_value_added_with_a_relative_datatype_or_a_malformed_language_tag_is_invalid() throws IOException {
        ObjectNode typed = teamworkBadge();
        ((ObjectNode) typed.get("credentialSubject")).putObject("name").put("@value", "Someone else").put("@type", "relative");
        assertInvalid(typed, "the datatype \"relative\"");
        ObjectNode tagged = teamworkBadge();
        ((ObjectNode) tagged.get("credentialSubject")).putObject("name").put("@value", "Someone else").put("@language", "en US!");
        assertInvalid(tagged, "the language tag");
    }
}
