package org.advising.eligibility.model;

/** Answers to "does it lead to degree admission?" */
public enum Admission implements Outcome {
    ELIGIBLE,
    PATHWAY,
    NOT_ELIGIBLE,
    NOT_APPLICABLE;

    @Override
    public Topic topic() {
        return Topic.ADMISSION;
    }

    /** How good for the learner (NS-3): not eligible, pathway, eligible; empty for NOT_APPLICABLE, which NS does not rank. */
    public java.util.OptionalInt rank() {
        return switch (this) {
            case NOT_ELIGIBLE -> java.util.OptionalInt.of(0);
            case PATHWAY -> java.util.OptionalInt.of(1);
            case ELIGIBLE -> java.util.OptionalInt.of(2);
            case NOT_APPLICABLE -> java.util.OptionalInt.empty();
        };
    }
}
