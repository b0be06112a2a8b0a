package org.advising.eligibility.api;

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
