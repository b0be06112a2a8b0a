package org.advising.eligibility.api.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import org.advising.eligibility.problems.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Two conventions of the whole API, written into the OpenAPI document once rather than on every
 * operation: every 4xx and 5xx answer is problem+json ({@link Problem}); and an operation without
 * a security requirement is open, said with an empty {@code security} list, so generated clients
 * and API linters read "no credentials" as a statement, not an omission (only the reload endpoint
 * asks for the admin token).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation ->
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    if (code.matches("[45]\\d\\d") && response.getContent() == null) {
                        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
                    }
                })));
    }
}
