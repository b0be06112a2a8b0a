package org.advising.eligibility.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.credentials.CredentialReading;
import org.advising.eligibility.engine.evaluate.InstitutionTotals;

/**
 * The answer to an evaluation: the date it was made as of, the rulebase that decided, the totals
 * per receiving institution (only when the request named institutions), the reading of each of the
 * learner's credentials (only when it sent some) and one result per offering, in request order.
 */
public record EvaluationResponse(String learnerId, LocalDate asOf, RulebaseVersion rulebase,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<InstitutionTotals> institutions,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CredentialReading> credentials, List<OfferingResult> results) {

    /** Which rule files decided (a content hash) and when they were loaded. */
    public record RulebaseVersion(String version, Instant loadedAt) {
    }
}
