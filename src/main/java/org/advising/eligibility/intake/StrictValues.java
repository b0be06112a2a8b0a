package org.advising.eligibility.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A request's numbers and flags as the contract writes them, never guessed: a number sent as a
 * string ("3.5"), a flag sent as a string ("true") or a number, a whole number sent with decimals
 * (5.5), and a number a double cannot hold as written (1e-30000000 would read as 0, 1e400 as
 * infinity) are each recorded as the field's error by the reader's problem handler, not converted.
 */
final class StrictValues {

    static final Module MODULE = new SimpleModule("strict-values")
            .addDeserializer(Integer.class, new WholeNumber())
            .addDeserializer(Double.class, new Decimal())
            .addDeserializer(BigDecimal.class, new ExactDecimal())
            .addDeserializer(Boolean.class, new Flag());

    private StrictValues() {
    }

    private static boolean onNumber(JsonParser parser) {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT || parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** A string where a number or flag belongs is quoted in its error ("3.5" is not allowed: must be a number); anything else named. */
    private static Object stringOrUnexpected(Class<?> type, JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return context.handleWeirdStringValue(type, parser.getText(), "a string where a %s belongs", type.getSimpleName());
        }
        return context.handleUnexpectedToken(type, parser);
    }

    private static final class WholeNumber extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
                return parser.getIntValue();
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return (Integer) context.handleWeirdNumberValue(Integer.class, parser.getNumberValue(), "not a whole number of 32 bits");
            }
            return (Integer) stringOrUnexpected(Integer.class, parser, context);
        }
    }

    private static final class Decimal extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!onNumber(parser)) {
                return (Double) stringOrUnexpected(Double.class, parser, context);
            }
            double value = parser.getDoubleValue();
            if (Double.isInfinite(value) || value == 0 && parser.getDecimalValue().signum() != 0) {
                return (Double) context.handleWeirdNumberValue(Double.class, parser.getDecimalValue(), "out of a double's range");
            }
            return value;
        }
    }

    private static final class ExactDecimal extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return onNumber(parser) ? parser.getDecimalValue() : (BigDecimal) stringOrUnexpected(BigDecimal.class, parser, context);
        }
    }

    private static final class Flag extends JsonDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            return (Boolean) stringOrUnexpected(Boolean.class, parser, context);
        }
    }
}
