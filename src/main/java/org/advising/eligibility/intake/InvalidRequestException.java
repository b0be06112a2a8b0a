package org.advising.eligibility.intake;

import java.util.List;

/** A request the service cannot evaluate: the first invalid fields it found (in body order) and how many there were. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;
    private final int total;

    /** Errors in the order given (the first {@value FieldErrors#LISTED} listed). */
    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)", null, false, false);
        this.errors = List.copyOf(errors.subList(0, Math.min(FieldErrors.LISTED, errors.size())));
        this.total = errors.size();
    }

    public InvalidRequestException(FieldErrors errors) {
        super(errors.total() + " invalid field(s)", null, false, false);
        this.errors = errors.listed();
        this.total = errors.total();
    }

    /** The errors an answer lists: at most {@value FieldErrors#LISTED}. */
    public List<FieldError> errors() {
        return errors;
    }

    /** How many invalid fields were found in all. */
    public int total() {
        return total;
    }
}
