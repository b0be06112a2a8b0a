package org.advising.eligibility.api;

import org.advising.eligibility.decisions.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.compile.RuleInfo;

/** GET /api/v1/rules: the catalogue of the active rulebase, so anyone can find what decided a conclusion. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final ActiveRulebase rulebases;

    public RulesResource(ActiveRulebase rulebases) {
        this.rulebases = rulebases;
    }

    /**
     * One rule; its topic is its file's name, since each file holds one topic (a decision table shares
     * it with the DRL file of the same name). {@code line} is the rule's line, or its row in a decision
     * table, which then also gives {@code row} (and {@code sheet} in a workbook).
     */
    public record CatalogueEntry(String name, String policy, String topic, String file, int line,
            @JsonInclude(JsonInclude.Include.NON_NULL) String sheet, @JsonInclude(JsonInclude.Include.NON_NULL) Integer row,
            String description) {
    }

    public record Catalogue(String version, List<CatalogueEntry> rules) {
    }

    @GET
    @Operation(operationId = "listRules", summary = "List the rules of the active rulebase",
            description = "Every rule with its policy statement, topic, file and line (or table row) and description.")
    @APIResponse(responseCode = "200", description = "The rules, in file and line order")
    @APIResponse(responseCode = "406", description = "The request accepts no JSON answer (Accept header)")
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet")
    public Catalogue rules() {
        var rulebase = rulebases.require();
        return new Catalogue(rulebase.version(), rulebase.rules().values().stream().map(RulesResource::entry).toList());
    }

    private static CatalogueEntry entry(RuleInfo rule) {
        String fileName = rule.file().substring(rule.file().lastIndexOf('/') + 1);
        return new CatalogueEntry(rule.name(), rule.policy(), fileName.replaceFirst("\\.drl(\\.csv|\\.xlsx)?$", ""), rule.file(),
                rule.line(), rule.sheet(), rule.row(), rule.description());
    }
}
