package org.advising.eligibility.engine.activate;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one attempt to (re)load the rules folder: ACTIVATED (now serving), UNCHANGED
 * (same files as the active rulebase) or REFUSED (the last good rulebase keeps serving), with
 * every compile error as file:line: message and every failing scenario. {@code fromCache} is true
 * when the rulebase activated was proven before and taken from the rulebase cache.
 */
public record ReloadAttempt(Instant at, String trigger, Outcome outcome, String version, List<String> errors,
        List<String> failingScenarios, boolean fromCache) {

    public ReloadAttempt(Instant at, String trigger, Outcome outcome, String version, List<String> errors, List<String> failingScenarios) {
        this(at, trigger, outcome, version, errors, failingScenarios, false);
    }

    public enum Outcome {
        ACTIVATED,
        UNCHANGED,
        REFUSED
    }
}
