package org.advising.eligibility.decisions;

import java.util.concurrent.RejectedExecutionException;

/** A request refused without being run, because the workers it needs cannot take it within its budget (503 busy). */
public class BusyException extends RejectedExecutionException {

    public BusyException(String detail) {
        super(detail);
    }
}
