package org.advising.eligibility.engine.evaluate;

import org.advising.eligibility.ShippedRules;
import static org.advising.eligibility.engine.evaluate.Facts.HLC_UNIVERSITY;
import static org.advising.eligibility.engine.evaluate.Facts.learner;
import static org.advising.eligibility.engine.evaluate.Facts.offering;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.OfferingType;
import org.advising.eligibility.model.Topic;
import org.advising.eligibility.nextsteps.NextStepsFinder;
import org.advising.eligibility.RulesCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules that compile but decide badly are caught at evaluation, loudly and precisely. */
class RulebaseDefectsTest {

    private static Rulebase compile(String name) {
        return new RulebaseCompiler().compile(RulesFolder.read(Path.of("src/test/resources/rulebases", name)));
    }

    @Test
    void a_summary_field_with_no_conclusion_or_several_names_the_offering_topic_and_rules() {
        RulebaseDefectException defect = assertThrows(RulebaseDefectException.class, () -> new RulebaseRunner(100)
                .evaluate(compile("ambiguous"), learner(), List.of(offering(OfferingType.COURSE, HLC_UNIVERSITY).id("c1").build())));
        assertEquals(List.of(
                "offering 'c1': no rule concluded CREDENTIAL",
                "offering 'c1': 2 conclusions of CREDIT from \"Every offering transfers credit\" (ambiguous.drl:16), "
                        + "\"Every offering transfers no credit\" (ambiguous.drl:25)",
                "offering 'c1': no rule concluded ADMISSION",
                "offering 'c1': no rule concluded INDUSTRY_CERTIFICATION"), defect.defects());
    }

    /** PR-1: in a UNIQUE topic two rules that hold for one offering are a defect naming both, never a choice between them. */
    @Test
    void two_rules_of_a_unique_topic_that_hold_are_a_defect_naming_both(@TempDir Path folder) throws IOException {
        RulesCopy.into(folder);
        Files.writeString(folder.resolve("accreditation-extra.drl"), """
                package eligibility;

                import org.advising.eligibility.model.*;

                rule "Every course is accredited"
                    @policy("ACC-4") @description("Holds together with the shipped rules, which a UNIQUE topic refuses.")
                    ruleflow-group "accreditation"
                when
                    $offering : Offering( type == OfferingType.COURSE )
                then
                    insert(new Conclusion($offering, Accreditation.ACCREDITED, "x"));
                end
                """);
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(folder));
        RulebaseDefectException defect = assertThrows(RulebaseDefectException.class, () -> new RulebaseRunner(100)
                .evaluate(rulebase, learner(), List.of(offering(OfferingType.COURSE, HLC_UNIVERSITY).id("c1").creditEligible(true).build())));
        // in the topic's order: both without salience, so by file and line
        assertEquals(List.of("offering 'c1': 2 conclusions of ACCREDITATION from \"Every course is accredited\" (accreditation-extra.drl:5), "
                + "\"A course or specialization that counts toward a degree of an accredited university is accredited\" (accreditation.drl:"
                + lineOf(folder.resolve("accreditation.drl"), "A course or specialization that counts toward a degree of an accredited university is accredited")
                + "); its topic is UNIQUE: at most one of its rules may hold for an offering"), defect.defects());
    }

    private static int lineOf(Path file, String rule) throws IOException {
        return Files.readAllLines(file).indexOf("rule \"" + rule + "\"") + 1;
    }

    @Test
    void a_rule_that_fires_forever_is_stopped_at_the_firing_limit_and_named() {
        RulebaseDefectException defect = assertThrows(RulebaseDefectException.class, () -> new RulebaseRunner(50)
                .evaluate(compile("runaway"), learner(), List.of(offering(OfferingType.COURSE, HLC_UNIVERSITY).build())));
        assertTrue(defect.defects().get(0).startsWith("the rules fired more than 50 times and were stopped; most fired: "
                + "\"Keep advising forever\" 51 times"), defect.defects().toString());
    }

    @Test
    void each_defect_is_a_located_value_naming_the_offering_the_topic_and_every_rule_with_its_file_and_line() {
        RulebaseDefectException defect = assertThrows(RulebaseDefectException.class, () -> new RulebaseRunner(100)
                .evaluate(compile("ambiguous"), learner(), List.of(offering(OfferingType.COURSE, HLC_UNIVERSITY).id("c1").build())));
        RulebaseDefect.Undecided credit = (RulebaseDefect.Undecided) defect.found().get(1);
        assertEquals("c1", credit.offering());
        assertEquals(Topic.CREDIT, credit.topic());
        assertEquals(null, credit.institution());
        assertEquals(List.of("Every offering transfers credit ambiguous.drl:16", "Every offering transfers no credit ambiguous.drl:25"),
                credit.rules().stream().map(rule -> rule.name() + " " + rule.file() + ":" + rule.line()).toList());
        assertEquals(List.of(), ((RulebaseDefect.Undecided) defect.found().get(0)).rules(), "no rule concluded CREDENTIAL");

        RulebaseDefectException runaway = assertThrows(RulebaseDefectException.class, () -> new RulebaseRunner(50)
                .evaluate(compile("runaway"), learner(), List.of(offering(OfferingType.COURSE, HLC_UNIVERSITY).build())));
        RulebaseDefect.Runaway stopped = (RulebaseDefect.Runaway) runaway.found().get(0);
        assertEquals(50, stopped.limit());
        assertEquals(List.of("Keep advising forever runaway.drl:6 51", "Start the loop runaway.drl:15 1"),
                stopped.busiest().stream().map(f -> f.rule().name() + " " + f.rule().file() + ":" + f.rule().line() + " " + f.count()).toList());
    }

    @Test
    void next_steps_share_the_requests_time_limit_and_past_it_stop_as_an_evaluation_does() {
        Rulebase rulebase = ShippedRules.rulebase();
        RulebaseRunner runner = new RulebaseRunner(100);
        List<Offering> offerings = List.of(offering(OfferingType.MASTERTRACK, HLC_UNIVERSITY).id("mt").build());
        RulebaseAnswer now = runner.evaluate(rulebase, learner(), offerings, java.time.LocalDate.of(2026, 11, 20), List.of());
        NextStepsFinder.Request request = new NextStepsFinder.Request(rulebase, learner(), offerings, java.time.LocalDate.of(2026, 11, 20),
                List.of(), now);
        Deadline spent = Deadline.in(java.time.Duration.ZERO); // the request's budget is spent: its first move does not start
        EvaluationTimeoutException timeout = assertThrows(EvaluationTimeoutException.class, () -> new NextStepsFinder(runner).find(request, spent));
        assertEquals("the request's 0 ms had passed before an evaluation could start", timeout.getMessage());
    }

    @Test
    void an_evaluation_past_its_time_limit_is_stopped_and_names_the_rule_firing_then() {
        List<Offering> slow = List.of(offering(OfferingType.COURSE, HLC_UNIVERSITY).id("c1").title("Slow").build(),
                offering(OfferingType.COURSE, HLC_UNIVERSITY).id("c2").title("Slow").build(),
                offering(OfferingType.COURSE, HLC_UNIVERSITY).id("c3").title("Slow").build());
        EvaluationTimeoutException timeout = assertThrows(EvaluationTimeoutException.class,
                () -> new RulebaseRunner(100, Duration.ofMillis(500)).evaluate(compile("slow"), learner(), slow));
        assertEquals("the rules took longer than 500 ms and were stopped after 2 firings; the last rule fired was \"Take 300 ms\"",
                timeout.getMessage());
    }
}
