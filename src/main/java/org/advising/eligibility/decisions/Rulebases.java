package org.advising.eligibility.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.activate.ReloadAttempt;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.folder.HitPolicy;
import org.advising.eligibility.engine.prove.Proven;
import org.advising.eligibility.engine.prove.RuleCoverage;
import org.advising.eligibility.model.ReceivingInstitution;

/**
 * The rulebase as its readers see it: the catalogue of the active one's rules (so anyone can find
 * what decided a conclusion), the receiving institutions a request may name, which rulebase serves
 * and how the last reload went, and a reload.
 */
@ApplicationScoped
public class Rulebases {

    private final ActiveRulebase rulebases;

    public Rulebases(ActiveRulebase rulebases) {
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

    /** The catalogue of the active rulebase ({@link RefusedException}, no rulebase, while none is). */
    public Catalogue catalogue() {
        Rulebase rulebase = active();
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

    /** Which rulebase serves (null while none), whether it is the last good one, and the last reload attempt. */
    public RulebaseStatus status() {
        Proven proven = rulebases.proven().orElse(null);
        RulebaseStatus.Active active = proven == null ? null : active(proven.rulebase(), proven.coverage());
        return new RulebaseStatus(rulebases.folder().getFileName() == null ? "" : rulebases.folder().getFileName().toString(), active,
                rulebases.servingLastGood(), rulebases.lastAttempt().orElse(null));
    }

    private static RulebaseStatus.Active active(Rulebase rulebase, RuleCoverage coverage) {
        return new RulebaseStatus.Active(rulebase.version(), rulebase.loadedAt(), rulebase.rules().size(),
                rulebase.rules().values().stream().map(RuleInfo::file).distinct().sorted().toList(),
                new RulebaseStatus.Coverage(coverage.cases(), coverage.rules().size(), coverage.rulesFired(), coverage.percent(),
                        coverage.neverFired().stream()
                                .map(rule -> new RulebaseStatus.NeverFired(rule.name(), rule.policy(), rule.file(), rule.line())).toList()));
    }

    /** One page of the institutions in effect: {@code total} match the name, {@code institutions} from {@code offset} on, at most {@code limit}. */
    public record Institutions(LocalDate asOf, String version, int total, int offset, int limit, List<ReceivingInstitution> institutions) {
    }

    /**
     * The institutions of the active rulebase in effect on {@code date} whose name or id contains
     * {@code name} (ignoring case; empty: all), in file order, {@code limit} of them from {@code offset}
     * on ({@link RefusedException}, no rulebase, while none is).
     */
    public Institutions institutions(LocalDate date, String name, int offset, int limit) {
        Rulebase rulebase = active();
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        List<ReceivingInstitution> matching = rulebase.institutions().entries().stream()
                .filter(entry -> entry.inEffectOn(date) && (wanted.isEmpty() || entry.name().toLowerCase(Locale.ROOT).contains(wanted)
                        || entry.id().contains(wanted))).toList();
        return new Institutions(date, rulebase.version(), matching.size(), offset, limit,
                matching.stream().skip(offset).limit(limit).toList());
    }

    private Rulebase active() {
        return rulebases.current().orElseThrow(Refusal::noRulebase);
    }

    /** Reads, compiles and proves the rules folder now ({@code trigger} says why, for the log); the status after it. */
    public RulebaseStatus reload(String trigger) {
        rulebases.reload(trigger);
        return status();
    }
}
