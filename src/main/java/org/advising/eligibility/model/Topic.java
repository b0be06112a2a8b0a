package org.advising.eligibility.model;

/** The question a conclusion answers. Every topic but ADVICE backs one summary field. */
public enum Topic {
    ACCREDITATION,
    CREDENTIAL,
    CREDIT,
    ADMISSION,
    INDUSTRY_CERTIFICATION,
    ADVICE
}
