package org.advising.eligibility.engine.folder;

import java.util.List;

/**
 * A rules folder that cannot become a rulebase. {@link #errors()} lists every problem as
 * {@code file:line: message}, ready to show to a policy author.
 */
public class RulebaseException extends RuntimeException {

    private final List<String> errors;

    public RulebaseException(String error) {
        this(List.of(error));
    }

    public RulebaseException(List<String> errors) {
        super("The rules cannot be loaded (" + count(errors) + "):\n  "
                + String.join("\n  ", errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }

    /** "1 error", "3 errors". */
    public String count() {
        return count(errors);
    }

    private static String count(List<String> errors) {
        return errors.size() + (errors.size() == 1 ? " error" : " errors");
    }
}
