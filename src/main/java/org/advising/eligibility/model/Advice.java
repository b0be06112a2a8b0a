package org.advising.eligibility.model;

/** The outcome of an advising note: it adds to a result and never changes a summary field. */
public enum Advice implements Outcome {
    ADVICE;

    @Override
    public Topic topic() {
        return Topic.ADVICE;
    }
}
