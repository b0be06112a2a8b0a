package org.advising.eligibility.credentials;

/** A malformed credential (LC-7): the path of the member that is wrong, and what is wrong with it. */
public record CredentialProblem(String path, String message) {
}
