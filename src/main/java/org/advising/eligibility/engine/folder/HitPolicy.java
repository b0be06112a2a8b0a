package org.advising.eligibility.engine.folder;

/**
 * How the rules of one topic decide (PR-1), declared beside the topic in topicOrder. Only rules that
 * draw the topic's answer take part; rules that derive a fact fire whenever they hold.
 */
public enum HitPolicy {
    /** For one offering (and institution), the first rule in the topic's order whose conditions hold decides; the others are overruled. */
    FIRST,
    /** At most one rule may hold for one offering (and institution): two that hold are a rulebase defect naming both. */
    UNIQUE,
    /** Every rule that holds concludes. */
    COLLECT
}
