package org.advising.eligibility.engine.compile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.advising.eligibility.engine.folder.HitPolicy;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.engine.folder.PolicyValues;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.advising.eligibility.model.PolicyFact;
import org.advising.eligibility.model.Topic;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled rules folder, ready to evaluate: built once, shared by every evaluation.
 * {@code sessions} lends each evaluation a session of this rulebase and takes it back emptied;
 * {@code policyFacts} in effect on the evaluation's date are inserted into its session;
 * {@code institutions} are the receiving institutions a request may name; {@code trustedIssuers} the
 * credential issuers whose keys policy staff vouch for (LC-9);
 * {@code rules} is keyed by package and rule name; {@code topics} names the agenda groups (one per
 * rule file) in the order an evaluation focuses them, the first decided first, each with its hit
 * policy (PR-1); {@code hitPolicies} is the same per topic of a conclusion, derived from it once;
 * {@code ruleObjects} is {@code rules} keyed by the engine's own rule objects, so an evaluation
 * finds the rule of a firing without building its key (derived once too); {@code policyFactsByPeriod} is
 * {@code policyFacts} by the periods in which the same ones are in effect (derived once too).
 */
public record Rulebase(String version, Instant loadedAt, KieBase kieBase, KieSessionsPool sessions,
        List<PolicyFact> policyFacts, Institutions institutions, TrustedIssuers trustedIssuers, Map<String, RuleInfo> rules,
        Map<String, HitPolicy> topics, Map<Topic, HitPolicy> hitPolicies, Map<Rule, RuleInfo> ruleObjects,
        NavigableMap<LocalDate, List<PolicyFact>> policyFactsByPeriod) {

    public Rulebase {
        trustedIssuers = trustedIssuers == null ? TrustedIssuers.NONE : trustedIssuers;
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        hitPolicies = Collections.unmodifiableMap(new EnumMap<>(hitPolicies));
    }

    /** A rulebase whose conclusions are decided by its topics' hit policies. */
    public Rulebase(String version, Instant loadedAt, KieBase kieBase, KieSessionsPool sessions, List<PolicyFact> policyFacts,
            Institutions institutions, TrustedIssuers trustedIssuers, Map<String, RuleInfo> rules, Map<String, HitPolicy> topics) {
        this(version, loadedAt, kieBase, sessions, policyFacts, institutions, trustedIssuers, rules, topics, hitPolicies(topics),
                ruleObjects(kieBase, rules), periods(policyFacts));
    }

    /**
     * The policy facts in effect from each date on which one starts or stops being in effect, up to the next such date:
     * an evaluation finds its date's facts without filtering them all.
     */
    private static NavigableMap<LocalDate, List<PolicyFact>> periods(List<PolicyFact> facts) {
        NavigableSet<LocalDate> starts = new TreeSet<>(List.of(LocalDate.MIN));
        for (PolicyFact fact : facts) {
            if (fact.from() != null) {
                starts.add(fact.from());
            }
            if (fact.until() != null && fact.until().isBefore(LocalDate.MAX)) {
                starts.add(fact.until().plusDays(1));
            }
        }
        NavigableMap<LocalDate, List<PolicyFact>> byStart = new TreeMap<>();
        for (LocalDate start : starts) {
            byStart.put(start, facts.stream().filter(fact -> fact.inEffectOn(start)).toList());
        }
        return Collections.unmodifiableNavigableMap(byStart);
    }

    /** Each rule of the rule engine's base with its description; read only after it is built, so safe to share. */
    private static Map<Rule, RuleInfo> ruleObjects(KieBase kieBase, Map<String, RuleInfo> rules) {
        Map<Rule, RuleInfo> byObject = new IdentityHashMap<>();
        if (kieBase != null) {
            kieBase.getKiePackages().forEach(kiePackage -> kiePackage.getRules().forEach(rule -> {
                RuleInfo info = rules.get(key(rule.getPackageName(), rule.getName()));
                if (info != null) {
                    byObject.put(rule, info);
                }
            }));
        }
        return Collections.unmodifiableMap(byObject);
    }

    /** A rulebase that trusts no credential issuer (tests that build one by hand). */
    public Rulebase(String version, Instant loadedAt, KieBase kieBase, KieSessionsPool sessions, List<PolicyFact> policyFacts,
            Institutions institutions, Map<String, RuleInfo> rules, Map<String, HitPolicy> topics) {
        this(version, loadedAt, kieBase, sessions, policyFacts, institutions, TrustedIssuers.NONE, rules, topics);
    }

    /**
     * How the conclusions of each topic are decided: as the topic of topicOrder that draws them declares,
     * COLLECT for advice and where the rulebase states no topics (then every conclusion stays, and a
     * summary topic concluded twice is a defect).
     */
    private static Map<Topic, HitPolicy> hitPolicies(Map<String, HitPolicy> topics) {
        Map<Topic, HitPolicy> byAnswer = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            byAnswer.put(topic, HitPolicy.COLLECT);
        }
        topics.forEach((name, policy) -> {
            Topic answers = PolicyValues.answerOf(name);
            if (answers != null) {
                byAnswer.put(answers, policy);
            }
        });
        return byAnswer;
    }

    /** The topics in the order they are decided. */
    public List<String> topicOrder() {
        return List.copyOf(topics.keySet());
    }

    /** How the conclusions of a topic are decided (see {@link #hitPolicies(Map)}). */
    public HitPolicy hitPolicy(Topic topic) {
        return hitPolicies.get(topic);
    }

    /** The policy values in effect on this date. */
    public List<PolicyFact> policyFactsOn(LocalDate date) {
        return policyFactsByPeriod.floorEntry(date).getValue();
    }

    /** Focuses the topics of a session in this rulebase's order: the focus is a stack, so the first topic goes on last. */
    public void focusTopics(KieSession session) {
        List<String> order = topicOrder();
        for (int topic = order.size() - 1; topic >= 0; topic--) {
            session.getAgenda().getAgendaGroup(order.get(topic)).setFocus();
        }
    }

    public RuleInfo describe(Rule rule) {
        RuleInfo info = ruleObjects.get(rule);
        return info != null ? info : rules.get(key(rule.getPackageName(), rule.getName()));
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }
}
