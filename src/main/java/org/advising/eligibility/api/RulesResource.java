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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.folder.HitPolicy;

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
     * table, which then also gives {@code row} (and {@code sheet} in a workbook). {@code rank} is its
     * place in its topic's order: 1 first, rules of one rank sharing a salience.
     */
    public record CatalogueEntry(String name, String policy, String topic, String file, int line,
            @JsonInclude(JsonInclude.Include.NON_NULL) String sheet, @JsonInclude(JsonInclude.Include.NON_NULL) Integer row,
            String description, int rank) {
    }

    /** A topic in the order the topics are decided, with its hit policy (PR-1) as policy-values.yaml declares it. */
    public record CatalogueTopic(String topic, HitPolicy hitPolicy) {
    }

    /** The topics in their order; the rules by topic, each topic's in its order (rank, then file and line). */
    public record Catalogue(String version, List<CatalogueTopic> topics, List<CatalogueEntry> rules) {
    }

    @GET
    @Operation(operationId = "listRules", summary = "List the rules of the active rulebase",
            description = "Every rule with its policy statement, topic, file and line (or table row), description and rank in its "
                    + "topic's order; and every topic with its hit policy (FIRST, UNIQUE or COLLECT).")
    @APIResponse(responseCode = "200", description = "The topics in the order they are decided, each with its hit policy, and the rules, "
            + "topic by topic in that order, each topic's in its own order")
    @APIResponse(responseCode = "406", description = "The request accepts no JSON answer (Accept header)")
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet")
    public Catalogue rules() {
        var rulebase = rulebases.require();
        List<String> order = rulebase.topicOrder();
        Map<String, List<RuleInfo>> byTopic = new TreeMap<>(Comparator.comparingInt((String topic) -> order.contains(topic)
                ? order.indexOf(topic) : order.size()).thenComparing(Comparator.naturalOrder()));
        rulebase.rules().values().forEach(rule -> byTopic.computeIfAbsent(topicOf(rule), topic -> new ArrayList<>()).add(rule));
        List<CatalogueEntry> entries = new ArrayList<>();
        byTopic.forEach((topic, rules) -> {
            List<Integer> saliences = rules.stream().map(RuleInfo::salience).distinct().sorted(Comparator.reverseOrder()).toList();
            rules.stream()
                    .sorted(Comparator.comparingInt((RuleInfo rule) -> -rule.salience()).thenComparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                    .forEach(rule -> entries.add(new CatalogueEntry(rule.name(), rule.policy(), topic, rule.file(), rule.line(), rule.sheet(),
                            rule.row(), rule.description(), saliences.indexOf(rule.salience()) + 1)));
        });
        return new Catalogue(rulebase.version(),
                rulebase.topics().entrySet().stream().map(topic -> new CatalogueTopic(topic.getKey(), topic.getValue())).toList(), entries);
    }

    private static String topicOf(RuleInfo rule) {
        String fileName = rule.file().substring(rule.file().lastIndexOf('/') + 1);
        return fileName.replaceFirst("\\.drl(\\.csv|\\.xlsx)?$", "");
    }
}
