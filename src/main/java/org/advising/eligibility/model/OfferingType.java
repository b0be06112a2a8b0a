package org.advising.eligibility.model;

/** The five kinds of offering a learner can enrol in. The label is how reasons name them. */
public enum OfferingType {
    COURSE("course"),
    SPECIALIZATION("specialization"),
    MASTERTRACK("MasterTrack"),
    DEGREE("degree"),
    PROFESSIONAL_CERTIFICATE("professional certificate");

    private final String label;

    OfferingType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
