package org.advising.eligibility.api;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.advising.eligibility.decisions.Problem;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.advising.eligibility.api.openapi.OpenApiDocument;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.activate.ReloadAttempt;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.prove.Proven;
import org.advising.eligibility.engine.prove.RuleCoverage;

/**
 * GET /api/v1/rulebase: which rulebase is serving and how the last reload went.
 * POST /api/v1/rulebase/reload: reload now (closed unless an admin token is configured).
 */
@Path("/api/v1/rulebase")
@Produces(MediaType.APPLICATION_JSON)
public class RulebaseResource {


    private final ActiveRulebase rulebases;
    private final AdminToken adminToken;

    public RulebaseResource(ActiveRulebase rulebases, AdminToken adminToken) {
        this.rulebases = rulebases;
        this.adminToken = adminToken;
    }

    /**
     * The status of the rules: the active rulebase (null while none), whether it is the last good one
     * from the cache because the folder was refused at start, and the last reload attempt.
     */
    public record RulebaseStatus(String folder, Active active, boolean servingLastGood, ReloadAttempt lastReload) {

        public record Active(String version, Instant loadedAt, int ruleCount, List<String> files, Coverage coverage) {
        }

        /** How much of the active rulebase its scenarios exercised: the rules no case fired are named. */
        public record Coverage(int cases, int rules, int rulesFired, BigDecimal percent, List<NeverFired> neverFired) {
        }

        public record NeverFired(String name, String policy, String file, int line) {
        }
    }

    @GET
    @Operation(operationId = "getRulebaseStatus", summary = "Which rulebase is serving and how the last reload went",
            description = "The active rulebase (version, rules, files, scenario coverage), whether it is the last good one kept "
                    + "from a refused start, and the last reload attempt.")
    @APIResponse(responseCode = "200", description = "The status, also while no rulebase is active (active is then null)")
    @APIResponse(responseCode = "406", description = "The request accepts no JSON answer (Accept header)")
    public RulebaseStatus status() {
        Proven proven = rulebases.proven().orElse(null);
        RulebaseStatus.Active active = proven == null ? null : active(proven.rulebase(), proven.coverage());
        return new RulebaseStatus(rulebases.folder().getFileName() == null ? "" : rulebases.folder().getFileName().toString(), active,
                rulebases.servingLastGood(),
                rulebases.lastAttempt().orElse(null));
    }

    private static RulebaseStatus.Active active(Rulebase rulebase, RuleCoverage coverage) {
        return new RulebaseStatus.Active(rulebase.version(), rulebase.loadedAt(), rulebase.rules().size(),
                rulebase.rules().values().stream().map(RuleInfo::file).distinct().sorted().toList(),
                new RulebaseStatus.Coverage(coverage.cases(), coverage.rules().size(), coverage.rulesFired(), coverage.percent(),
                        coverage.neverFired().stream()
                                .map(rule -> new RulebaseStatus.NeverFired(rule.name(), rule.policy(), rule.file(), rule.line())).toList()));
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
    public RulebaseStatus reload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest request) {
        adminToken.require(authorization, String.valueOf(request.remoteAddress()));
        rulebases.reload("admin request");
        return status();
    }
}
