package org.advising.eligibility.decisions;

import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.options.TransferOption;

/**
 * The answer of POST /api/v1/transfer-options: the date it was made as of, the rulebase that
 * decided, how many institutions were in effect then, and the best of their options, ranked (TO-3).
 */
public record TransferOptionsResponse(String learnerId, LocalDate asOf, EvaluationResponse.RulebaseVersion rulebase,
        int institutionsConsidered, List<TransferOption> options) {
}
