package org.advising.eligibility.credentials.proof;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the proof of a credential showed (LC-8, LC-9): its status, the deciding proof's type, suite
 * and verification method as the credential states them, where its key came from, whether it
 * authenticates the credential's issuer, and whether it is the credential's own proof or that of
 * the CLR holding it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Proof(Status status, String type, String cryptosuite, String verificationMethod, KeyFrom keyFrom,
        boolean issuerAuthenticated, From from) {

    /** LC-8's statuses; with several proofs, the first of INVALID, VERIFIED, UNVERIFIABLE, UNSUPPORTED, NONE that one has. */
    public enum Status {
        /** A supported proof whose signature does not hold, or that is malformed, or a term no context defines. */
        INVALID,
        /** A supported proof whose signature holds over the credential as sent. */
        VERIFIED,
        /** The key or a context is not available offline, or canonicalization passed its bound. */
        UNVERIFIABLE,
        /** Another proof type or cryptosuite. */
        UNSUPPORTED,
        /** No proof. */
        NONE
    }

    /** Where the key came from (LC-9). */
    public enum KeyFrom {
        /** The entry of the credential's own issuer in trusted-issuers.yaml. */
        TRUSTED_ISSUERS,
        /** A did:key verification method, decoded from the identifier. */
        DID_KEY,
        /** A verification method whose fragment is an Ed25519 multikey (…#z6Mk…). */
        FRAGMENT
    }

    /** Whose proof it is. */
    public enum From {
        OWN,
        CLR
    }

    /** No proof at all. */
    static Proof none() {
        return new Proof(Status.NONE, null, null, null, null, false, From.OWN);
    }

    /** The same check, as the proof of the CLR holding a credential: it authenticates that credential only when both name one issuer. */
    public Proof heldBy(boolean sameIssuer) {
        return new Proof(status, type, cryptosuite, verificationMethod, keyFrom, issuerAuthenticated && sameIssuer, From.CLR);
    }

    /** Whether the proof shows the credential as sent is the one signed (LC-8): the reading's proofChecked. */
    public boolean checked() {
        return status == Status.VERIFIED;
    }
}
