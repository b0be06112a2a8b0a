package org.advising.eligibility.engine.compile;

import java.io.Serializable;

/**
 * One rule of a rulebase as a policy author sees it: where it is and which statement it implements.
 * {@code line} is the line of a DRL rule, or the row of a decision table's rule; {@code row} is set
 * only for a table's rule, and {@code sheet} only for one in a workbook (.xlsx). {@code salience}
 * places it in its topic's order: the higher first (0 when the rule states none).
 */
public record RuleInfo(String name, String policy, String description, String file, int line, String sheet, Integer row,
        int salience) implements Serializable {

    /** A rule without salience. */
    public RuleInfo(String name, String policy, String description, String file, int line, String sheet, Integer row) {
        this(name, policy, description, file, line, sheet, row, 0);
    }

    /** A rule of a DRL file, without salience. */
    public RuleInfo(String name, String policy, String description, String file, int line) {
        this(name, policy, description, file, line, null, null, 0);
    }
}
