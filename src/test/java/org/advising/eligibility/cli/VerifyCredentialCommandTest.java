package org.advising.eligibility.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify-credential FILE}: what a registrar sees, and the exit codes, for a verified CLR, a changed badge and misuse. */
class VerifyCredentialCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path credentialOf(String example) throws IOException {
        Path file = work.resolve(example);
        Files.writeString(file, JSON.readTree(Path.of("src/test/resources/proof-examples", example).toFile())
                .at("/request/learner/credentials/0").toString());
        return file;
    }

    private record Run(int exit, List<String> out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCredentialCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_clr_and_the_badge_inside_it_are_verified_and_the_exit_is_0() throws IOException {
        Run run = run(credentialOf("21-proof-clr-holding-a-signed-badge.json").toString(), "--rules", "rules");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(
                "credential: \"Sample Transcript\" issued by Example University",
                "  proof: VERIFIED (DataIntegrityProof eddsa-rdfc-2022)",
                "  key: https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi, from FRAGMENT",
                "  issuer not confirmed: https://example.edu/issuers/565049"),
                run.out().subList(0, 4));
        assertEquals("credential.credentialSubject.verifiableCredential[0]: \"Teamwork\" issued by Example Corp", run.out().get(5));
        assertEquals("  proof: VERIFIED (DataIntegrityProof eddsa-rdfc-2022)", run.out().get(6));
    }

    @Test
    void a_changed_badge_is_invalid_and_the_exit_is_1_a_misused_command_64() throws IOException {
        Run changed = run(credentialOf("22-proof-changed-badge-and-the-genuine-one.json").toString());
        assertEquals(1, changed.exit());
        assertEquals("  proof: INVALID (DataIntegrityProof eddsa-rdfc-2022)", changed.out().get(1));
        assertEquals("  Its proof does not hold: the signature does not match the credential as sent, so it was changed after it was "
                + "signed (or signed with another key).", changed.out().get(4));
        assertEquals(64, run().exit());
        assertEquals("usage: verify-credential FILE [--rules DIR]\n", run("--rules", "rules").err());
        Path notJson = work.resolve("not.json");
        Files.writeString(notJson, "{\"proof\": ");
        Run broken = run(notJson.toString());
        assertEquals(64, broken.exit());
        assertEquals(true, broken.err().startsWith(notJson + ": not JSON ("), broken.err());
    }
}
