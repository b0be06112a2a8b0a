package org.advising.eligibility.engine.evaluate;

import java.util.List;

/**
 * The rules, not the request, are wrong: a summary field was backed by no conclusion or by
 * several, or the rules kept firing past the limit. Each defect names what went wrong and where.
 */
public class RulebaseDefectException extends RuntimeException {

    private final List<String> defects;

    public RulebaseDefectException(List<String> defects) {
        super("Rulebase defect: " + String.join("; ", defects), null, false, false);
        this.defects = List.copyOf(defects);
    }

    public List<String> defects() {
        return defects;
    }
}
