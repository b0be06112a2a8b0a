package org.advising.eligibility.model;

/**
 * The record of an offering that the service read from a learner's credential (LC-2), and whether
 * the credential's issuer was authenticated by its proof (LC-9): what TR-9 reads. Records typed into
 * {@code learner.records} have none.
 */
public record CredentialRecord(String offeringId, String issuer, boolean issuerAuthenticated) {

    /**
     * {@link #issuer()} as the rules name it ({@code CredentialRecord( $issuer : issuer )}): the rule
     * engine reads a method whose name starts with "is" as the getter of a property named after the
     * rest ("suer"), so a record accessor such as {@code issuer()} is not found by its own name.
     */
    public String getIssuer() {
        return issuer;
    }

    /** {@link #issuerAuthenticated()} as the rules name it ({@code issuerAuthenticated == false}), for the same reason. */
    public boolean isIssuerAuthenticated() {
        return issuerAuthenticated;
    }
}
