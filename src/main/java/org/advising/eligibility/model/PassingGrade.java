package org.advising.eligibility.model;

/** A policy value: the lowest grade point average that earns credit. */
public record PassingGrade(double gpa) {
}
