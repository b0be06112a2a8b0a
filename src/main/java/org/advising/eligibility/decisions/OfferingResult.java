package org.advising.eligibility.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.nextsteps.NextStep;

/** One result of an answer: the offering's decision and, when the request asked for them, its next steps (NS). */
public record OfferingResult(@JsonUnwrapped OfferingDecision decision,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<NextStep> nextSteps) {
}
