package org.advising.eligibility.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A request's numbers and flags as the contract writes them, never guessed: a number sent as a
 * string ("3.5"), a flag sent as a string ("true") or a number, a whole number sent with decimals
 * (5.5), a number a double cannot hold as written (1e-30000000 would read as 0, 1e400 as
 * infinity, 2.99999999999999999 as 3.0), text sent as a number or flag, and a date in any form
 * but YYYY-MM-DD (an epoch day, a list, a date-time, padded, empty) are each recorded as the
 * field's error by the reader's problem handler, not converted.
 */
final class StrictValues {

    static final Module MODULE = new SimpleModule("strict-values")
            .addDeserializer(Integer.class, new WholeNumber())
            .addDeserializer(Double.class, new Decimal())
            .addDeserializer(BigDecimal.class, new ExactDecimal())
            .addDeserializer(Boolean.class, new Flag())
            .addDeserializer(String.class, new Text())
            .addDeserializer(LocalDate.class, new Day());

    /** A date as the contract writes it: YYYY-MM-DD, nothing before or after. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictValues() {
    }

    private static final class Text extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText()
                    : (String) context.handleUnexpectedToken(String.class, parser);
        }
    }

    private static final class Day extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            try {
                LocalDate date = LocalDate.parse(text);
                // YYYY-MM-DD, or a year past 9999 written as ISO 8601 writes it (+999999999-12-31), which the field's
                // bounds then refuse in their own words
                if (DATE.matcher(text).matches() || date.getYear() > 9999 || date.getYear() < 0) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // refused below, as any other text
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date written YYYY-MM-DD");
        }
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
            if (BigDecimal.valueOf(value).compareTo(parser.getDecimalValue()) != 0) { // 2.99999999999999999 would read as 3.0
                RequestReader.RecordingHandler.record(context, RequestReader.path(parser), RequestReader.shown(parser.getText())
                        + " has more digits than a number here keeps (it would be read as " + value + "); send at most 15");
                return null;
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
