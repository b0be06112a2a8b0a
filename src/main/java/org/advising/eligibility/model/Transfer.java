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
}
