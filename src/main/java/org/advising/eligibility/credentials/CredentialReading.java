package org.advising.eligibility.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.credentials.proof.Proof;
import org.advising.eligibility.model.CreditRecommendation;

/**
 * What the service read from one achievement credential (LC): where it sits in the request, what
 * it is about, what became of it ({@link Use}), the record and recommendation it gave, and notes an
 * advisor can read, among them why its proof is not VERIFIED. {@code proofChecked} is true exactly
 * when its proof is VERIFIED (LC-8).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialReading(String path, String achievementId, String name, String issuer, Use use, String offeringId,
        Record record, CreditRecommendation creditRecommendation, boolean proofChecked, Proof proof, List<String> notes) {

    /** What a credential became. */
    public enum Use {
        /** The learner's record for the offering of the same achievement (LC-2). */
        RECORD,
        /** No offering of the request names its achievement (LC-6). */
        NO_OFFERING,
        /** The offering already has a record, from learner.records or an earlier credential (LC-6). */
        DUPLICATE,
        /** Not valid on the as-of date (LC-4). */
        NOT_VALID,
        /** Its proof does not hold (LC-10): it gives no record, decided before the uses above. */
        INVALID_PROOF
    }

    /** The record a credential gave, every field shown (a grade that did not read is null). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Record(String status, boolean certificatePurchased, Double gpa, LocalDate completedOn) {
    }
}
