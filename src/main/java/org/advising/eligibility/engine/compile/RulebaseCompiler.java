package org.advising.eligibility.engine.compile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advising.eligibility.engine.folder.HitPolicy;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.engine.folder.PolicyValues;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.advising.eligibility.model.Topic;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.Description;

/**
 * Compiles a rules folder into a {@link Rulebase}. Every problem (a DRL error, a rule without
 * its policy id or description, a bad policy value) is collected and reported together as
 * {@code file:line: message}, without Drools' internal noise.
 */
public class RulebaseCompiler {

    /** Where DRL files go inside the in-memory KIE module; stripped again from error paths. */
    static final String MODULE_ROOT = "src/main/resources/";
    /** Added to a decision table's name for the DRL made of it; never shown, messages name the table's cells. */
    private static final String GENERATED = ".generated.drl";
    static final Pattern POLICY_ID = Pattern.compile("[A-Z]+-[0-9]+");
    private static final Pattern RULE_HEADER = Pattern.compile("[ \\t]*rule\\s+\"([^\"]*)\"");
    private static final AtomicLong BUILDS = new AtomicLong();
    /** Sessions made ready up front; the pool grows when more evaluations run at once. */
    public static final int SESSIONS_KEPT_READY = 2;
    /**
     * Drools' default agenda group: a rule without ruleflow-group (Drools 10's word for agenda-group) is in
     * it, in no topic, and is decided after every topic.
     */
    private static final String MAIN = "MAIN";

    public Rulebase compile(RulesFolder folder) {
        PolicyValues.Read policyValues = PolicyValues.read(folder.policyValues());
        Institutions institutions = Institutions.read(folder.institutions());
        TrustedIssuers trustedIssuers = TrustedIssuers.read(folder.trustedIssuers());
        KieServices services = KieServices.Factory.get();
        ReleaseId releaseId = services.newReleaseId("org.advising.rulebase", "rules", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, String> contents = new HashMap<>();
        for (RulesFolder.RuleFile file : folder.ruleFiles()) {
            files.write(MODULE_ROOT + file.name(), file.content());
            contents.put(file.name(), file.content());
        }
        // A table is compiled as the DRL Drools makes of it, under its own name plus GENERATED.
        List<String> errors = new ArrayList<>();
        Map<String, DecisionTable> tables = new HashMap<>();
        for (RulesFolder.TableFile file : folder.tables()) {
            try {
                DecisionTable table = DecisionTable.read(file.name(), file.content());
                tables.put(file.name() + GENERATED, table);
                files.write(MODULE_ROOT + file.name() + GENERATED, table.drl());
                contents.put(file.name() + GENERATED, table.drl());
            } catch (RulebaseException e) {
                errors.addAll(e.errors());
            }
        }
        KieBuilder builder = services.newKieBuilder(files, ApplicationClasses.LOADER).buildAll();
        for (CompilerMessages.Located message : CompilerMessages.describe(builder.getResults().getMessages(Message.Level.ERROR), contents)) {
            DecisionTable table = tables.get(message.file());
            errors.add(table == null ? message.toString() : table.place(message.line(), message.message()));
        }
        if (!errors.isEmpty()) {
            throw new RulebaseException(errors.stream().distinct().toList());
        }
        KieBase kieBase;
        try {
            kieBase = services.newKieContainer(releaseId, ApplicationClasses.LOADER).getKieBase();
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
        Map<String, String> groups = agendaGroups(kieBase);
        List<String> guards = precedenceGuards(contents, tables, groups, policyValues.topics());
        if (!guards.isEmpty()) {
            throw new RulebaseException(guards);
        }
        return serving(folder.version(), kieBase, policyValues, institutions, trustedIssuers,
                catalogue(kieBase, folder, tables, groups, policyValues.topicOrder()), topicsIn(groups, policyValues.topics()));
    }

    /**
     * The rulebase that serves these compiled rules with their policy data, loaded now, its sessions made
     * ready: the one assembly of a rulebase, from a compile or from the rulebase cache.
     */
    public static Rulebase serving(String version, KieBase kieBase, PolicyValues.Read policyValues, Institutions institutions,
            TrustedIssuers trustedIssuers, Map<String, RuleInfo> rules, Map<String, HitPolicy> topics) {
        return new Rulebase(version, Instant.now(), kieBase, kieBase.newKieSessionsPool(SESSIONS_KEPT_READY), policyValues.facts(),
                institutions, trustedIssuers, rules, topics);
    }

    /** Every rule with its policy metadata, in file and line order; a rule missing either is an error. */
    private static Map<String, RuleInfo> catalogue(KieBase kieBase, RulesFolder folder, Map<String, DecisionTable> tables,
            Map<String, String> groups, List<String> topicOrder) {
        Map<String, Map<String, Integer>> ruleLines = new HashMap<>();
        folder.ruleFiles().forEach(file -> ruleLines.put(file.name(), ruleLines(file.content())));
        List<Map.Entry<String, RuleInfo>> entries = kieBase.getKiePackages().stream()
                .flatMap(kiePackage -> kiePackage.getRules().stream())
                .map(rule -> Map.entry(Rulebase.key(rule.getPackageName(), rule.getName()), describe(rule, ruleLines, tables)))
                .sorted(Comparator.comparing((Map.Entry<String, RuleInfo> entry) -> entry.getValue().file())
                        .thenComparingInt(entry -> entry.getValue().line()))
                .toList();
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        String valuesFile = folder.policyValues().name();
        for (Map.Entry<String, RuleInfo> entry : entries) {
            RuleInfo info = entry.getValue();
            String where = info.file() + ":" + info.line() + ": rule \"" + info.name() + "\"";
            if (info.policy() == null || !POLICY_ID.matcher(info.policy()).matches()) {
                errors.add(where + " needs a policy id such as @policy(\"CR-5\")"
                        + (info.policy() == null ? "" : ", not \"" + info.policy() + "\""));
            }
            if (info.description() == null || info.description().isBlank()) {
                errors.add(where + " needs a one-line @description(\"...\")");
            }
            String group = groups.get(entry.getKey());
            if (!MAIN.equals(group) && !topicOrder.contains(group)) {
                errors.add(where + " is in the topic \"" + group + "\", which " + (topicOrder.isEmpty() ? "no topicOrder in " + valuesFile
                        + " lists" : "topicOrder in " + valuesFile + " does not list") + ", so it would never fire; "
                        + (topicOrder.isEmpty() ? "add topicOrder listing the topics in the order they are decided"
                                : "give it ruleflow-group with one of: " + String.join(", ", topicOrder)));
            }
            rules.put(entry.getKey(), info);
        }
        boolean topics = groups.values().stream().anyMatch(group -> !MAIN.equals(group));
        for (String topic : topics ? topicOrder : List.<String>of()) {
            if (!groups.containsValue(topic)) {
                errors.add(valuesFile + ":" + PolicyValues.topicOrderLine(folder.policyValues()) + ": topicOrder lists " + topic
                        + ", but no rule is in that topic (a rule joins it with ruleflow-group \"" + topic + "\")");
            }
        }
        if (!errors.isEmpty()) {
            throw new RulebaseException(errors);
        }
        return Collections.unmodifiableMap(rules);
    }

    /**
     * PR-2: a rule of a FIRST or UNIQUE topic that waits for its own topic to have no answer yet
     * ({@code not Conclusion( … topic == Topic.CREDIT )}) restates what the topic's hit policy
     * declares once, and would hide itself from the answer's overruled list: each is refused at its line.
     */
    private static List<String> precedenceGuards(Map<String, String> contents, Map<String, DecisionTable> tables,
            Map<String, String> groups, Map<String, HitPolicy> topics) {
        List<String> errors = new ArrayList<>();
        Map<String, String> groupByName = new HashMap<>(); // a search per rule grew with the square of the rules
        groups.forEach((key, group) -> groupByName.putIfAbsent(key.substring(key.indexOf('/') + 1), group));
        contents.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
            DrlText drl = new DrlText(file.getValue());
            for (DrlText.Rule rule : drl.rules()) {
                String topic = groupByName.getOrDefault(rule.name(), MAIN);
                HitPolicy policy = topics.get(topic);
                Topic answers = PolicyValues.answerOf(topic);
                int line = policy == null || policy == HitPolicy.COLLECT || answers == null ? 0 : drl.waitsForNoAnswer(rule, answers.name());
                if (line > 0) {
                    String message = "rule \"" + rule.name() + "\" waits for no " + topic + " answer yet (not Conclusion( … topic == Topic."
                            + answers.name() + " )): the topic is " + policy + " in policy-values.yaml, which decides which rule answers"
                            + (policy == HitPolicy.FIRST ? " and lists the others as overruled" : "") + "; remove that condition (PR-2)";
                    DecisionTable table = tables.get(file.getKey());
                    errors.add(table == null ? file.getKey() + ":" + line + ": " + message : table.place(line, message));
                }
            }
        });
        return errors;
    }

    /**
     * The topics of the order that rules of this rulebase name, in that order: none when no rule names
     * a topic, so that a rulebase without topics runs in Drools' one default group, unfocused.
     */
    public static Map<String, HitPolicy> topicsIn(KieBase kieBase, Map<String, HitPolicy> topics) {
        return topicsIn(agendaGroups(kieBase), topics);
    }

    private static Map<String, HitPolicy> topicsIn(Map<String, String> groups, Map<String, HitPolicy> topics) {
        Map<String, HitPolicy> named = new LinkedHashMap<>();
        topics.forEach((topic, policy) -> {
            if (groups.containsValue(topic)) {
                named.put(topic, policy);
            }
        });
        return named;
    }

    /** The agenda group (topic) of every rule, keyed like the catalogue. */
    private static Map<String, String> agendaGroups(KieBase kieBase) {
        Map<String, String> groups = new HashMap<>();
        kieBase.getKiePackages().forEach(kiePackage -> kiePackage.getRules().forEach(rule -> groups.put(
                Rulebase.key(rule.getPackageName(), rule.getName()), rule instanceof RuleImpl impl ? impl.getAgendaGroup() : MAIN)));
        return groups;
    }

    private static RuleInfo describe(Rule rule, Map<String, Map<String, Integer>> ruleLines, Map<String, DecisionTable> tables) {
        String file = fileOf(rule);
        // Drools files @description under the name of its own Description annotation.
        Object description = rule.getMetaData().getOrDefault("description", rule.getMetaData().get(Description.class.getName()));
        String policy = text(rule.getMetaData().get("policy"));
        DecisionTable table = tables.get(file);
        DecisionTable.TableRule row = table == null ? null : table.ruleNamed(rule.getName());
        if (row != null) {
            return new RuleInfo(rule.getName(), policy, text(description), table.file(), row.row(), row.sheet(), row.row(), salience(rule));
        }
        return new RuleInfo(rule.getName(), policy, text(description), file, ruleLines.getOrDefault(file, Map.of()).getOrDefault(rule.getName(), 0),
                null, null, salience(rule));
    }

    private static int salience(Rule rule) {
        return rule instanceof RuleImpl impl ? impl.getSalienceValue() : 0;
    }

    private static String fileOf(Rule rule) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            return stripModuleRoot(impl.getResource().getSourcePath());
        }
        return "?";
    }

    /** The line of each rule's header in a file, found in one pass (a search per rule grew with the square of the file). */
    private static Map<String, Integer> ruleLines(String content) {
        Map<String, Integer> lines = new HashMap<>();
        int number = 0;
        for (String line : (Iterable<String>) content.lines()::iterator) {
            number++;
            Matcher header = RULE_HEADER.matcher(line);
            if (header.lookingAt()) {
                lines.putIfAbsent(header.group(1), number);
            }
        }
        return lines;
    }

    private static String text(Object metadata) {
        return metadata == null ? null : metadata.toString().replaceAll("^\"|\"$", "");
    }

    static String stripModuleRoot(String path) {
        return path.startsWith(MODULE_ROOT) ? path.substring(MODULE_ROOT.length()) : path;
    }
}
