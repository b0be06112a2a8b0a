package org.advising.eligibility.model;

/** Answers to "is this offering accredited?" */
public enum Accreditation implements Outcome {
    ACCREDITED,
    NOT_ACCREDITED;

    @Override
    public Topic topic() {
        return Topic.ACCREDITATION;
    }
}
