package org.advising.eligibility.model;

import java.time.LocalDate;

/** A policy value: the lowest grade point average that earns credit, from {@code from} to {@code until} (null: open). */
public record PassingGrade(double gpa, LocalDate from, LocalDate until) implements PolicyFact {
}
