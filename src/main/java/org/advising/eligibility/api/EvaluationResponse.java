package org.advising.eligibility.api;

import java.time.Instant;
import java.util.List;
import org.advising.eligibility.engine.OfferingDecision;

/** The answer to an evaluation: one result per offering, in request order, and the rulebase that decided. */
public record EvaluationResponse(String learnerId, RulebaseVersion rulebase, List<OfferingDecision> results) {

    /** Which rule files decided (a content hash) and when they were loaded. */
    public record RulebaseVersion(String version, Instant loadedAt) {
    }
}
