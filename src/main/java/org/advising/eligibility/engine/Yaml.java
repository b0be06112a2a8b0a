package org.advising.eligibility.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.List;
import java.util.stream.Collectors;

/** How the rules folder's YAML files are read: strictly, and with NO and YES kept as words, not booleans. */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build())
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private Yaml() {
    }

    /**
     * Why a YAML file could not be read, as {@code line: message}; an unknown key is reported at the
     * line where it is written, with the keys that are known ({@code kind} names what a key is).
     */
    static String problem(JsonProcessingException e, String content, String kind) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (e instanceof UnrecognizedPropertyException unknown) {
            return lineOfKey(content, unknown.getPropertyName(), line) + ": unknown " + kind + " '" + unknown.getPropertyName()
                    + "'; known: " + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        return line + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    /**
     * The line where {@code key} is written, searching up from the line the parser reported
     * (YAML reports an unknown key where its value ends, not where the key is).
     */
    static int lineOfKey(String content, String key, int reportedLine) {
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
}
