package org.advising.eligibility.api;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.advising.eligibility.decisions.Rulebases;
import org.advising.eligibility.problems.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.advising.eligibility.api.openapi.OpenApiDocument;

/**
 * GET /api/v1/rulebase: which rulebase is serving and how the last reload went.
 * POST /api/v1/rulebase/reload: reload now (closed unless an admin token is configured).
 */
@Path("/api/v1/rulebase")
@Produces(MediaType.APPLICATION_JSON)
public class RulebaseResource {


    private final Rulebases rulebases;
    private final AdminToken adminToken;

    public RulebaseResource(Rulebases rulebases, AdminToken adminToken) {
        this.rulebases = rulebases;
        this.adminToken = adminToken;
    }

    @GET
    @Operation(operationId = "getRulebaseStatus", summary = "Which rulebase is serving and how the last reload went",
            description = "The active rulebase (version, rules, files, scenario coverage), whether it is the last good one kept "
                    + "from a refused start, and the last reload attempt.")
    @APIResponse(responseCode = "200", description = "The status, also while no rulebase is active (active is then null)")
    @APIResponse(responseCode = "406", description = "The request accepts no JSON answer (Accept header)")
    public Rulebases.RulebaseStatus status() {
        return rulebases.status();
    }

    @POST
    @Path("/reload")
    @Operation(operationId = "reloadRulebase", summary = "Reload the rules folder now",
            description = "Reads, compiles and proves the rules folder; the new rulebase serves only if every scenario passes, "
                    + "otherwise the active one keeps serving and lastReload says why.")
    @SecurityRequirement(name = OpenApiDocument.ADMIN_TOKEN)
    @APIResponse(responseCode = "200", description = "The status after the attempt (lastReload: ACTIVATED, UNCHANGED or REFUSED)")
    @APIResponse(responseCode = "401", description = "No admin token, or the wrong one")
    @APIResponse(responseCode = "403", description = "The endpoint is closed: no admin token is configured")
    public Rulebases.RulebaseStatus reload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest request) {
        adminToken.require(authorization, String.valueOf(request.remoteAddress()));
        return rulebases.reload("admin request");
    }
}
