package org.advising.eligibility.model;

/**
 * The record of an offering that the service read from a learner's credential (LC-2), and whether
 * the credential's issuer was authenticated by its proof (LC-9): what TR-9 reads. Records typed into
 * {@code learner.records} have none.
 */
public record CredentialRecord(String offeringId, String issuer, boolean issuerAuthenticated) {
}
