package org.advising.eligibility.engine.evaluate;

import org.advising.eligibility.ShippedRules;
import static org.advising.eligibility.engine.evaluate.Facts.COMPANY;
import static org.advising.eligibility.engine.evaluate.Facts.EDU_UNIVERSITY;
import static org.advising.eligibility.engine.evaluate.Facts.HLC_UNIVERSITY;
import static org.advising.eligibility.engine.evaluate.Facts.UNRECOGNIZED_UNIVERSITY;
import static org.advising.eligibility.engine.evaluate.Facts.ace;
import static org.advising.eligibility.engine.evaluate.Facts.audited;
import static org.advising.eligibility.engine.evaluate.Facts.completed;
import static org.advising.eligibility.engine.evaluate.Facts.enrolled;
import static org.advising.eligibility.engine.evaluate.Facts.learner;
import static org.advising.eligibility.engine.evaluate.Facts.learnerWithBachelors;
import static org.advising.eligibility.engine.evaluate.Facts.offering;
import static org.advising.eligibility.engine.evaluate.Facts.pathway;
import static org.advising.eligibility.engine.evaluate.Facts.withdrawn;
import static org.advising.eligibility.model.OfferingType.COURSE;
import static org.advising.eligibility.model.OfferingType.DEGREE;
import static org.advising.eligibility.model.OfferingType.MASTERTRACK;
import static org.advising.eligibility.model.OfferingType.PROFESSIONAL_CERTIFICATE;
import static org.advising.eligibility.model.OfferingType.SPECIALIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.model.Admission;
import org.advising.eligibility.model.Credential;
import org.advising.eligibility.model.CreditTransfer;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.RecordStatus;
import org.advising.eligibility.model.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per statement of the policy brief, run in-process on the real rules folder: each
 * proves the conclusion the statement calls for, which statement decided it, and, where the
 * brief gives one, its precedence over the statements it beats.
 */
class PolicyStatementsTest {

    private static Rulebase rulebase;
    private static final RulebaseRunner EVALUATOR = new RulebaseRunner(100);

    @BeforeAll
    static void compileTheRules() {
        rulebase = ShippedRules.rulebase();
    }

    private static OfferingDecision decide(Offering offering) {
        return decide(learner(), offering);
    }

    private static OfferingDecision decide(Learner learner, Offering offering) {
        return EVALUATOR.evaluate(rulebase, learner, List.of(offering)).decisions().get(0);
    }

    private static TracedConclusion only(OfferingDecision decision, Topic topic) {
        List<TracedConclusion> ofTopic = decision.conclusions().stream().filter(c -> c.topic() == topic).toList();
        assertEquals(1, ofTopic.size(), "conclusions of " + topic + ": " + ofTopic);
        return ofTopic.get(0);
    }

    private static List<String> advicePolicies(OfferingDecision decision) {
        return decision.conclusions().stream().filter(c -> c.topic() == Topic.ADVICE).map(TracedConclusion::policy).toList();
    }

    // Accreditation

    @Test
    void ACC_1_a_university_accredited_by_a_recognized_accreditor_is_an_accredited_provider() {
        OfferingDecision decision = decide(offering(DEGREE, HLC_UNIVERSITY).build());
        TracedConclusion accreditation = only(decision, Topic.ACCREDITATION);
        assertTrue(decision.accredited());
        assertEquals(List.of("ACC-1"), accreditation.basedOn());
        assertEquals("Example State University is accredited by HLC (Higher Learning Commission) and awards this degree itself.",
                accreditation.reason());
    }

    @Test
    void ACC_2_a_edu_university_without_a_recognized_accreditor_is_presumed_accredited_and_verification_is_advised() {
        OfferingDecision decision = decide(offering(MASTERTRACK, EDU_UNIVERSITY).build());
        assertTrue(decision.accredited());
        assertEquals(List.of("ACC-2"), only(decision, Topic.ACCREDITATION).basedOn());
        assertTrue(only(decision, Topic.ACCREDITATION).reason().contains("presumed accredited"));
        assertEquals(List.of("ADV-5"), advicePolicies(decision));
    }

    @Test
    void ACC_3_degrees_and_mastertracks_of_an_accredited_university_are_accredited() {
        for (Offering offering : List.of(offering(DEGREE, HLC_UNIVERSITY).build(), offering(MASTERTRACK, HLC_UNIVERSITY).build())) {
            OfferingDecision decision = decide(offering);
            assertTrue(decision.accredited());
            assertEquals("ACC-3", only(decision, Topic.ACCREDITATION).policy());
        }
    }

    @Test
    void ACC_4_a_course_of_an_accredited_university_is_accredited_only_when_it_counts_toward_a_degree() {
        OfferingDecision counts = decide(offering(COURSE, HLC_UNIVERSITY).creditEligible(true).build());
        OfferingDecision doesNot = decide(offering(SPECIALIZATION, HLC_UNIVERSITY).creditEligible(false).build());
        OfferingDecision silent = decide(offering(COURSE, HLC_UNIVERSITY).build());
        assertTrue(counts.accredited());
        assertFalse(doesNot.accredited());
        assertFalse(silent.accredited());
        for (OfferingDecision decision : List.of(counts, doesNot, silent)) {
            assertEquals("ACC-4", only(decision, Topic.ACCREDITATION).policy());
        }
    }

    @Test
    void ACC_5_professional_certificates_and_company_offerings_are_not_accredited_whatever_the_provider() {
        for (Offering offering : List.of(offering(PROFESSIONAL_CERTIFICATE, HLC_UNIVERSITY).build(),
                offering(PROFESSIONAL_CERTIFICATE, COMPANY).build(), offering(COURSE, COMPANY).creditEligible(true).build())) {
            OfferingDecision decision = decide(offering);
            assertFalse(decision.accredited());
            assertEquals("ACC-5", only(decision, Topic.ACCREDITATION).policy());
        }
    }

    @Test
    void ACC_6_offerings_of_a_university_neither_accredited_nor_presumed_are_not_accredited() {
        OfferingDecision decision = decide(offering(DEGREE, UNRECOGNIZED_UNIVERSITY).build());
        assertFalse(decision.accredited());
        assertEquals("ACC-6", only(decision, Topic.ACCREDITATION).policy());
        assertTrue(only(decision, Topic.ACCREDITATION).reason().contains("OfS is not on the recognized list"));
    }

    // Credential

    @Test
    void CRED_1_a_degree_gives_a_degree_and_transcript_even_from_a_provider_that_is_not_accredited() {
        for (Offering offering : List.of(offering(DEGREE, HLC_UNIVERSITY).build(), offering(DEGREE, UNRECOGNIZED_UNIVERSITY).build())) {
            OfferingDecision decision = decide(offering);
            assertEquals(Credential.DEGREE_AND_TRANSCRIPT, decision.credential());
            assertEquals("CRED-1", only(decision, Topic.CREDENTIAL).policy());
        }
    }

    @Test
    void CRED_2_a_mastertrack_gives_a_university_certificate() {
        OfferingDecision decision = decide(offering(MASTERTRACK, HLC_UNIVERSITY).build());
        assertEquals(Credential.UNIVERSITY_CERTIFICATE, decision.credential());
        assertEquals("CRED-2", only(decision, Topic.CREDENTIAL).policy());
    }

    @Test
    void CRED_3_courses_specializations_and_professional_certificates_give_a_platform_certificate_to_a_paying_learner() {
        Offering course = offering(COURSE, HLC_UNIVERSITY).build();
        for (OfferingDecision decision : List.of(decide(course), decide(learner(enrolled(course)), course),
                decide(offering(SPECIALIZATION, COMPANY).build()), decide(offering(PROFESSIONAL_CERTIFICATE, COMPANY).build()))) {
            assertEquals(Credential.PLATFORM_CERTIFICATE, decision.credential());
            assertEquals("CRED-3", only(decision, Topic.CREDENTIAL).policy());
        }
    }

    @Test
    void CRED_4_an_audit_learner_gets_no_credential_which_beats_the_platform_certificate() {
        Offering course = offering(COURSE, HLC_UNIVERSITY).creditEligible(true).build();
        OfferingDecision decision = decide(learner(audited(course, RecordStatus.COMPLETED)), course);
        assertEquals(Credential.NONE, decision.credential());
        assertEquals("CRED-4", only(decision, Topic.CREDENTIAL).policy());
    }

    @Test
    void CRED_5_a_withdrawn_learner_gets_no_credential_whatever_the_type_and_it_beats_an_audit() {
        Offering mastertrack = offering(MASTERTRACK, HLC_UNIVERSITY).build();
        assertEquals("CRED-5", only(decide(learner(withdrawn(mastertrack)), mastertrack), Topic.CREDENTIAL).policy());
        Offering course = offering(COURSE, HLC_UNIVERSITY).build();
        OfferingDecision auditedAndWithdrawn = decide(learner(audited(course, RecordStatus.WITHDRAWN)), course);
        assertEquals(Credential.NONE, auditedAndWithdrawn.credential());
        assertEquals("CRED-5", only(auditedAndWithdrawn, Topic.CREDENTIAL).policy());
    }

    // Credit

    @Test
    void CR_1_accredited_degrees_and_mastertracks_transfer_credit() {
        OfferingDecision decision = decide(offering(MASTERTRACK, HLC_UNIVERSITY).build());
        assertEquals(CreditTransfer.YES, decision.transfersCredit());
        assertEquals("CR-1", only(decision, Topic.CREDIT).policy());
        assertEquals(List.of("ACC-3"), only(decision, Topic.CREDIT).basedOn());
    }

    @Test
    void CR_2_a_course_of_an_accredited_university_transfers_credit_as_its_description_says() {
        assertEquals(CreditTransfer.YES, decide(offering(COURSE, HLC_UNIVERSITY).creditEligible(true).build()).transfersCredit());
        assertEquals(CreditTransfer.NO, decide(offering(SPECIALIZATION, HLC_UNIVERSITY).creditEligible(false).build()).transfersCredit());
        OfferingDecision silent = decide(offering(COURSE, HLC_UNIVERSITY).build());
        assertEquals(CreditTransfer.CONDITIONAL, silent.transfersCredit());
        assertEquals("CR-2", only(silent, Topic.CREDIT).policy());
        assertTrue(only(silent, Topic.CREDIT).reason().contains("check the offering's FAQ"));
    }

    @Test
    void CR_3_a_professional_certificate_transfers_no_credit_unless_it_carries_a_recommendation() {
        OfferingDecision plain = decide(offering(PROFESSIONAL_CERTIFICATE, HLC_UNIVERSITY).build());
        OfferingDecision recommended = decide(offering(PROFESSIONAL_CERTIFICATE, COMPANY).recommendation(ace(12)).build());
        assertEquals(CreditTransfer.NO, plain.transfersCredit());
        assertEquals(CreditTransfer.CONDITIONAL, recommended.transfersCredit());
        assertEquals("CR-3", only(plain, Topic.CREDIT).policy());
        assertEquals("CR-3", only(recommended, Topic.CREDIT).policy());
        assertTrue(only(recommended, Topic.CREDIT).reason().contains("carries a credit recommendation from ACE of 12 semester hours"));
    }

    @Test
    void CR_4_other_offerings_of_a_provider_that_is_not_accredited_transfer_no_credit_unless_recommended() {
        OfferingDecision company = decide(offering(COURSE, COMPANY).creditEligible(true).build());
        OfferingDecision university = decide(offering(MASTERTRACK, UNRECOGNIZED_UNIVERSITY).recommendation(ace(6)).build());
        assertEquals(CreditTransfer.NO, company.transfersCredit());
        assertEquals(CreditTransfer.CONDITIONAL, university.transfersCredit());
        assertEquals("CR-4", only(company, Topic.CREDIT).policy());
        assertEquals("CR-4", only(university, Topic.CREDIT).policy());
    }

    @Test
    void CR_5_learner_overrides_beat_the_offering_level_credit_statements() {
        Offering course = offering(COURSE, HLC_UNIVERSITY).creditEligible(true).build(); // CR-2 would say YES
        Offering mastertrack = offering(MASTERTRACK, HLC_UNIVERSITY).build(); // CR-1 would say YES
        Offering certificate = offering(PROFESSIONAL_CERTIFICATE, COMPANY).recommendation(ace(12)).build(); // CR-3: CONDITIONAL
        for (OfferingDecision decision : List.of(
                decide(learner(audited(course, RecordStatus.COMPLETED)), course),
                decide(learner(withdrawn(mastertrack)), mastertrack),
                decide(learner(completed(mastertrack, 1.9)), mastertrack),
                decide(learner(audited(certificate, RecordStatus.ENROLLED)), certificate))) {
            assertEquals(CreditTransfer.NO, decision.transfersCredit());
            assertEquals("CR-5", only(decision, Topic.CREDIT).policy());
        }
        assertEquals(CreditTransfer.YES, decide(learner(completed(mastertrack, 2.0)), mastertrack).transfersCredit(),
                "a grade at the passing grade earns credit");
    }

    /**
     * PR-3: where CR-5 decides, what CR-1 or CR-2 would have said is listed under it, and is never a fact: the transfer
     * topic, which reads the credit answer, sees NO only (TR-1), and the rule that turns a YES into university credit never fires.
     */
    @Test
    void PR_3_the_outranked_credit_rules_are_listed_in_order_and_never_read() {
        Offering course = offering(COURSE, HLC_UNIVERSITY).creditEligible(true).build();
        Offering mastertrack = offering(MASTERTRACK, HLC_UNIVERSITY).build();
        var institution = rulebase.institutions().inEffectOn(LocalDate.of(2026, 11, 20)).get("example-state");
        RulebaseAnswer answer = EVALUATOR.evaluate(rulebase, learner(audited(course, RecordStatus.COMPLETED), withdrawn(mastertrack)),
                List.of(course, mastertrack), LocalDate.of(2026, 11, 20), List.of(institution));
        TracedConclusion audited = only(answer.decisions().get(0), Topic.CREDIT);
        assertEquals("CR-5 A learner who audits earns no credit NO", audited.policy() + " " + audited.rule() + " " + audited.outcome());
        assertEquals(List.of("CR-2 A course or specialization that counts toward a degree transfers credit YES"),
                audited.overruled().stream().map(o -> o.policy() + " " + o.rule() + " " + o.outcome()).toList());
        TracedConclusion withdrew = only(answer.decisions().get(1), Topic.CREDIT);
        assertEquals(List.of("CR-1 YES"), withdrew.overruled().stream().map(o -> o.policy() + " " + o.outcome()).toList(),
                "the withdrawal outranks both the audit-free record and CR-1; only the rules that held are listed");
        for (OfferingDecision decision : answer.decisions()) {
            assertEquals("TR-1", only(decision, Topic.TRANSFER).policy());
            assertEquals(List.of(), only(decision, Topic.TRANSFER).overruled());
        }
        assertEquals(null, answer.firingsByRule().get("Credit an offering carries itself is university credit at its stated level"));
    }

    // Degree admission

    @Test
    void ADM_1_completing_a_pathway_at_or_above_its_minimum_grade_makes_the_learner_eligible() {
        Offering mastertrack = offering(MASTERTRACK, HLC_UNIVERSITY).pathway(pathway("mcs", 3.0, true)).build();
        OfferingDecision decision = decide(learnerWithBachelors(true, completed(mastertrack, 3.0)), mastertrack);
        assertEquals(Admission.ELIGIBLE, decision.degreeAdmission());
        assertEquals("ADM-1", only(decision, Topic.ADMISSION).policy());
    }

    @Test
    void ADM_2_completing_a_pathway_below_its_minimum_grade_is_not_eligible_and_both_grades_are_named() {
        Offering course = offering(COURSE, HLC_UNIVERSITY).creditEligible(true).pathway(pathway("mcs", 3.0, false)).build();
        OfferingDecision decision = decide(learner(completed(course, 2.7)), course);
        assertEquals(Admission.NOT_ELIGIBLE, decision.degreeAdmission());
        assertEquals("ADM-2", only(decision, Topic.ADMISSION).policy());
        assertTrue(only(decision, Topic.ADMISSION).reason().contains("2.7"));
        assertTrue(only(decision, Topic.ADMISSION).reason().contains("3.0"));
    }

    @Test
    void ADM_3_a_pathway_without_a_completed_grade_is_a_route_naming_the_grade_to_reach() {
        Offering mastertrack = offering(MASTERTRACK, HLC_UNIVERSITY).pathway(pathway("mcs", 3.2, null)).build();
        for (OfferingDecision decision : List.of(decide(mastertrack), decide(learner(enrolled(mastertrack)), mastertrack),
                decide(learner(completed(mastertrack, null)), mastertrack))) {
            assertEquals(Admission.PATHWAY, decision.degreeAdmission());
            assertEquals("ADM-3", only(decision, Topic.ADMISSION).policy());
            assertTrue(only(decision, Topic.ADMISSION).reason().contains("at least 3.2"));
        }
    }

    @Test
    void ADM_4_a_learner_without_a_required_bachelors_degree_is_not_eligible_whatever_the_grade() {
        Offering mastertrack = offering(MASTERTRACK, HLC_UNIVERSITY).pathway(pathway("mcs", 3.0, true)).build();
        OfferingDecision decision = decide(learnerWithBachelors(false, completed(mastertrack, 4.0)), mastertrack);
        assertEquals(Admission.NOT_ELIGIBLE, decision.degreeAdmission());
        assertEquals("ADM-4", only(decision, Topic.ADMISSION).policy());
        assertEquals(Admission.ELIGIBLE, decide(learner(completed(mastertrack, 4.0)), mastertrack).degreeAdmission(),
                "an unknown bachelor's degree does not trigger ADM-4");
    }

    @Test
    void ADM_5_withdrawing_from_a_pathway_offering_is_not_eligible_even_when_it_is_not_accredited() {
        Offering mastertrack = offering(MASTERTRACK, HLC_UNIVERSITY).pathway(pathway("mcs", 3.0, false)).build();
        assertEquals("ADM-5", only(decide(learner(withdrawn(mastertrack)), mastertrack), Topic.ADMISSION).policy());
        Offering unaccredited = offering(MASTERTRACK, UNRECOGNIZED_UNIVERSITY).pathway(pathway("mcs", 3.0, false)).build();
        OfferingDecision decision = decide(learner(withdrawn(unaccredited)), unaccredited);
        assertEquals(Admission.NOT_ELIGIBLE, decision.degreeAdmission(), "the learner override beats ADM-7");
        assertEquals("ADM-5", only(decision, Topic.ADMISSION).policy());
    }

    @Test
    void ADM_6_degrees_and_offerings_without_a_pathway_do_not_lead_to_admission() {
        for (Offering offering : List.of(offering(DEGREE, HLC_UNIVERSITY).pathway(pathway("mcs", 3.0, true)).build(),
                offering(COURSE, HLC_UNIVERSITY).creditEligible(true).build())) {
            OfferingDecision decision = decide(learnerWithBachelors(false), offering);
            assertEquals(Admission.NOT_APPLICABLE, decision.degreeAdmission());
            assertEquals("ADM-6", only(decision, Topic.ADMISSION).policy());
        }
    }

    @Test
    void ADM_7_a_pathway_on_an_offering_that_is_not_accredited_does_not_lead_to_admission_whatever_the_grade() {
        Offering course = offering(COURSE, HLC_UNIVERSITY).creditEligible(false).pathway(pathway("mcs", 3.0, false)).build();
        OfferingDecision decision = decide(learner(completed(course, 3.9)), course);
        assertEquals(Admission.NOT_APPLICABLE, decision.degreeAdmission(), "ADM-7 beats ADM-1");
        assertEquals("ADM-7", only(decision, Topic.ADMISSION).policy());
    }

    // Industry certification

    @Test
    void IND_1_no_offering_confers_an_industry_certification() {
        for (Offering offering : List.of(offering(PROFESSIONAL_CERTIFICATE, COMPANY).aligned("CompTIA A+").build(),
                offering(DEGREE, HLC_UNIVERSITY).build())) {
            OfferingDecision decision = decide(offering);
            assertFalse(decision.industryCertification());
            assertEquals("IND-1", only(decision, Topic.INDUSTRY_CERTIFICATION).policy());
        }
    }

    @Test
    void IND_2_an_aligned_professional_certificate_is_advised_as_exam_preparation() {
        OfferingDecision decision = decide(offering(PROFESSIONAL_CERTIFICATE, COMPANY).aligned("CompTIA A+").build());
        assertEquals(List.of("ADV-1", "IND-2"), advicePolicies(decision).stream().sorted().toList());
        assertFalse(decision.industryCertification(), "advice never changes a summary field");
        assertTrue(decision.conclusions().stream().anyMatch(c -> c.policy().equals("IND-2") && c.reason().contains("CompTIA A+")));
    }

    // Advice

    @Test
    void ADV_1_a_platform_certificate_comes_with_portfolio_advice_and_none_without_one() {
        Offering course = offering(COURSE, HLC_UNIVERSITY).build();
        assertEquals(List.of("ADV-1"), advicePolicies(decide(course)));
        assertFalse(advicePolicies(decide(learner(withdrawn(course)), course)).contains("ADV-1"));
    }

    @Test
    void ADV_2_a_specialization_capstone_is_named_as_portfolio_evidence() {
        OfferingDecision decision = decide(offering(SPECIALIZATION, HLC_UNIVERSITY).creditEligible(false).capstone().build());
        assertEquals(List.of("ADV-1", "ADV-2"), advicePolicies(decision).stream().sorted().toList());
    }

    @Test
    void ADV_3_an_audit_learner_is_told_the_knowledge_still_counts_and_what_the_certificate_would_change() {
        Offering silent = offering(COURSE, HLC_UNIVERSITY).build();
        Offering countsTowardADegree = offering(COURSE, HLC_UNIVERSITY).creditEligible(true).build();
        Offering recommended = offering(PROFESSIONAL_CERTIFICATE, COMPANY).recommendation(ace(12)).build();
        Offering recommendedButDecidedByTheUniversity = offering(COURSE, HLC_UNIVERSITY).creditEligible(false).recommendation(ace(3)).build();
        assertEquals("Auditing still builds real knowledge; the learner can buy the certificate later if they need it.",
                auditAdvice(silent));
        assertEquals("Auditing still builds real knowledge, but only a paying learner earns credit: with the certificate, "
                + "this course would count as credit toward a degree of Example State University.", auditAdvice(countsTowardADegree));
        assertEquals("Auditing still builds real knowledge, but only a paying learner earns credit: with the certificate, "
                + "this professional certificate would carry its ACE credit recommendation of 12 semester hours, "
                + "which a receiving institution may accept.", auditAdvice(recommended));
        assertEquals(auditAdvice(silent), auditAdvice(recommendedButDecidedByTheUniversity), "CR-2 decides, not the recommendation");
    }

    /** The one ADV-3 reason for an audit learner enrolled in the offering. */
    private static String auditAdvice(Offering offering) {
        List<TracedConclusion> advice = decide(learner(audited(offering, RecordStatus.ENROLLED)), offering).conclusions().stream()
                .filter(c -> c.policy().equals("ADV-3")).toList();
        assertEquals(1, advice.size(), advice.toString());
        return advice.get(0).reason();
    }

    @Test
    void ADV_4_a_pathway_offering_in_the_request_is_named_as_a_route_into_its_degree() {
        Offering degree = offering(DEGREE, HLC_UNIVERSITY).id("mcs").build();
        Offering route = offering(MASTERTRACK, HLC_UNIVERSITY).id("mt").pathway(pathway("mcs", 3.0, true)).build();
        Offering elsewhere = offering(MASTERTRACK, HLC_UNIVERSITY).id("mt-other").pathway(pathway("other", 3.0, true)).build();
        List<OfferingDecision> decisions = EVALUATOR.evaluate(rulebase, learner(), List.of(degree, route, elsewhere)).decisions();
        List<TracedConclusion> routes = decisions.get(0).conclusions().stream().filter(c -> c.policy().equals("ADV-4")).toList();
        assertEquals(1, routes.size());
        assertEquals("A learner without the grades for direct admission can get in through \"Title of mt\", a MasterTrack "
                + "with a pathway into this degree.", routes.get(0).reason());
        assertEquals(List.of(), advicePolicies(decisions.get(1)));
    }

    @Test
    void ADV_4_a_route_closed_to_this_learner_is_not_named() {
        Offering degree = offering(DEGREE, HLC_UNIVERSITY).id("mcs").build();
        Offering open = offering(COURSE, HLC_UNIVERSITY).id("open").creditEligible(true).pathway(pathway("mcs", 3.0, false)).build();
        Offering failed = offering(MASTERTRACK, HLC_UNIVERSITY).id("failed").pathway(pathway("mcs", 3.0, false)).build();
        Offering needsABachelors = offering(MASTERTRACK, HLC_UNIVERSITY).id("needs-bachelors").pathway(pathway("mcs", 3.0, true)).build();
        Offering left = offering(SPECIALIZATION, HLC_UNIVERSITY).id("left").creditEligible(true).pathway(pathway("mcs", 3.0, false)).build();
        Learner learner = learnerWithBachelors(false, completed(failed, 2.5), withdrawn(left));
        List<OfferingDecision> decisions = EVALUATOR.evaluate(rulebase, learner, List.of(degree, open, failed, needsABachelors, left)).decisions();
        assertEquals(List.of("ADM-3", "ADM-2", "ADM-4", "ADM-5"), decisions.subList(1, 5).stream()
                .map(decision -> only(decision, Topic.ADMISSION).policy()).toList());
        assertEquals(List.of("A learner without the grades for direct admission can get in through \"Title of open\", a course "
                + "with a pathway into this degree."), decisions.get(0).conclusions().stream()
                .filter(c -> c.policy().equals("ADV-4")).map(TracedConclusion::reason).toList());

        assertFalse(advicePolicies(EVALUATOR.evaluate(rulebase, learner, List.of(degree, failed, needsABachelors, left))
                .decisions().get(0)).contains("ADV-4"));
    }

    @Test
    void ADV_5_every_offering_of_a_presumed_accredited_provider_advises_verifying_with_CHEA() {
        for (Offering offering : List.of(offering(DEGREE, EDU_UNIVERSITY).build(), offering(COURSE, EDU_UNIVERSITY).creditEligible(true).build())) {
            assertTrue(advicePolicies(decide(offering)).contains("ADV-5"));
        }
        assertFalse(advicePolicies(decide(offering(DEGREE, HLC_UNIVERSITY).build())).contains("ADV-5"));
    }

    @Test
    void results_come_in_request_order_and_every_summary_field_has_exactly_one_conclusion() {
        Offering a = offering(COURSE, COMPANY).id("z-first").build();
        Offering b = offering(DEGREE, EDU_UNIVERSITY).id("a-second").build();
        Offering c = offering(MASTERTRACK, UNRECOGNIZED_UNIVERSITY).id("m-third").build();
        List<OfferingDecision> decisions = EVALUATOR.evaluate(rulebase, learner(), List.of(a, b, c)).decisions();
        assertEquals(List.of("z-first", "a-second", "m-third"), decisions.stream().map(OfferingDecision::offeringId).toList());
        for (OfferingDecision decision : decisions) {
            for (Topic topic : List.of(Topic.ACCREDITATION, Topic.CREDENTIAL, Topic.CREDIT, Topic.ADMISSION, Topic.INDUSTRY_CERTIFICATION)) {
                only(decision, topic);
            }
        }
    }
}
