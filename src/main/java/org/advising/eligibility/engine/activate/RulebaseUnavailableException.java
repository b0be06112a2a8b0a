package org.advising.eligibility.engine.activate;

/** No rulebase is active yet, so no evaluation can be answered. */
public class RulebaseUnavailableException extends RuntimeException {

    public RulebaseUnavailableException() {
        super("No rulebase is loaded yet", null, false, false);
    }
}
