package org.advising.eligibility.engine.evaluate;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.model.Accreditation;
import org.advising.eligibility.model.Admission;
import org.advising.eligibility.model.AsOfDate;
import org.advising.eligibility.model.Conclusion;
import org.advising.eligibility.model.Credential;
import org.advising.eligibility.model.CreditTransfer;
import org.advising.eligibility.model.IndustryCertification;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.Outcome;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.model.RequestOrder;
import org.advising.eligibility.model.Topic;
import org.advising.eligibility.model.Transfer;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;

/**
 * Runs one evaluation: an empty session lent by the rulebase's pool, the request's facts inserted,
 * the rules fired up to a bounded number of times and for a bounded time, then one decision per
 * offering in request order. Each summary field comes from the single conclusion of its topic;
 * none or several is a {@link RulebaseDefectException}, never a guess.
 */
@Singleton
public class Evaluator {

    /** The topics that back a summary field; ADVICE backs none. */
    private static final List<Topic> SUMMARY_TOPICS = List.of(Topic.ACCREDITATION, Topic.CREDENTIAL, Topic.CREDIT,
            Topic.ADMISSION, Topic.INDUSTRY_CERTIFICATION);

    public static final int DEFAULT_MAX_FIRINGS_PER_OFFERING = 100;

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

    /** Sessions run on a pseudo clock, set per evaluation to its as-of date, never the wall clock. */
    private static final KieSessionConfiguration PSEUDO_CLOCK = pseudoClock();

    private final int maxFiringsPerOffering;
    private final Duration timeLimit;

    @Inject
    public Evaluator(EligibilityConfig config) {
        this(config.evaluation().maxRuleFiringsPerOffering(), config.evaluation().timeLimit());
    }

    public Evaluator(int maxFiringsPerOffering, Duration timeLimit) {
        this.maxFiringsPerOffering = maxFiringsPerOffering;
        this.timeLimit = timeLimit;
    }

    /** An evaluator with the default time limit. */
    public Evaluator(int maxFiringsPerOffering) {
        this(maxFiringsPerOffering, DEFAULT_TIME_LIMIT);
    }

    /** The limits an evaluation runs under, in words: a proven rulebase was proven under them (RulebaseCache). */
    public String limits() {
        return "maxRuleFiringsPerOffering=" + maxFiringsPerOffering + " timeLimit=" + timeLimit;
    }

    /** Evaluates as of today (UTC). */
    public Evaluation evaluate(Rulebase rulebase, Learner learner, List<Offering> offerings) {
        return evaluate(rulebase, learner, offerings, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Evaluates as of a date: the session's clock is a pseudo clock set to that date, so rules'
     * date-effective and date-expires are judged by it, and only policy values in effect then apply.
     */
    public Evaluation evaluate(Rulebase rulebase, Learner learner, List<Offering> offerings, LocalDate asOf) {
        return evaluate(rulebase, learner, offerings, asOf, List.of());
    }

    /**
     * Evaluates as of a date for these receiving institutions (in request order): every offering
     * then gets one TRANSFER conclusion per institution, and the evaluation the totals per institution.
     */
    public Evaluation evaluate(Rulebase rulebase, Learner learner, List<Offering> offerings, LocalDate asOf,
            List<ReceivingInstitution> institutions) {
        ConclusionRecorder recorder = new ConclusionRecorder(rulebase);
        int limit = maxFiringsPerOffering * offerings.size();
        KieSession session = rulebase.sessions().newKieSession(PSEUDO_CLOCK);
        TimeLimit deadline = new TimeLimit(session, timeLimit);
        try {
            SessionPseudoClock clock = session.getSessionClock();
            // Noon of the as-of day: a rule is effective strictly after its date-effective and expired from its
            // date-expires, so at noon "date-effective 01-Jan-2027" applies all that day and "date-expires" none of it.
            // A pooled session keeps its clock, so the clock is moved by the difference.
            long noon = asOf.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC).toEpochMilli();
            clock.advanceTime(noon - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
            session.addEventListener(recorder.agendaListener);
            session.addEventListener(recorder.insertListener);
            session.addEventListener(deadline);
            rulebase.policyFactsOn(asOf).forEach(session::insert);
            session.insert(new AsOfDate(asOf));
            institutions.forEach(session::insert);
            if (!institutions.isEmpty()) { // caps are filled in request order (TR-8)
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
            int fired = session.fireAllRules(limit + 1);
            if (deadline.passed) {
                throw new EvaluationTimeoutException(timeLimit, fired, deadline.lastRule);
            }
            if (fired > limit) {
                throw new RulebaseDefectException(List.of(runaway(limit, recorder.firingsByRule())));
            }
        } finally {
            // Back to the pool: disposing a pooled session empties it for the next evaluation.
            session.removeEventListener(recorder.agendaListener);
            session.removeEventListener(recorder.insertListener);
            session.removeEventListener(deadline);
            session.dispose();
        }
        List<OfferingDecision> decisions = decisions(offerings, institutions, recorder.conclusions());
        return new Evaluation(decisions, institutions.isEmpty() ? null : totals(institutions, decisions),
                Map.copyOf(recorder.firingsByRule()));
    }

    /** Per institution, the hours accepted and expected over all offerings (after the caps the rules applied). */
    private static List<InstitutionTotals> totals(List<ReceivingInstitution> institutions, List<OfferingDecision> decisions) {
        List<InstitutionTotals> totals = new ArrayList<>();
        for (ReceivingInstitution institution : institutions) {
            BigDecimal accepted = BigDecimal.ZERO;
            BigDecimal expected = BigDecimal.ZERO;
            for (OfferingDecision decision : decisions) {
                for (TransferAnswer transfer : decision.transfers()) {
                    if (transfer.institution().equals(institution.id())) {
                        accepted = transfer.outcome() == Transfer.ACCEPTED ? accepted.add(transfer.semesterHours()) : accepted;
                        expected = transfer.outcome() == Transfer.EXPECTED ? expected.add(transfer.semesterHours()) : expected;
                    }
                }
            }
            totals.add(new InstitutionTotals(institution.id(), institution.name(), accepted, expected));
        }
        return totals;
    }

    /** Halts the session after the first rule firing that ends past the time limit. */
    private static final class TimeLimit extends DefaultAgendaEventListener {
        private final KieSession session;
        private final long deadline;
        private boolean passed;
        private String lastRule;

        TimeLimit(KieSession session, Duration limit) {
            this.session = session;
            this.deadline = System.nanoTime() + limit.toNanos();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            if (!passed && System.nanoTime() - deadline > 0) {
                passed = true;
                lastRule = event.getMatch().getRule().getName();
                session.halt();
            }
        }
    }

    private static KieSessionConfiguration pseudoClock() {
        KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
        configuration.setOption(ClockTypeOption.PSEUDO);
        return configuration;
    }

    private static String runaway(int limit, Map<String, Integer> firingsByRule) {
        String busiest = firingsByRule.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3)
                .map(entry -> "\"" + entry.getKey() + "\" " + entry.getValue() + (entry.getValue() == 1 ? " time" : " times"))
                .collect(Collectors.joining(", "));
        return "the rules fired more than " + limit + " times and were stopped; most fired: " + busiest;
    }

    private static List<OfferingDecision> decisions(List<Offering> offerings, List<ReceivingInstitution> institutions,
            List<ConclusionRecorder.Recorded> recorded) {
        Map<String, List<ConclusionRecorder.Recorded>> byOffering = new LinkedHashMap<>();
        for (ConclusionRecorder.Recorded r : recorded) {
            byOffering.computeIfAbsent(r.conclusion().offering().id(), id -> new ArrayList<>()).add(r);
        }
        List<String> defects = new ArrayList<>();
        List<OfferingDecision> decisions = new ArrayList<>();
        for (Offering offering : offerings) {
            List<ConclusionRecorder.Recorded> drawn = new ArrayList<>(byOffering.getOrDefault(offering.id(), List.of()));
            // By topic; within a topic, conclusions about institutions in the request's order of institutions.
            drawn.sort(Comparator.comparing((ConclusionRecorder.Recorded r) -> r.conclusion().topic())
                    .thenComparingInt(r -> r.conclusion().institution() == null ? -1 : institutions.indexOf(r.conclusion().institution())));
            Map<Topic, Outcome> summary = new EnumMap<>(Topic.class);
            List<String> offeringDefects = new ArrayList<>();
            for (Topic topic : SUMMARY_TOPICS) {
                List<ConclusionRecorder.Recorded> ofTopic = drawn.stream().filter(r -> r.conclusion().topic() == topic).toList();
                if (ofTopic.size() == 1) {
                    summary.put(topic, ofTopic.get(0).conclusion().outcome());
                } else {
                    offeringDefects.add(defect(offering, topic.name(), ofTopic));
                }
            }
            List<TransferAnswer> transfers = new ArrayList<>();
            for (ReceivingInstitution institution : institutions) {
                List<ConclusionRecorder.Recorded> ofInstitution = drawn.stream()
                        .filter(r -> r.conclusion().topic() == Topic.TRANSFER && institution.equals(r.conclusion().institution())).toList();
                if (ofInstitution.size() == 1) {
                    Conclusion conclusion = ofInstitution.get(0).conclusion();
                    transfers.add(new TransferAnswer(institution.id(), (Transfer) conclusion.outcome(), conclusion.semesterHours()));
                } else {
                    offeringDefects.add(defect(offering, "TRANSFER for institution '" + institution.id() + "'", ofInstitution));
                }
            }
            if (offeringDefects.isEmpty()) {
                decisions.add(new OfferingDecision(offering.id(),
                        summary.get(Topic.ACCREDITATION) == Accreditation.ACCREDITED,
                        (Credential) summary.get(Topic.CREDENTIAL),
                        (CreditTransfer) summary.get(Topic.CREDIT),
                        (Admission) summary.get(Topic.ADMISSION),
                        summary.get(Topic.INDUSTRY_CERTIFICATION) == IndustryCertification.CONFERRED,
                        institutions.isEmpty() ? null : transfers,
                        drawn.stream().map(Evaluator::traced).toList()));
            }
            defects.addAll(offeringDefects);
        }
        if (!defects.isEmpty()) {
            throw new RulebaseDefectException(defects);
        }
        return decisions;
    }

    private static String defect(Offering offering, String topic, List<ConclusionRecorder.Recorded> ofTopic) {
        if (ofTopic.isEmpty()) {
            return "offering '" + offering.id() + "': no rule concluded " + topic;
        }
        return "offering '" + offering.id() + "': " + ofTopic.size() + " conclusions of " + topic + " from "
                + ofTopic.stream().map(r -> "\"" + r.rule().name() + "\" (" + r.rule().file() + ":" + r.rule().line() + ")")
                        .collect(Collectors.joining(", "));
    }

    private static TracedConclusion traced(ConclusionRecorder.Recorded r) {
        Conclusion conclusion = r.conclusion();
        return new TracedConclusion(conclusion.topic(), conclusion.institution() == null ? null : conclusion.institution().id(),
                conclusion.outcome().name(), r.rule().policy(), conclusion.semesterHours(), r.rule().name(), r.rule().file(),
                r.rule().sheet() == null ? r.rule().line() : null, r.rule().sheet(), r.rule().row(), conclusion.reason(), r.basedOn());
    }
}
