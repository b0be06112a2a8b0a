package org.advising.eligibility.model;

/** Answers to "does it confer an industry or professional certification?" */
public enum IndustryCertification implements Outcome {
    CONFERRED,
    NOT_CONFERRED;

    @Override
    public Topic topic() {
        return Topic.INDUSTRY_CERTIFICATION;
    }
}
