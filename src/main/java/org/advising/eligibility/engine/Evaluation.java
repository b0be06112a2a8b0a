package org.advising.eligibility.engine;

import java.util.List;
import java.util.Map;

/** The outcome of one evaluation: a decision per offering, in request order, and how often each rule fired. */
public record Evaluation(List<OfferingDecision> decisions, Map<String, Integer> firingsByRule) {
}
