package org.advising.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The project's copy of the contract examples, which the service also serves at /examples/. */
public final class ContractExamples {

    public static final Path FOLDER = Path.of("src/main/resources/META-INF/resources/examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractExamples() {
    }

    /** A whole example file: description, request and expected results. */
    public static JsonNode read(String file) throws IOException {
        return JSON.readTree(FOLDER.resolve(file).toFile());
    }

    /** Every example file of the project's copy, sub-folders included, in path order. */
    public static List<JsonNode> all() throws IOException {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            List<JsonNode> examples = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                examples.add(JSON.readTree(file.toFile()));
            }
            return examples;
        }
    }

    /** The request of an example, as the JSON body to post. */
    public static String requestBody(String file) throws IOException {
        return read(file).get("request").toString();
    }
}
