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
 * A policy value the rules match on, as policy staff state it in the rules folder
 * (policy-values.yaml, institutions.yaml), in effect from {@code from} to {@code until} inclusive
 * (null: open-ended). A request's session holds those in effect on its as-of date.
 */
public sealed interface PolicyFact permits PassingGrade, RecognizedAccreditor, ReceivingInstitution {

    LocalDate from();

    LocalDate until();

    default boolean inEffectOn(LocalDate date) {
        return (from() == null || !date.isBefore(from())) && (until() == null || !date.isAfter(until()));
    }

    /** A policy fact's {@code from} is not after its {@code until}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = DatesInOrder.Check.class)
    @interface DatesInOrder {

        String message() default "has from after until";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<DatesInOrder, PolicyFact> {
            @Override
            public boolean isValid(PolicyFact fact, ConstraintValidatorContext context) {
                if (fact == null || fact.from() == null || fact.until() == null || !fact.from().isAfter(fact.until())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("has from " + fact.from() + " after until " + fact.until()).addConstraintViolation();
                return false;
            }
        }
    }
}
