package org.advising.eligibility.engine.evaluate;

/**
 * The request's budget ran out (or its client went away) and its work was stopped. It may be an
 * overloaded machine or a slow rule; the rule firing when time ran out is named for policy staff.
 */
public class EvaluationTimeoutException extends RuntimeException {

    public EvaluationTimeoutException(Deadline deadline, int firings, String lastRule) {
        super((deadline.abandoned() ? "the client went away; the rules were stopped after "
                : "the rules took longer than " + deadline.limit().toMillis() + " ms and were stopped after ") + firings
                + (firings == 1 ? " firing" : " firings") + "; the last rule fired was \"" + lastRule + "\"", null, false, false);
    }

    public EvaluationTimeoutException(Deadline deadline, String stage) {
        super((deadline.abandoned() ? "the client went away before " : "the request's " + deadline.limit().toMillis()
                + " ms had passed before ") + stage, null, false, false); // time queued counts: the budget is the request's
    }
}
