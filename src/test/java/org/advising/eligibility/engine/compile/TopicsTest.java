package org.advising.eligibility.engine.compile;

import org.advising.eligibility.ShippedRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules read one file at a time: each file is one topic (its rules' ruleflow-group),
 * the order of the topics is stated once (topicOrder in policy-values.yaml), and the precedence
 * inside a file uses a handful of salience values.
 */
class TopicsTest {

    private static final Rulebase RULEBASE = ShippedRules.rulebase();

    @Test
    void every_rule_file_is_one_topic_and_every_topic_is_in_the_stated_order() {
        Map<String, Set<String>> topicsByFile = new TreeMap<>();
        RULEBASE.kieBase().getKiePackages().forEach(kiePackage -> kiePackage.getRules().forEach(rule -> topicsByFile
                .computeIfAbsent(RULEBASE.describe(rule).file(), file -> new TreeSet<>()).add(((RuleImpl) rule).getAgendaGroup())));
        topicsByFile.forEach((file, topics) -> assertEquals(1, topics.size(), file + " decides one topic, not " + topics));
        // Which topics there are, and their order, are the policy author's (topicOrder in policy-values.yaml): each is decided somewhere.
        Set<String> decided = new TreeSet<>();
        topicsByFile.values().forEach(decided::addAll);
        assertEquals(new TreeSet<>(RULEBASE.topicOrder()), decided);
    }

    @Test
    void all_rule_files_together_use_at_most_ten_salience_values() {
        Set<Integer> saliences = new TreeSet<>();
        RULEBASE.kieBase().getKiePackages().forEach(kiePackage -> kiePackage.getRules()
                .forEach(rule -> saliences.add(((RuleImpl) rule).getSalienceValue())));
        assertTrue(saliences.size() <= 10, "a handful of precedence levels, not one per rule: " + saliences);
    }
}
