package org.advising.eligibility.model;

/** An answer a rule can give; each kind of answer belongs to one topic. */
public interface Outcome {

    Topic topic();

    String name();
}
