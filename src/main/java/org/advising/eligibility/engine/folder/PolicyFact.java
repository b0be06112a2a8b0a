package org.advising.eligibility.engine.folder;

import java.time.LocalDate;

/** A policy value as a fact, in effect from {@code from} to {@code until} inclusive (null: open-ended). */
public record PolicyFact(Object fact, LocalDate from, LocalDate until) {

    public boolean inEffectOn(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until));
    }
}
