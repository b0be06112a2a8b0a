package org.advising.eligibility.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.credentials.CredentialReading;
import org.advising.eligibility.options.TransferOption;

/**
 * The answer of POST /api/v1/transfer-options: the date it was made as of, the rulebase that
 * decided, how many institutions were in effect then, and the best of their options, ranked (TO-3).
 */
public record TransferOptionsResponse(String learnerId, LocalDate asOf, EvaluationResponse.RulebaseVersion rulebase,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CredentialReading> credentials, int institutionsConsidered,
        List<TransferOption> options) {
}
