package org.advising.eligibility.model;

/** Answers to "will it transfer to this institution?" (topic TRANSFER, one per offering and institution). */
public enum Transfer implements Outcome {
    /** Completed and within the institution's policy: the hours are awarded. */
    ACCEPTED,
    /** Not completed yet: accepted once completed as the reason says, for the hours it would bring. */
    EXPECTED,
    /** The institution's runner decides from documents; no hours. */
    REVIEW,
    NOT_ACCEPTED;

    @Override
    public Topic topic() {
        return Topic.TRANSFER;
    }

    /** How good for the learner (NS-3, TO-2): not accepted, review, expected, accepted. A new value must say where it ranks. */
    public int rank() {
        return switch (this) {
            case NOT_ACCEPTED -> 0;
            case REVIEW -> 1;
            case EXPECTED -> 2;
            case ACCEPTED -> 3;
        };
    }

    /** Whether the institution takes the hours, now or once completed (TO-2's match). */
    public boolean matches() {
        return this == ACCEPTED || this == EXPECTED;
    }
}
