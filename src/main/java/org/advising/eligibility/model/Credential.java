package org.advising.eligibility.model;

/** Answers to "what does the learner hold on completion?" */
public enum Credential implements Outcome {
    NONE,
    PLATFORM_CERTIFICATE,
    UNIVERSITY_CERTIFICATE,
    DEGREE_AND_TRANSCRIPT;

    @Override
    public Topic topic() {
        return Topic.CREDENTIAL;
    }

    /** How good for the learner (NS-3): no credential below any credential, which rank alike. */
    public int rank() {
        return this == NONE ? 0 : 1;
    }
}
