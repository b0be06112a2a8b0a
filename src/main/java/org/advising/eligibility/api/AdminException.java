package org.advising.eligibility.api;

/** A refused admin request: 401 without the right token, 403 while the admin endpoint is closed. */
public class AdminException extends RuntimeException {

    private final int status;

    public AdminException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
