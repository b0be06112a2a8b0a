package org.advising.eligibility.engine.evaluate;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one evaluation: a decision per offering, in request order, the totals per receiving
 * institution (null when the request named none) and how often each rule fired to some effect (a
 * firing whose conclusion was overruled by a rule before it in its topic is not counted).
 */
public record RulebaseAnswer(List<OfferingDecision> decisions, List<InstitutionTotals> institutions, Map<String, Integer> firingsByRule) {
}
