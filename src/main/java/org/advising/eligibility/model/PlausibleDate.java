package org.advising.eligibility.model;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date a learner's record or a policy can really carry: from {@link #FIRST} to {@link #LAST}.
 * Outside them date arithmetic overflows (a year such as +999999999) and no answer means anything.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDate.Check.class)
public @interface PlausibleDate {

    LocalDate FIRST = LocalDate.of(1900, 1, 1);
    LocalDate LAST = LocalDate.of(2200, 12, 31);

    String message() default "must be a date from 1900-01-01 to 2200-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlausibleDate, LocalDate> {

        /** Whether a date is within the bounds (null, an absent date, is). */
        public static boolean holds(LocalDate date) {
            return date == null || !date.isBefore(FIRST) && !date.isAfter(LAST);
        }

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return holds(date);
        }
    }
}
