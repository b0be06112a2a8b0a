package org.advising.eligibility.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a request body into its kind of {@link Request}. Instead of stopping at the first
 * mistake, Jackson's problem handler records each unknown field, wrong type and unknown enum
 * value with its path, skips it, and reading goes on; the caller gets every problem at once.
 * Syntax errors (malformed or truncated JSON, duplicate keys) end reading where they occur.
 */
@Singleton
public class RequestReader {

    private static final String ERRORS = "eligibility.request-errors";
    private static final String OTHER_FIELDS = "eligibility.other-fields";

    /** A reader per kind of request, set up once: only the request's own error list is attached per request. */
    private final Map<Class<?>, ObjectReader> readers;

    public RequestReader(ObjectMapper mapper) {
        ObjectReader reader = mapper.copy()
                .registerModule(StrictValues.MODULE)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // a credential's numbers stay as written

                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
                .addHandler(new RecordingHandler())
                .reader();
        this.readers = Map.of(
                EvaluationRequest.class, reader.forType(EvaluationRequest.class).withAttribute(OTHER_FIELDS, EvaluationRequest.OTHER_FIELDS),
                TransferOptionsRequest.class,
                reader.forType(TransferOptionsRequest.class).withAttribute(OTHER_FIELDS, TransferOptionsRequest.OTHER_FIELDS));
    }

    /** The request, and the problems found while reading it (none when it read cleanly). */
    public record Result<R extends Request>(R request, FieldErrors found) {

        /** The problems kept, in the order they were found. */
        public List<FieldError> errors() {
            return found.kept();
        }
    }

    /** An evaluation request's body read (a command's and tests'). */
    public Result<EvaluationRequest> read(byte[] body) {
        return read(body, EvaluationRequest.class);
    }

    /**
     * A body read as a request of {@code kind}; a field only the other kind takes is refused saying
     * so, any other unknown field as misspelt.
     */
    public <R extends Request> Result<R> read(byte[] body, Class<R> kind) {
        FieldErrors errors = new FieldErrors();
        try {
            R request = readers.get(kind).withAttribute(ERRORS, errors).readValue(body);
            if (request == null && errors.isEmpty()) {
                errors.add(new FieldError("$", "the body must be a JSON object with \"learner\" and \"offerings\""));
            }
            return new Result<>(request, errors);
        } catch (JsonProcessingException e) {
            errors.add(syntaxError(e));
            return new Result<>(null, errors);
        } catch (IOException e) {
            errors.add(new FieldError("$", "the body could not be read: " + e.getMessage()));
            return new Result<>(null, errors);
        }
    }

    private static FieldError syntaxError(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? path(mapping.getPath()) : "$";
        String message = firstLine(e.getOriginalMessage());
        if (message.startsWith("No content to map")) {
            return new FieldError(field, "malformed JSON: the body is empty; expected a JSON object");
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        if (e instanceof StreamConstraintsException) {
            return new FieldError(field, tooBig(message) + where);
        }
        if (message.contains("`") || message.contains("java.") || message.contains("com.fasterxml")) {
            // Jackson names its own classes and settings here; the portal developer needs only where.
            message = "this is not valid JSON here";
        }
        return new FieldError(field, "malformed JSON: " + message + where);
    }

    /** Jackson's limits on a document's shape (nesting, number and string length), in the contract's words. */
    private static String tooBig(String message) {
        if (message.contains("nesting depth")) {
            return "the JSON is nested deeper than the parser allows (" + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels)";
        }
        if (message.startsWith("Number")) {
            return "a number is longer than the parser allows (" + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " characters)";
        }
        if (message.startsWith("String")) {
            return "a string is longer than the parser allows";
        }
        return "the JSON is larger than the parser allows";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "$" : path.toString();
    }

    /** The path of the value the parser is on, e.g. {@code offerings[2].type}. */
    static String path(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            context = context.getParent(); // the container just opened belongs to the value we are on
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "$" : path.startsWith(".") ? path.substring(1) : path;
    }

    /** The first line of a Jackson message, without the parser internals it quotes. */
    private static String child(String parent, String name) {
        return parent.equals("$") ? name : parent + "." + name;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("")
                .replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\][^)]*\\)", "")
                .replaceAll("\\s*\\(for [^)]*\\)", "")
                .strip();
    }

    /** What a value of this type must look like, in words a portal developer reads. */
    public static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of: " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date such as 2025-05-10";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    /** A value as an error quotes it: at most 40 characters of it, so that an error is never as long as what was sent. */
    public static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "… (" + value.length() + " characters)";
    }

    /** Records each problem under its path, skips the bad value and lets reading go on with null. */
    static final class RecordingHandler extends DeserializationProblemHandler {

        static void record(DeserializationContext context, String field, String message) {
            ((FieldErrors) context.getAttribute(ERRORS)).add(new FieldError(field, message));
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            // A record buffers unknown properties and reports them once its object has closed, through
            // a replay parser that knows no path; the live parser then stands at the object's end.
            String field = parser == context.getParser() ? path(parser) : child(path(context.getParser()), propertyName);
            // A top-level field of the other kind of request: refused saying so, or, sent as null, nothing asked.
            Object elsewhere = field.equals(propertyName) ? ((Map<?, ?>) context.getAttribute(OTHER_FIELDS)).get(propertyName) : null;
            if (elsewhere != null && parser.currentToken() == JsonToken.VALUE_NULL) {
                return true;
            }
            record(context, field, elsewhere != null ? elsewhere.toString() : "is not a field of this request; check its spelling against the API contract");
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                String failureMsg) {
            record(context, path(context.getParser()), "\"" + shown(value) + "\" is not allowed: " + expected(targetType));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                String failureMsg) {
            record(context, path(context.getParser()), value + " is not allowed: " + expected(targetType));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                JsonParser parser, String failureMsg) throws IOException {
            record(context, path(parser), expected(targetType.getRawClass()) + ", not " + describe(token));
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext context, Class<?> instClass,
                ValueInstantiator instantiator, JsonParser parser, String msg) throws IOException {
            record(context, path(parser), expected(instClass) + ", not " + describe(parser.currentToken()));
            parser.skipChildren();
            return null;
        }

        private static String describe(JsonToken token) {
            return switch (token == null ? JsonToken.NOT_AVAILABLE : token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "true or false";
                case VALUE_NULL -> "null";
                default -> "this value";
            };
        }
    }
}
