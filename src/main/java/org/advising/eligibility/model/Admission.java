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
}
