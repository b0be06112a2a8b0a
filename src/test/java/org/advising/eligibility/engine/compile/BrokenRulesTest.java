package org.advising.eligibility.engine.compile;

import org.advising.eligibility.ShippedRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.advising.eligibility.RulesCopy;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken rules folder never becomes a rulebase; AuthorMistakesTest holds the message for each kind of mistake. */
class BrokenRulesTest {

    @TempDir
    Path folder;

    /** A copy of the real rules folder with one file replaced or added. */
    private Path rulesWith(String fileName, String content) throws IOException {
        RulesCopy.into(folder);
        Files.writeString(folder.resolve(fileName), content);
        return folder;
    }

    private static List<String> errorsOf(Path rules) {
        return assertThrows(RulebaseException.class, () -> new RulebaseCompiler().compile(RulesFolder.read(rules))).errors();
    }

    private static final String HEADER = "package eligibility;\n\nimport org.advising.eligibility.model.*;\n\n";

    @Test
    void errors_in_several_files_are_all_reported() throws IOException {
        rulesWith("a-broken.drl", HEADER + "rule \"A\" when then insert(; end\n");
        Files.writeString(folder.resolve("z-broken.drl"), HEADER + "rule \"Z\" when Offering( nosuchfield == 1 ) then end\n");
        List<String> errors = errorsOf(folder);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("a-broken.drl:5: ")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("z-broken.drl:5: ")), errors.toString());
    }

    @Test
    void a_rule_without_a_policy_id_or_description_is_refused() throws IOException {
        List<String> errors = errorsOf(rulesWith("untraced.drl", HEADER + """
                rule "Untraced rule"
                when
                    $offering : Offering()
                then
                    insert(Conclusion.advice($offering, "x"));
                end
                """));
        assertEquals(List.of(
                "untraced.drl:5: rule \"Untraced rule\" needs a policy id such as @policy(\"CR-5\")",
                "untraced.drl:5: rule \"Untraced rule\" needs a one-line @description(\"...\")"), errors);
    }

    @Test
    void a_configmap_style_mount_with_hidden_copies_loads_each_rule_once() throws IOException {
        Path hidden = Files.createDirectories(folder.resolve("..2026_11_23_12_00_00.000"));
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, hidden.resolve(file.getFileName()));
                Files.createSymbolicLink(folder.resolve(file.getFileName()), hidden.resolve(file.getFileName()));
            }
        }
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(folder));
        assertEquals(ShippedRules.rulebase().rules().size(), rulebase.rules().size());
    }

    /** PR-2: the hit policy decides which rule answers; a rule that also waits for no answer of its own topic is refused at that line. */
    @Test
    void a_rule_that_waits_for_no_answer_of_its_own_topic_is_refused_at_that_line() throws IOException {
        List<String> errors = errorsOf(rulesWith("guarded.drl", HEADER + """
                rule "A guarded credit rule"
                    @policy("CR-2") @description("Waits for no credit answer, as rules did before hit policies.")
                    ruleflow-group "credit"
                when
                    $offering : Offering()
                    not Conclusion( offering == $offering, topic == Topic.CREDIT )
                then
                    insert(new Conclusion($offering, CreditTransfer.NO, "x"));
                end

                rule "A rule that reads another topic's answer"
                    @policy("CR-2") @description("Reading accreditation's answer is a condition, not a guard.")
                    ruleflow-group "credit"
                when
                    $offering : Offering()
                    not Conclusion( offering == $offering, topic == Topic.ACCREDITATION )
                then
                    insert(new Conclusion($offering, CreditTransfer.NO, "y"));
                end

                rule "A credit rule guarded over two lines"
                    @policy("CR-2") @description("The same guard, written over two lines.")
                    ruleflow-group "credit"
                when
                    $offering : Offering()
                    not Conclusion( offering == $offering,   // a comment does not hide it
                                    topic == Topic.CREDIT )
                then
                    insert(new Conclusion($offering, CreditTransfer.NO, "z"));
                end
                """));
        assertEquals(List.of("guarded.drl:10: rule \"A guarded credit rule\" waits for no credit answer yet (not Conclusion( … "
                + "topic == Topic.CREDIT )): the topic is FIRST in policy-values.yaml, which decides which rule answers and lists "
                + "the others as overruled; remove that condition (PR-2)",
                "guarded.drl:30: rule \"A credit rule guarded over two lines\" waits for no credit answer yet (not Conclusion( … "
                + "topic == Topic.CREDIT )): the topic is FIRST in policy-values.yaml, which decides which rule answers and lists "
                + "the others as overruled; remove that condition (PR-2)"), errors);
    }

    @Test
    void a_folder_without_rules_is_refused() {
        assertEquals(List.of("The rules folder '" + folder.getFileName() + "' holds no rule file (.drl, .drl.csv or .drl.xlsx)."), errorsOf(folder));
    }

    @Test
    void policy_numbers_and_dates_past_their_bounds_are_refused_at_their_line() throws IOException {
        RulesCopy.into(folder);
        Files.writeString(folder.resolve("institutions.yaml"), """
                institutions:
                  - id: wide
                    name: Wide College
                    minimumGrade: 2.125
                    acceptedLevels: [LOWER_DIVISION]
                    maxTransferSemesterHours: 1e-1000000
                    until: 2201-01-01
                """);
        assertEquals(List.of(
                "institutions.yaml:2: institutions[0] (wide) has minimumGrade 2.125; it may have at most 2 decimals",
                "institutions.yaml:2: institutions[0] (wide) has maxTransferSemesterHours 1E-1000000; it may have at most 2 decimals",
                "institutions.yaml:2: institutions[0] (wide) has until 2201-01-01; a date must be from 1900-01-01 to 2200-12-31"),
                errorsOf(folder));
    }

    @Test
    void a_compile_error_beside_a_long_string_literal_is_refused_not_a_stack_overflow() throws IOException {
        String literal = "x".repeat(200_000);
        List<String> errors = errorsOf(rulesWith("long-literal.drl", HEADER + """
                rule "Long literal"
                    @policy("ADV-1") @description("A rule with a long literal and a mistake")
                when
                    $offering : Offering( title == "%s" )
                then
                    insert(new NoSuchFact($offering);
                end
                """.formatted(literal)));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("long-literal.drl:"), errors.get(0).substring(0, Math.min(300, errors.get(0).length())));
    }

    @Test
    void a_rule_in_a_topic_the_order_does_not_list_is_refused_at_its_line_and_so_is_a_listed_topic_without_rules() throws IOException {
        rulesWith("misspelt.drl", HEADER + """
                rule "A rule of a misspelt topic"
                    @policy("CR-1")
                    @description("Its topic is not in topicOrder.")
                    ruleflow-group "credt"
                when
                    $offering : Offering()
                then
                    insert(Conclusion.advice($offering, "x"));
                end
                """);
        assertEquals(List.of("misspelt.drl:5: rule \"A rule of a misspelt topic\" is in the topic \"credt\", which topicOrder in "
                + "policy-values.yaml does not list, so it would never fire; give it ruleflow-group with one of: accreditation, "
                + "credential, credit, admission, industry-certification, transfer, transfer-caps, advice"), errorsOf(folder));

        Files.delete(folder.resolve("misspelt.drl"));
        Files.delete(folder.resolve("advice.drl"));
        int line = Files.readAllLines(folder.resolve("policy-values.yaml")).indexOf("topicOrder:") + 1;
        assertEquals(List.of("policy-values.yaml:" + line + ": topicOrder lists advice, but no rule is in that topic "
                + "(a rule joins it with ruleflow-group \"advice\")"), errorsOf(folder));
    }
}
