package org.advising.eligibility.model;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * A grade or an hour count with at most two decimals, as transcripts and policies write them. A
 * value such as 1e-1000000 would otherwise make the caps' arithmetic build a million-digit number.
 * A value too large to be a number at all (a double's infinity) is left to the field's maximum.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TwoDecimals.Check.class)
public @interface TwoDecimals {

    String message() default "must have at most 2 decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<TwoDecimals, Number> {

        /** Whether the value has at most two decimals (null, and a value that is not finite, do: other checks speak of them). */
        public static boolean holds(Number value) {
            if (value == null || value instanceof Double d && !Double.isFinite(d)) {
                return true;
            }
            BigDecimal decimal = value instanceof BigDecimal exact ? exact : new BigDecimal(value.toString());
            return decimal.stripTrailingZeros().scale() <= 2;
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            return holds(value);
        }
    }
}
