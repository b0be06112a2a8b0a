package org.advising.eligibility.problems;

import org.advising.eligibility.intake.FieldError;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, sent as application/problem+json. {@code errors} names every
 * invalid field of a 400; {@code defects} says what is wrong with the rules on a 500.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, List<String> defects) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:eligibility:problem:";

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + type, title, status, detail, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, defects);
    }

    public Problem withDefects(List<String> ruleDefects) {
        return new Problem(type, title, status, detail, errors, ruleDefects);
    }
}
