package org.advising.eligibility.api.openapi;

import jakarta.ws.rs.core.Application;
import org.advising.eligibility.problems.Problem;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * What the OpenAPI document at /q/openapi says of the service as a whole: its title and licence,
 * where it is served (relative: by the service it describes, whatever address a deployment gives
 * it), the problem+json schema of every error answer and the admin token's bearer scheme.
 * {@link OpenApiConventions} applies them to the operations. (SmallRye OpenAPI reads the document's
 * definition from the JAX-RS application class; as it overrides nothing, every resource is served
 * at its own path, as without it.)
 */
@OpenAPIDefinition(
        info = @Info(title = "Eligibility decision service", version = "1",
                description = "Answers whether an online offering is accredited, transfers credit and leads to degree admission, "
                        + "with the policy behind every answer.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "The service that serves this document"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(securitySchemeName = OpenApiDocument.ADMIN_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The admin token configured as eligibility.admin.token (at least 32 characters), sent as Authorization: Bearer <token>.")
public class OpenApiDocument extends Application {

    /** The security scheme of the admin endpoint. */
    public static final String ADMIN_TOKEN = "adminToken";
}
