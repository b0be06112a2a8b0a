package org.advising.eligibility.engine.evaluate;

import java.time.Duration;

/**
 * The rules ran past the evaluation's time limit and were stopped. It may be an overloaded
 * machine or a slow rule; the rule firing when time ran out is named for policy staff.
 */
public class EvaluationTimeoutException extends RuntimeException {

    public EvaluationTimeoutException(Duration limit, int firings, String lastRule) {
        super("the rules took longer than " + limit.toMillis() + " ms and were stopped after " + firings
                + (firings == 1 ? " firing" : " firings") + "; the last rule fired was \"" + lastRule + "\"", null, false, false);
    }
}
