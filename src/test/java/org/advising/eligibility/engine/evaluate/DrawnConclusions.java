package org.advising.eligibility.engine.evaluate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.model.AsOfDate;
import org.advising.eligibility.model.Conclusion;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.model.RequestOrder;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;

/**
 * For tests that take a rule out of the rules folder: evaluates a request as {@link RulebaseRunner}
 * does (the same facts, clock and topic focus) and returns every conclusion drawn, traced as the
 * answer gives it ({@link AnswerAssembler}), without assembling the answer. A rulebase missing a rule
 * may leave a topic of some offering undecided, which the runner rightly reports as a defect instead
 * of an answer; this still shows what it decided for the others. PrecedencePropertiesTest checks, on
 * every request, that on the shipped rules it gives exactly the conclusions of the service's answer.
 */
public final class DrawnConclusions {

    /** A conclusion and the offering it is about. */
    public record Drawn(String offeringId, TracedConclusion conclusion) {
    }

    private static final KieSessionConfiguration PSEUDO_CLOCK = pseudoClock();

    private DrawnConclusions() {
    }

    public static List<Drawn> evaluate(Rulebase rulebase, Learner learner, List<Offering> offerings, LocalDate asOf,
            List<ReceivingInstitution> institutions) {
        int limit = RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING * offerings.size() * Math.max(1, institutions.size());
        KieSession session = rulebase.sessions().newKieSession(PSEUDO_CLOCK);
        ConclusionRecorder recorder = new ConclusionRecorder(rulebase, session);
        try {
            SessionPseudoClock clock = session.getSessionClock();
            long noon = asOf.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC).toEpochMilli();
            clock.advanceTime(noon - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
            session.addEventListener(recorder.agendaListener);
            session.addEventListener(recorder.factListener);
            rulebase.policyFactsOn(asOf).forEach(session::insert);
            session.insert(new AsOfDate(asOf));
            institutions.forEach(session::insert);
            if (!institutions.isEmpty()) {
                for (int position = 0; position < offerings.size(); position++) {
                    session.insert(new RequestOrder(offerings.get(position), position));
                }
            }
            session.insert(learner);
            if (learner.records() != null) {
                learner.records().forEach(session::insert);
            }
            offerings.stream().map(Offering::provider).distinct().forEach(session::insert);
            offerings.forEach(session::insert);
            rulebase.focusTopics(session);
            if (session.fireAllRules(limit + 1) > limit) {
                throw new IllegalStateException("the rules fired more than " + limit + " times");
            }
        } finally {
            session.removeEventListener(recorder.agendaListener);
            session.removeEventListener(recorder.factListener);
            session.dispose();
        }
        return recorder.conclusions().stream()
                .map(recorded -> new Drawn(recorded.conclusion().offering().id(), traced(recorded, recorder)))
                .toList();
    }

    private static TracedConclusion traced(ConclusionRecorder.Recorded recorded, ConclusionRecorder recorder) {
        Conclusion conclusion = recorded.conclusion();
        RuleInfo rule = recorded.rule();
        return new TracedConclusion(conclusion.topic(), conclusion.institution() == null ? null : conclusion.institution().id(),
                conclusion.outcome().name(), rule.policy(), conclusion.semesterHours(), rule.name(), rule.file(),
                rule.sheet() == null ? rule.line() : null, rule.sheet(), rule.row(), conclusion.reason(), recorded.basedOn(),
                recorder.overruled(conclusion).stream().map(outranked -> new TracedConclusion.Overruled(outranked.rule().policy(),
                        outranked.rule().name(), outranked.rule().file(), outranked.rule().sheet() == null ? outranked.rule().line() : null,
                        outranked.rule().sheet(), outranked.rule().row(), outranked.outcome(), outranked.reason())).toList());
    }

    private static KieSessionConfiguration pseudoClock() {
        KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
        configuration.setOption(ClockTypeOption.PSEUDO);
        return configuration;
    }
}
