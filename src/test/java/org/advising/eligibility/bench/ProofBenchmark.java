package org.advising.eligibility.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.advising.eligibility.credentials.proof.BundledContexts;
import org.advising.eligibility.credentials.proof.Proof;
import org.advising.eligibility.credentials.proof.ProofVerifier;
import org.advising.eligibility.credentials.proof.TestSigner;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of checking proofs (LC-8), nothing kept between checks: 1EdTech's Teamwork badge (one
 * eddsa-rdfc-2022 proof), and a CLR of 7 such badges each signed by its issuer, itself signed (8
 * proofs, the CLR's canonicalized with the 7 others inside it). Run by {@link PerformanceBenchmarkIT}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProofBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProofVerifier verifier;
    private JsonNode badge;
    private JsonNode clr;

    @Setup(Level.Trial)
    public void signTheCredentials() throws IOException {
        verifier = new ProofVerifier(BundledContexts.shipped(), ProofVerifier.DEFAULT_MAX_WORK, 0); // nothing kept: every check is made
        badge = JSON.readTree(Path.of("src/test/resources/proof-examples/18-proof-verified-badge-key-in-its-url.json").toFile())
                .at("/request/learner/credentials/0");
        clr = clrOfSignedBadges(7);
        for (JsonNode credential : new JsonNode[] {badge, clr}) {
            Proof.Status status = verifier.check(credential, TrustedIssuers.NONE, () -> false).proof().status();
            if (status != Proof.Status.VERIFIED) {
                throw new IllegalStateException("the benchmark's credential is " + status + ", not VERIFIED");
            }
        }
    }

    /** A CLR (example 21's) holding {@code count} Teamwork badges, each for its own achievement and signed by its issuer, then signed. */
    public static JsonNode clrOfSignedBadges(int count) throws IOException {
        ObjectNode clr = (ObjectNode) JSON.readTree(Path.of("src/test/resources/proof-examples/21-proof-clr-holding-a-signed-badge.json").toFile())
                .at("/request/learner/credentials/0");
        ObjectNode template = (ObjectNode) clr.at("/credentialSubject/verifiableCredential/0").deepCopy();
        template.remove("proof");
        var badges = ((ObjectNode) clr.get("credentialSubject")).putArray("verifiableCredential");
        TestSigner issuer = new TestSigner(21);
        for (int i = 0; i < count; i++) {
            ObjectNode badge = template.deepCopy();
            badge.put("id", "http://example.com/credentials/" + (3600 + i));
            ((ObjectNode) badge.at("/credentialSubject/achievement")).put("id", "https://example.com/achievements/course-" + i)
                    .put("name", "Course " + i);
            ((ObjectNode) badge.get("issuer")).put("id", issuer.didKey());
            badges.add(issuer.sign(badge, issuer.didKey()));
        }
        clr.remove("proof");
        TestSigner university = new TestSigner(22);
        ((ObjectNode) clr.get("issuer")).put("id", university.didKey());
        return university.sign(clr, university.didKey());
    }

    @Benchmark
    public ProofVerifier.Checked badge() {
        return verifier.check(badge, TrustedIssuers.NONE, () -> false);
    }

    @Benchmark
    public ProofVerifier.Checked clrWithEightProofs() {
        ProofVerifier.Checked checked = verifier.check(clr, TrustedIssuers.NONE, () -> false);
        for (JsonNode held : clr.at("/credentialSubject/verifiableCredential")) {
            checked = verifier.check(held, TrustedIssuers.NONE, () -> false);
        }
        return checked;
    }
}
