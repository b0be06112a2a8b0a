package org.advising.eligibility.decisions;

/** A request body over the service's size limit. */
public class PayloadTooLargeException extends RuntimeException {

    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("The request body is over the limit of " + limitBytes + " bytes.", null, false, false);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
