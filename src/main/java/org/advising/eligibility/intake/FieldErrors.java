package org.advising.eligibility.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * The invalid fields of one request as they are found, bounded: every one is counted, the first
 * {@value #KEPT} found are kept, and an answer lists the first {@value #LISTED} of those in the
 * order a reader scans the body (with more than {@value #KEPT}, the reader's come first, since
 * they are found first; a value the reader refused may then be named again by a later check). A request of a million bad values costs a count, not a million
 * error objects.
 */
public final class FieldErrors {

    /** The most errors an answer lists; the total is stated beside them. */
    public static final int LISTED = 100;
    /** The most kept while reading, so that the listed ones are the first in body order. */
    static final int KEPT = 1000;

    private final List<FieldError> kept = new ArrayList<>();
    private int total;

    public void add(FieldError error) {
        total++;
        if (kept.size() < KEPT) {
            kept.add(error);
        }
    }

    public void add(String field, String message) {
        add(new FieldError(field, message));
    }

    public void addAll(List<FieldError> errors) {
        errors.forEach(this::add);
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** How many were found, listed or not. */
    public int total() {
        return total;
    }

    /** The errors kept, in the order they were found. */
    public List<FieldError> kept() {
        return List.copyOf(kept);
    }

    /** Throws the request's refusal when any error was found. */
    public void throwIfAny() {
        if (total > 0) {
            throw new InvalidRequestException(this);
        }
    }

    /** The first {@value #LISTED} errors kept, in body order. */
    List<FieldError> listed() {
        List<FieldError> sorted = new ArrayList<>(kept);
        sorted.sort(FieldPaths.ORDER);
        return List.copyOf(sorted.subList(0, Math.min(LISTED, sorted.size())));
    }
}
