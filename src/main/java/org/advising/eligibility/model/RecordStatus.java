package org.advising.eligibility.model;

/** Where a learner stands in an offering. */
public enum RecordStatus {
    ENROLLED,
    COMPLETED,
    WITHDRAWN
}
