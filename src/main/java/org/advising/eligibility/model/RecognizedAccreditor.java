package org.advising.eligibility.model;

import java.time.LocalDate;

/** A policy value: an accrediting body whose accreditation the policy recognizes, from {@code from} to {@code until} (null: open). */
public record RecognizedAccreditor(String code, String name, LocalDate from, LocalDate until) implements PolicyFact {
}
