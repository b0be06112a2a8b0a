package org.advising.eligibility.decisions;

/** A request's work ended with a {@link Refusal}: what the outer layers turn into the client's answer. */
public class RefusedException extends RuntimeException {

    private final Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.code().slug() + ": " + refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
