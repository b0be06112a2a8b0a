package org.advising.eligibility.engine.compile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advising.eligibility.engine.folder.HitPolicy;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.engine.folder.PolicyFact;
import org.advising.eligibility.model.Topic;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled rules folder, ready to evaluate: built once, shared by every evaluation.
 * {@code sessions} lends each evaluation a session of this rulebase and takes it back emptied;
 * {@code policyFacts} in effect on the evaluation's date are inserted into its session;
 * {@code institutions} are the receiving institutions a request may name;
 * {@code rules} is keyed by package and rule name; {@code topics} names the agenda groups (one per
 * rule file) in the order an evaluation focuses them, the first decided first, each with its hit
 * policy (PR-1).
 */
public record Rulebase(String version, Instant loadedAt, KieBase kieBase, KieSessionsPool sessions,
        List<PolicyFact> policyFacts, Institutions institutions, Map<String, RuleInfo> rules, Map<String, HitPolicy> topics) {

    public Rulebase {
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
    }

    /** The topics in the order they are decided. */
    public List<String> topicOrder() {
        return List.copyOf(topics.keySet());
    }

    /**
     * How the conclusions of a topic are decided: as its topic of topicOrder declares, COLLECT for
     * advice and where the rulebase states no topics (then every conclusion stays, and a summary
     * topic concluded twice is a defect).
     */
    public HitPolicy hitPolicy(Topic topic) {
        HitPolicy declared = topics.get(topic.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return declared == null ? HitPolicy.COLLECT : declared;
    }

    /** The policy values in effect on this date. */
    public List<Object> policyFactsOn(LocalDate date) {
        return policyFacts.stream().filter(fact -> fact.inEffectOn(date)).map(PolicyFact::fact).toList();
    }

    /** Focuses the topics of a session in this rulebase's order: the focus is a stack, so the first topic goes on last. */
    public void focusTopics(KieSession session) {
        List<String> order = topicOrder();
        for (int topic = order.size() - 1; topic >= 0; topic--) {
            session.getAgenda().getAgendaGroup(order.get(topic)).setFocus();
        }
    }

    public RuleInfo describe(Rule rule) {
        return rules.get(key(rule.getPackageName(), rule.getName()));
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }
}
