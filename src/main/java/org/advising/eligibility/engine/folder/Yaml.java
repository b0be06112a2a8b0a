package org.advising.eligibility.engine.folder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** How the rules folder's YAML files are read: strictly, and with NO and YES kept as words, not booleans. */
public final class Yaml {

    public static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .loaderOptions(loaderOptions())
            .build())
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private Yaml() {
    }

    /**
     * SnakeYAML's defaults but for the size of a document: a file the rules folder admits
     * ({@link PolicyBounds#MAX_FILE_BYTES}, e.g. an institutions.yaml of 20,000 schools) reads whole,
     * where SnakeYAML alone stops at 3 MB; its limits on aliases and nesting stay.
     */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) PolicyBounds.MAX_FILE_BYTES);
        return options;
    }

    /** What a value of each type must look like, for the types the rules folder's files hold. */
    private static final Map<Class<?>, String> EXPECTED = Map.of(
            Boolean.class, "true or false", boolean.class, "true or false",
            Double.class, "a number", double.class, "a number", BigDecimal.class, "a number", PolicyValues.Grade.class, "a number",
            Integer.class, "a whole number", int.class, "a whole number",
            LocalDate.class, "a date such as 2027-07-01");

    /** Why a YAML file could not be read: the line and what is wrong there. */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return line + ": " + message;
        }
    }

    /**
     * Why a YAML file could not be read: malformed YAML at the line of
     * the problem, an unknown key at the line where it is written with the keys that are known
     * ({@code kind} names what a key is), a value of the wrong kind with what it must be.
     */
    public static Problem problem(JsonProcessingException e, String content, String kind) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException malformed) {
                int problemLine = malformed.getProblemMark() == null ? Math.max(line, 1) : malformed.getProblemMark().getLine() + 1;
                return new Problem(problemLine, "the YAML is malformed here: " + plainYaml(malformed.getProblem()));
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem(lineOfKey(content, unknown.getPropertyName(), line), "unknown " + kind + " '" + unknown.getPropertyName()
                    + "'; known: " + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            // The field is the innermost named step of the path (a value read as a one-item list adds an index).
            String field = mismatched.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(name -> name != null).reduce((first, second) -> second).orElse(null);
            Class<?> type = mismatched.getTargetType();
            String expected = type.isEnum()
                    ? "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
                    : EXPECTED.get(type);
            Matcher quoted = Pattern.compile("String value \\('(.*)'\\)").matcher(e.getOriginalMessage());
            String value = e instanceof InvalidFormatException invalid ? String.valueOf(invalid.getValue())
                    : quoted.find() ? quoted.group(1) : null;
            if (field != null && expected != null && value != null) {
                return new Problem(line, field + " must be " + expected + ", not \"" + value + "\"");
            }
        }
        return new Problem(Math.max(line, 1), e.getOriginalMessage().lines().findFirst().orElse("").replace("org.advising.eligibility.model.", ""));
    }


    /** SnakeYAML's words for the usual mistakes, in a policy author's. */
    private static String plainYaml(String problem) {
        if (problem.contains("<block end>") || problem.contains("<block mapping start>")) {
            return "its indentation does not line up with the lines above it";
        }
        if (problem.contains("mapping values are not allowed here")) {
            return "a second ':' on one line (a value with a colon needs quotes)";
        }
        if (problem.contains("'\\t'")) {
            return "a tab; indent with spaces";
        }
        return problem;
    }

    /**
     * The line where {@code key} is written, searching up from the line the parser reported
     * (YAML reports an unknown key where its value ends, not where the key is).
     */
    public static int lineOfKey(String content, String key, int reportedLine) {
        List<String> lines = content.lines().toList();
        for (int i = Math.min(reportedLine, lines.size()) - 1; i >= 0; i--) {
            String text = lines.get(i).strip();
            text = text.startsWith("- ") ? text.substring(2).strip() : text;
            if (text.startsWith(key + ":")) {
                return i + 1;
            }
        }
        return reportedLine;
    }

    /**
     * The line of each item of the block list under a top-level {@code key}, in order (comments and
     * blank lines skipped; the list ends at the next line that is not indented).
     */
    public static List<Integer> linesOfItems(String content, String key) {
        List<String> lines = content.lines().toList();
        List<Integer> items = new java.util.ArrayList<>();
        java.util.regex.Pattern header = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(key) + ":\\s*(#.*)?");
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            start = header.matcher(lines.get(i)).matches() ? i : -1;
        }
        for (int i = start + 1; start >= 0 && i < lines.size(); i++) {
            String line = lines.get(i);
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0)) && !text.startsWith("- ")) {
                break;
            }
            if (text.startsWith("- ") || text.equals("-")) {
                items.add(i + 1);
            }
        }
        return items;
    }
}
