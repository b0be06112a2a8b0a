package org.advising.eligibility.engine.prove;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.advising.eligibility.model.Admission;
import org.advising.eligibility.model.Credential;
import org.advising.eligibility.model.CredentialRecord;
import org.advising.eligibility.model.CreditTransfer;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.Transfer;

/**
 * One case of a scenario file in rules/tests: facts in (the same fields as the API, with the
 * {@code asOf} date the case is evaluated as of and optional {@code receivingInstitutions}), and
 * per offering id what the answer must be. {@code credentialRecords} (optional) says which records
 * of {@code learner.records} the service would have read from a credential, whose issuer and
 * whether it authenticated that issuer (LC-9): what TR-9 reads, stated as data since scenarios
 * carry no credentials. There is no default date: a case evaluated as of today
 * would change its answer as the calendar passes a dated entry, so the scenario runner refuses a
 * case whose {@code asOf} is null. Every expected field is optional; {@code policies} must
 * all appear among the offering's conclusions (their own policy or what they are based on) and
 * {@code absentPolicies} must not; {@code transfers} gives per institution id the expected
 * transfer, and {@code institutions} the expected totals per institution id.
 */
public record Scenario(String name, LocalDate asOf, Learner learner, List<Offering> offerings, List<String> receivingInstitutions,
        List<FromCredential> credentialRecords, Map<String, Expected> expect, Map<String, Totals> institutions) {

    /** A record of the case's learner that a credential gave: its offering, the credential's issuer id, whether the issuer was authenticated. */
    public record FromCredential(String offeringId, String issuer, Boolean issuerAuthenticated) {
    }

    /** The facts the rules read for {@link #credentialRecords} (none when the case states none). */
    public List<CredentialRecord> credentialRecordFacts() {
        return credentialRecords == null ? List.of() : credentialRecords.stream()
                .map(each -> new CredentialRecord(each.offeringId(), each.issuer(), Boolean.TRUE.equals(each.issuerAuthenticated())))
                .toList();
    }

    public record Expected(Boolean accredited, Credential credential, CreditTransfer transfersCredit,
            Admission degreeAdmission, Boolean industryCertification, List<String> policies, List<String> absentPolicies,
            Map<String, ExpectedTransfer> transfers) {
    }

    /** A transfer at one institution: its outcome, hours and the policy of its TRANSFER conclusion, each optional. */
    public record ExpectedTransfer(Transfer outcome, BigDecimal semesterHours, String policy) {
    }

    /** An institution's totals over the case's offerings, each optional. */
    public record Totals(BigDecimal acceptedSemesterHours, BigDecimal expectedSemesterHours) {
    }
}
