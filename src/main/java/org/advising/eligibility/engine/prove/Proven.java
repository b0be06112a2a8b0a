package org.advising.eligibility.engine.prove;

import org.advising.eligibility.engine.compile.Rulebase;

/** A rulebase that passed its scenarios, with how much of it they exercised. */
public record Proven(Rulebase rulebase, RuleCoverage coverage) {
}
