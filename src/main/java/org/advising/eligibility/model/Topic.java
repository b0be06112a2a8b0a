package org.advising.eligibility.model;

/**
 * The question a conclusion answers. ACCREDITATION to INDUSTRY_CERTIFICATION each back one summary
 * field; TRANSFER backs one entry of transfers[] per institution; ADVICE backs nothing.
 */
public enum Topic {
    ACCREDITATION,
    CREDENTIAL,
    CREDIT,
    ADMISSION,
    INDUSTRY_CERTIFICATION,
    TRANSFER,
    ADVICE
}
