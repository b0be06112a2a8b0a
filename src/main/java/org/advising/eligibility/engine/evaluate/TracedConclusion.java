package org.advising.eligibility.engine.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.advising.eligibility.model.Topic;

/**
 * A conclusion as the service reports it: what was concluded and why, which rule in which file
 * drew it under which policy statement, and {@code basedOn}, the policy ids of the earlier
 * conclusions and findings that rule relied on. A conclusion about a receiving institution names
 * it ({@code institution}); a TRANSFER conclusion gives its {@code semesterHours}. {@code line} is
 * where the rule starts in its file, so an answer leads straight to it; a conclusion drawn by a row of
 * a decision table names the {@code row} (and the {@code sheet} of a workbook, which has no lines).
 * {@code overruled} lists, in the topic's order, the rules of the topic that held for the same
 * offering (and institution) but were outranked by this one (PR-3), each with what it would have
 * concluded; it is absent when none was.
 */
public record TracedConclusion(
        Topic topic,
        @JsonInclude(JsonInclude.Include.NON_NULL) String institution,
        String outcome,
        String policy,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal semesterHours,
        String rule,
        String file,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer line,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sheet,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer row,
        String reason,
        List<String> basedOn,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Overruled> overruled) {

    /** A rule that held but was outranked (PR-3): where it is, and the outcome and reason it would have given. */
    public record Overruled(
            String policy,
            String rule,
            String file,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer line,
            @JsonInclude(JsonInclude.Include.NON_NULL) String sheet,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer row,
            String outcome,
            String reason) {
    }
}
