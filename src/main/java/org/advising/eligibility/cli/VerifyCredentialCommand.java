package org.advising.eligibility.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.credentials.CredentialParser;
import org.advising.eligibility.credentials.CredentialReader;
import org.advising.eligibility.credentials.proof.Proof;
import org.advising.eligibility.credentials.proof.ProofVerifier;
import org.advising.eligibility.decisions.DecisionService;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.folder.TrustedIssuers;

/**
 * {@code verify-credential FILE [--rules DIR]}: checks the proofs of a credential file offline, as
 * the service does (LC-8, LC-9), for a registrar at the command line: an Open Badges 3.0 or CLR 2.0
 * credential (a CLR's credentials each in turn) or a list of them; keys from the trusted issuers of
 * the rules folder (the settings' folder unless {@code --rules} names one). Prints, per credential,
 * its proof's status, where its key came from, whether its issuer is confirmed and why not. Exit 0
 * when every proof is VERIFIED, 1 when one is not, 2 when the rules folder's trusted issuers do not
 * read, 64 when the command is misused or the file is not JSON.
 */
public final class VerifyCredentialCommand {

    private VerifyCredentialCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (!(args.length == 1 || args.length == 3 && args[1].equals("--rules")) || args[0].startsWith("--")) {
            err.println("usage: verify-credential FILE [--rules DIR]");
            return 64;
        }
        Path file = Path.of(args[0]);
        JsonNode document;
        try {
            if (Files.size(file) > MAX_FILE) {
                err.println(file + ": " + Files.size(file) + " bytes; a credential file may have at most " + MAX_FILE);
                return 64;
            }
            document = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            err.println(file + ": not JSON (" + e.getOriginalMessage() + ")");
            return 64;
        } catch (IOException e) {
            err.println(file + ": cannot be read (" + e.getMessage() + ")");
            return 64;
        }
        EligibilityConfig config = Standalone.configuration();
        Path rules = args.length == 3 ? Path.of(args[2]) : config.rules().folder();
        TrustedIssuers issuers;
        try {
            issuers = trustedIssuers(rules);
        } catch (RulebaseException e) {
            err.println(e.getMessage());
            return 2;
        }
        ProofVerifier verifier = DecisionService.verifier(config);
        List<JsonNode> credentials = document.isArray() ? List.copyOf(iterable(document)) : List.of(document);
        boolean allVerified = true;
        for (int i = 0; i < credentials.size(); i++) {
            String path = document.isArray() ? "[" + i + "]" : "credential";
            JsonNode credential = credentials.get(i);
            if (!credential.isObject()) {
                out.println(path + ": not a credential (a JSON object)");
                allVerified = false;
                continue;
            }
            ProofVerifier.Checked checked = verifier.check(credential, issuers, () -> false);
            allVerified &= print(out, path, credential, checked.proof(), checked.note());
            JsonNode inside = credential.path("credentialSubject").path("verifiableCredential");
            for (int j = 0; j < inside.size(); j++) {
                JsonNode held = inside.get(j);
                String heldPath = path + ".credentialSubject.verifiableCredential[" + j + "]";
                if (!held.isObject()) {
                    out.println(heldPath + ": not a credential (a JSON object)");
                    allVerified = false;
                } else if (held.has("proof")) {
                    ProofVerifier.Checked own = verifier.check(held, issuers, () -> false);
                    allVerified &= print(out, heldPath, held, own.proof(), own.note());
                } else {
                    String issuer = CredentialParser.issuerId(held);
                    ProofVerifier.Checked clr = checked.heldBy(path, issuer != null && issuer.equals(CredentialParser.issuerId(credential)));
                    allVerified &= print(out, heldPath, held, clr.proof(), clr.note());
                }
            }
        }
        return allVerified ? 0 : 1;
    }

    /** The largest credential file read (the service's body limit is 1 MB). */
    static final long MAX_FILE = 4L << 20;

    private static TrustedIssuers trustedIssuers(Path rules) throws RulebaseException {
        return TrustedIssuers.read(RulesFolder.read(rules).trustedIssuers());
    }

    private static boolean print(PrintStream out, String path, JsonNode credential, Proof proof, String note) {
        out.println(path + ": " + name(credential));
        out.println("  proof: " + proof.status() + (proof.type() == null ? "" : " (" + proof.type()
                + (proof.cryptosuite() == null ? "" : " " + proof.cryptosuite()) + ")")
                + (proof.from() == Proof.From.CLR ? ", the CLR's" : ""));
        if (proof.verificationMethod() != null) {
            out.println("  key: " + proof.verificationMethod() + (proof.keyFrom() == null ? ", found nowhere offline" : ", from " + proof.keyFrom()));
        }
        out.println("  issuer " + (proof.issuerAuthenticated() ? "confirmed" : "not confirmed") + ": "
                + (CredentialParser.issuerId(credential) == null ? "(no issuer id)" : CredentialParser.issuerId(credential)));
        if (note != null) {
            out.println("  " + note);
        }
        if (credential.has("credentialStatus")) {
            out.println("  Its status list (credentialStatus) was not read: whether it was revoked was not checked.");
        }
        return proof.status() == Proof.Status.VERIFIED;
    }

    private static String name(JsonNode credential) {
        JsonNode name = credential.path("credentialSubject").path("achievement").path("name");
        String title = name.isTextual() ? name.asText() : credential.path("name").asText("(no name)");
        JsonNode issuer = credential.path("issuer");
        String by = issuer.isTextual() ? issuer.asText() : issuer.path("name").asText(issuer.path("id").asText("(no issuer)"));
        return "\"" + title + "\" issued by " + by;
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
