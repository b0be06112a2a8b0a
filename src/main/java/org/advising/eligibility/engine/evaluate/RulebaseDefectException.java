package org.advising.eligibility.engine.evaluate;

import java.util.List;

/**
 * The rules, not the request, are wrong: a summary field was backed by no conclusion or by
 * several, or the rules kept firing past the limit. Each {@link RulebaseDefect} names the offering,
 * the topic and the rules with their files and lines.
 */
public class RulebaseDefectException extends RuntimeException {

    private final List<RulebaseDefect> found;

    public RulebaseDefectException(List<? extends RulebaseDefect> found) {
        super("Rulebase defect: " + String.join("; ", found.stream().map(RulebaseDefect::message).toList()), null, false, false);
        this.found = List.copyOf(found);
    }

    /** The defects, located. */
    public List<RulebaseDefect> found() {
        return found;
    }

    /** Each defect in one sentence (the problem's {@code defects}). */
    public List<String> defects() {
        return found.stream().map(RulebaseDefect::message).toList();
    }
}
