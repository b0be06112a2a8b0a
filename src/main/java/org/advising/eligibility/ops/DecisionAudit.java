package org.advising.eligibility.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.engine.evaluate.TracedConclusion;
import org.advising.eligibility.model.Admission;
import org.advising.eligibility.model.Credential;
import org.advising.eligibility.model.CreditTransfer;
import org.jboss.logging.Logger;

/**
 * The decision audit log: one JSON line per evaluation on the log category {@code eligibility.audit}.
 * It records what was decided and by which rules, never what the learner sent: the learner id
 * only as a keyed hash (HMAC-SHA256 with {@code eligibility.audit.learner-key}), or not at all
 * when no key is configured.
 */
@ApplicationScoped
public class DecisionAudit {

    public static final String CATEGORY = "eligibility.audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final ObjectMapper json;
    private final Optional<SecretKeySpec> learnerKey;

    public DecisionAudit(ObjectMapper json, EligibilityConfig config) {
        this.json = json;
        this.learnerKey = config.audit().learnerKey().filter(key -> !key.isBlank())
                .map(key -> new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(Instant time, String requestId, String rulebase, LocalDate asOf, String learner, double durationMs,
            List<String> credentials, List<Offering> offerings) {
    }

    /** A transfer-options request's line: the institutions ranked and the best options' hours, no learner data. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OptionsLine(Instant time, String requestId, String endpoint, String rulebase, LocalDate asOf, String learner, double durationMs,
            List<String> credentials, List<String> offerings, int institutionsConsidered, List<RankedOption> options) {
    }

    /** One institution of a ranking as the audit keeps it: its id and the hours it would take. */
    public record RankedOption(String institution, BigDecimal acceptedSemesterHours, BigDecimal expectedSemesterHours) {
    }

    record Offering(String offeringId, boolean accredited, Credential credential, CreditTransfer transfersCredit,
            Admission degreeAdmission, boolean industryCertification, List<String> policies) {
    }

    /**
     * The line of one evaluation; of the learner's credentials (null when it sent none) only what
     * each became ({@code credentialUses}: RECORD, NO_OFFERING, ...), never what they say (names,
     * e-mail addresses, identifiers).
     */
    public void record(String requestId, String rulebaseVersion, LocalDate asOf, String learnerId, List<String> credentialUses,
            RulebaseAnswer evaluation, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        List<Offering> offerings = evaluation.decisions().stream().map(DecisionAudit::offering).toList();
        Line line = new Line(Instant.now(), requestId, rulebaseVersion, asOf, learnerKey.map(key -> pseudonym(key, learnerId)).orElse(null),
                nanos / 1e6, credentialUses, offerings);
        write(line);
    }

    /** The line of one transfer-options request: its offering ids, how many institutions were ranked, and the best (as answered). */
    public void recordTransferOptions(String requestId, String rulebaseVersion, LocalDate asOf, String learnerId, List<String> credentialUses,
            List<String> offeringIds, int considered, List<RankedOption> options, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        OptionsLine line = new OptionsLine(Instant.now(), requestId, "transfer-options", rulebaseVersion, asOf,
                learnerKey.map(key -> pseudonym(key, learnerId)).orElse(null), nanos / 1e6, credentialUses, offeringIds, considered, options);
        write(line);
    }

    private void write(Object line) {
        try {
            LOG.info(json.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.warn("An audit line could not be written: " + e.getOriginalMessage());
        }
    }

    private static Offering offering(OfferingDecision decision) {
        return new Offering(decision.offeringId(), decision.accredited(), decision.credential(), decision.transfersCredit(),
                decision.degreeAdmission(), decision.industryCertification(),
                decision.conclusions().stream().map(TracedConclusion::policy).toList());
    }

    static String pseudonym(SecretKeySpec key, String learnerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(learnerId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
