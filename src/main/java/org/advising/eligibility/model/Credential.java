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
}
