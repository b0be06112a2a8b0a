package org.advising.eligibility.api.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * The example of POST /api/v1/evaluations in the OpenAPI document: the request of contract example
 * 01, read from the example file the service also serves, and the service's answer to it, kept
 * beside it in openapi/ (OpenApiTest proves both match).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiExamples implements OASFilter {

    public static final String NAME = "MasterTrack completed above the pathway's grade";
    public static final String REQUEST = "META-INF/resources/examples/01-mastertrack-completed-eligible.json";
    public static final String RESPONSE = "openapi/01-mastertrack-completed-eligible.response.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Operation evaluate = openAPI.getPaths().getPathItem("/api/v1/evaluations").getPOST();
        evaluate.getRequestBody().getContent().getMediaType(MediaType.APPLICATION_JSON)
                .addExample(NAME, OASFactory.createExample().value(read(REQUEST).get("request")));
        evaluate.getResponses().getAPIResponse("200").getContent().getMediaType(MediaType.APPLICATION_JSON)
                .addExample(NAME, OASFactory.createExample().value(read(RESPONSE)));
    }

    /** A JSON resource as plain maps and lists, which the OpenAPI writer prints as JSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + resource);
            }
            return JSON.readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
