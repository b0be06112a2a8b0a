package org.advising.eligibility.model;

/** A policy value: an accrediting body whose accreditation the policy recognizes. */
public record RecognizedAccreditor(String code, String name) {
}
