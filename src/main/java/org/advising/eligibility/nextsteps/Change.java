package org.advising.eligibility.nextsteps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One answer of the request that a move changes: which offering and answer ({@code credential},
 * {@code transfersCredit}, {@code degreeAdmission} or {@code transfer} at an {@code institution},
 * which also carries both hours), its value now and then, the statement that would decide it then,
 * and whether that is better, worse or neither.
 */
public record Change(
        String offeringId,
        String answer,
        @JsonInclude(JsonInclude.Include.NON_NULL) String institution,
        String now,
        String then,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal nowSemesterHours,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal thenSemesterHours,
        String policy,
        Effect effect) {
}
