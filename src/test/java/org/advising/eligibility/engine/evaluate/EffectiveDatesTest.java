package org.advising.eligibility.engine.evaluate;

import static org.advising.eligibility.engine.evaluate.Facts.HLC_UNIVERSITY;
import static org.advising.eligibility.engine.evaluate.Facts.learner;
import static org.advising.eligibility.engine.evaluate.Facts.offering;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.engine.folder.PolicyValues;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.model.CreditTransfer;
import org.advising.eligibility.model.OfferingType;
import org.advising.eligibility.model.PassingGrade;
import org.advising.eligibility.model.PolicyFact;
import org.junit.jupiter.api.Test;

/** Evaluation honours rules' and policy values' dates as of the evaluation's date, not the wall clock. */
class EffectiveDatesTest {

    private static OfferingDecision creditOn(String asOf) {
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(Path.of("src/test/resources/rulebases/dated")));
        return new RulebaseRunner(100).evaluate(rulebase, learner(), List.of(offering(OfferingType.MASTERTRACK, HLC_UNIVERSITY).build()),
                LocalDate.parse(asOf)).decisions().get(0);
    }

    @Test
    void a_rule_applies_from_its_date_effective_and_not_after_its_date_expires() {
        OfferingDecision before = creditOn("2026-12-31");
        OfferingDecision after = creditOn("2027-01-01");
        assertEquals(CreditTransfer.YES, before.transfersCredit());
        assertEquals("Credit transfers until the end of 2026", before.conclusions().stream()
                .filter(c -> c.policy().equals("CR-1")).findFirst().orElseThrow().rule());
        assertEquals(CreditTransfer.NO, after.transfersCredit());
        assertEquals("No credit transfers from 2027", after.conclusions().stream()
                .filter(c -> c.policy().equals("CR-4")).findFirst().orElseThrow().rule());
    }

    private static List<PolicyFact> values(String yaml) {
        return PolicyValues.read(new RulesFolder.RuleFile("policy-values.yaml", yaml)).facts();
    }

    @Test
    void a_dated_passing_grade_applies_from_its_date_until_the_next_one() {
        List<PolicyFact> facts = values("""
                passingGrade:
                  - { gpa: 2.3, from: 2027-07-01 }
                  - 2.0
                recognizedAccreditors:
                  - { code: HLC, name: Higher Learning Commission }
                """);
        Rulebase rulebase = new Rulebase("v", null, null, null, facts, Institutions.NONE, java.util.Map.of(), java.util.Map.of());
        assertEquals(List.of(new PassingGrade(2.0, null, LocalDate.of(2027, 6, 30))), grades(rulebase, "2027-06-30"));
        assertEquals(List.of(new PassingGrade(2.3, LocalDate.of(2027, 7, 1), null)), grades(rulebase, "2027-07-01"));
    }

    /** The facts of a date are found by period (computed once per rulebase): each day, they are exactly those in effect that day. */
    @Test
    void each_day_gets_exactly_the_policy_values_in_effect_that_day() {
        List<PolicyFact> facts = values("""
                passingGrade:
                  - 2.0
                  - { gpa: 2.3, from: 2027-07-01 }
                  - { gpa: 2.5, from: 2028-01-01 }
                recognizedAccreditors:
                  - { code: HLC, name: Higher Learning Commission }
                  - { code: OLD, name: Old commission, until: 2027-06-30 }
                  - { code: NEW, name: New commission, from: 2027-07-01 }
                  - { code: GAP, name: A commission recognized for one year, from: 2027-03-01, until: 2028-02-29 }
                  - { code: DAY, name: A commission recognized for one day, from: 2027-12-31, until: 2027-12-31 }
                """);
        Rulebase rulebase = new Rulebase("v", null, null, null, facts, Institutions.NONE, java.util.Map.of(), java.util.Map.of());
        for (LocalDate day = LocalDate.of(2026, 12, 1); day.isBefore(LocalDate.of(2028, 4, 1)); day = day.plusDays(1)) {
            LocalDate on = day;
            assertEquals(facts.stream().filter(fact -> fact.inEffectOn(on)).toList(), rulebase.policyFactsOn(day), day.toString());
        }
        assertEquals(4, rulebase.policyFactsOn(LocalDate.of(2027, 6, 30)).size(), "2.0, HLC, OLD and GAP on OLD's last day");
        assertEquals(5, rulebase.policyFactsOn(LocalDate.of(2027, 12, 31)).size(), "2.3, HLC, NEW, GAP and DAY on DAY's one day");
        assertEquals(3, rulebase.policyFactsOn(LocalDate.of(1900, 1, 1)).size(), "2.0, HLC and OLD long before any change");
    }

    private static List<PolicyFact> grades(Rulebase rulebase, String date) {
        return rulebase.policyFactsOn(LocalDate.parse(date)).stream().filter(fact -> fact instanceof PassingGrade).toList();
    }

    @Test
    void dated_values_that_leave_a_date_without_a_passing_grade_are_refused() {
        RulebaseException refused = assertThrows(RulebaseException.class, () -> values("""
                passingGrade:
                  - { gpa: 2.0, from: 2020-01-01 }
                  - { gpa: 2.3, from: 2020-01-01 }
                recognizedAccreditors:
                  - { code: HLC, until: 2019-01-01, from: 2020-01-01 }
                """));
        assertEquals(List.of(
                "policy-values.yaml:1: the earliest passingGrade must have no 'from' date, so that every date has one",
                "policy-values.yaml:1: two passingGrade values start on 2020-01-01",
                "policy-values.yaml:4: recognizedAccreditors[0] (HLC) ends before it starts"), refused.errors());
    }
}
