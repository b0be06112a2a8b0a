package org.advising.eligibility.engine.compile;

import java.io.Serializable;

/**
 * One rule of a rulebase as a policy author sees it: where it is and which statement it implements.
 * {@code line} is the line of a DRL rule, or the row of a decision table's rule; {@code row} is set
 * only for a table's rule, and {@code sheet} only for one in a workbook (.xlsx).
 */
public record RuleInfo(String name, String policy, String description, String file, int line, String sheet, Integer row)
        implements Serializable {

    /** A rule of a DRL file. */
    public RuleInfo(String name, String policy, String description, String file, int line) {
        this(name, policy, description, file, line, null, null);
    }
}
