package org.advising.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

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

    /** The request of an example, as the JSON body to post. */
    public static String requestBody(String file) throws IOException {
        return read(file).get("request").toString();
    }
}
