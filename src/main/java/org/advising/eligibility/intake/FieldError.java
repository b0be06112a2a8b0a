package org.advising.eligibility.intake;

/** One invalid field of a request, named by its path in the JSON body, e.g. {@code offerings[2].type}. */
public record FieldError(String field, String message) {
}
