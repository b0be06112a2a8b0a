package org.advising.eligibility.engine;

/** One rule of a rulebase as a policy author sees it: where it is and which statement it implements. */
public record RuleInfo(String name, String policy, String description, String file, int line) {
}
