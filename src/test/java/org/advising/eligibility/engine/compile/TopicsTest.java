package org.advising.eligibility.engine.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules read one file at a time: each file is one topic (its rules' ruleflow-group),
 * the order of the topics is stated once (topicOrder in policy-values.yaml), and the precedence
 * inside a file uses a handful of salience values.
 */
class TopicsTest {

    private static final Rulebase RULEBASE = new RulebaseCompiler().compile(RulesFolder.read(Path.of("rules")));

    @Test
    void every_rule_file_is_one_topic_and_the_topics_are_decided_in_the_stated_order() {
        Map<String, Set<String>> topicsByFile = new TreeMap<>();
        RULEBASE.kieBase().getKiePackages().forEach(kiePackage -> kiePackage.getRules().forEach(rule -> topicsByFile
                .computeIfAbsent(RULEBASE.describe(rule).file(), file -> new TreeSet<>()).add(((RuleImpl) rule).getAgendaGroup())));
        assertEquals(Map.of("accreditation.drl", Set.of("accreditation"), "admission.drl", Set.of("admission"),
                "advice.drl", Set.of("advice"), "credential.drl", Set.of("credential"), "credential.drl.csv", Set.of("credential"),
                "credit.drl", Set.of("credit"), "industry-certification.drl", Set.of("industry-certification"),
                "transfer.drl", Set.of("transfer"), "transfer-caps.drl", Set.of("transfer-caps")), topicsByFile);
        assertEquals(List.of("accreditation", "credential", "credit", "admission", "industry-certification", "transfer",
                "transfer-caps", "advice"), RULEBASE.topicOrder());
    }

    @Test
    void all_rule_files_together_use_at_most_ten_salience_values() {
        Set<Integer> saliences = new TreeSet<>();
        RULEBASE.kieBase().getKiePackages().forEach(kiePackage -> kiePackage.getRules()
                .forEach(rule -> saliences.add(((RuleImpl) rule).getSalienceValue())));
        assertTrue(saliences.size() <= 10, saliences.toString());
        // transfer.drl uses them all: TR-1 9, TR-2 8, TR-3 7, TR-4 6, TR-9 5, TR-7 4, then TR-5 and TR-6's checks 3 to 0.
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), saliences);
    }
}
