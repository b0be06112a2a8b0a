package org.advising.eligibility.api;

import org.advising.eligibility.decisions.Rulebases;
import org.advising.eligibility.problems.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /api/v1/rules: the catalogue of the active rulebase, so anyone can find what decided a conclusion. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final Rulebases rulebases;

    public RulesResource(Rulebases rulebases) {
        this.rulebases = rulebases;
    }

    @GET
    @Operation(operationId = "listRules", summary = "List the rules of the active rulebase",
            description = "Every rule with its policy statement, topic, file and line (or table row), description and rank in its "
                    + "topic's order; and every topic with its hit policy (FIRST, UNIQUE or COLLECT).")
    @APIResponse(responseCode = "200", description = "The topics in the order they are decided, each with its hit policy, and the rules, "
            + "topic by topic in that order, each topic's in its own order")
    @APIResponse(responseCode = "406", description = "The request accepts no JSON answer (Accept header)")
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet")
    public Rulebases.Catalogue rules() {
        return rulebases.catalogue();
    }
}
