package org.advising.eligibility.engine.evaluate;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.model.AsOfDate;
import org.advising.eligibility.model.CredentialRecord;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.model.RequestOrder;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.time.SessionPseudoClock;

/**
 * Runs a rulebase on one request's facts: an empty session lent by the rulebase's pool, the facts
 * inserted, the topics' agenda groups focused in the order the rules folder states, the rules fired
 * up to a bounded number of times and for a bounded time, every conclusion recorded with its rule.
 * {@link AnswerAssembler} then turns the conclusions into the answer; a runaway is a
 * {@link RulebaseDefect.Runaway}, never a partial answer.
 */
@Singleton
public class RulebaseRunner {

    public static final int DEFAULT_MAX_FIRINGS_PER_OFFERING = 100;

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

    /**
     * Sessions run on a pseudo clock, set per evaluation to its as-of date, never the wall clock; and
     * without the engine's locking between threads, as a session is only ever used by the one thread
     * evaluating with it (halted by that thread too, in {@link Firings}).
     */
    private static final KieSessionConfiguration PSEUDO_CLOCK = pseudoClock();

    private final int maxFiringsPerOffering;
    private final Duration timeLimit;

    @Inject
    public RulebaseRunner(EligibilityConfig config) {
        this(config.evaluation().maxRuleFiringsPerOffering(), config.evaluation().timeLimit());
    }

    public RulebaseRunner(int maxFiringsPerOffering, Duration timeLimit) {
        this.maxFiringsPerOffering = maxFiringsPerOffering;
        this.timeLimit = timeLimit;
    }

    /** An runner with the default time limit. */
    public RulebaseRunner(int maxFiringsPerOffering) {
        this(maxFiringsPerOffering, DEFAULT_TIME_LIMIT);
    }

    /** The limits an evaluation runs under, in words: a proven rulebase was proven under them (RulebaseCache). */
    public String limits() {
        return "maxRuleFiringsPerOffering=" + maxFiringsPerOffering + " timeLimit=" + timeLimit;
    }

    /** Evaluates as of today (UTC). */
    public RulebaseAnswer evaluate(Rulebase rulebase, Learner learner, List<Offering> offerings) {
        return evaluate(rulebase, learner, offerings, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Evaluates as of a date: the session's clock is a pseudo clock set to that date, so rules'
     * date-effective and date-expires are judged by it, and only policy values in effect then apply.
     */
    public RulebaseAnswer evaluate(Rulebase rulebase, Learner learner, List<Offering> offerings, LocalDate asOf) {
        return evaluate(rulebase, learner, offerings, asOf, List.of());
    }

    /**
     * Evaluates as of a date for these receiving institutions (in request order): every offering
     * then gets one TRANSFER conclusion per institution, and the evaluation the totals per institution.
     */
    public RulebaseAnswer evaluate(Rulebase rulebase, Learner learner, List<Offering> offerings, LocalDate asOf,
            List<ReceivingInstitution> institutions) {
        return evaluate(rulebase, learner, offerings, asOf, institutions, deadline());
    }

    /** The budget of a request starting now: the time limit from now. */
    public Deadline deadline() {
        return Deadline.in(timeLimit);
    }

    /**
     * Evaluates under the budget of its request, shared with the request's other work (its next
     * steps, its ranking): one already spent is not started; past it, or once the client has gone,
     * the evaluation stops as a runaway one does, with {@link EvaluationTimeoutException}.
     */
    public RulebaseAnswer evaluate(Rulebase rulebase, Learner learner, List<Offering> offerings, LocalDate asOf,
            List<ReceivingInstitution> institutions, Deadline budget) {
        return evaluate(rulebase, learner, List.of(), offerings, asOf, institutions, budget);
    }

    /**
     * The same for a learner some of whose records the service read from credentials: one
     * {@link CredentialRecord} per such record, saying whether the credential's issuer was
     * authenticated (LC-9), which TR-9 reads.
     */
    public RulebaseAnswer evaluate(Rulebase rulebase, Learner learner, List<CredentialRecord> credentialRecords, List<Offering> offerings,
            LocalDate asOf, List<ReceivingInstitution> institutions, Deadline budget) {
        return AnswerAssembler.assemble(offerings, institutions,
                draw(rulebase, learner, credentialRecords, offerings, asOf, institutions, budget));
    }

    /**
     * Runs the rules on the request's facts and returns what they drew, each conclusion with its
     * rule, not yet assembled into an answer (which checks that every topic is decided).
     */
    ConclusionRecorder draw(Rulebase rulebase, Learner learner, List<Offering> offerings, LocalDate asOf,
            List<ReceivingInstitution> institutions, Deadline budget) {
        return draw(rulebase, learner, List.of(), offerings, asOf, institutions, budget);
    }

    ConclusionRecorder draw(Rulebase rulebase, Learner learner, List<CredentialRecord> credentialRecords, List<Offering> offerings,
            LocalDate asOf, List<ReceivingInstitution> institutions, Deadline budget) {
        budget.check("an evaluation could start");
        // An offering's work grows with the institutions it is answered for (thousands for transfer options).
        int limit = maxFiringsPerOffering * offerings.size() * Math.max(1, institutions.size());
        KieSession session = rulebase.sessions().newKieSession(PSEUDO_CLOCK);
        ConclusionRecorder recorder = new ConclusionRecorder(rulebase, session);
        Firings deadline = new Firings(session, budget, recorder);
        try {
            SessionPseudoClock clock = session.getSessionClock();
            // Noon of the as-of day: a rule is effective strictly after its date-effective and expired from its
            // date-expires, so at noon "date-effective 01-Jan-2027" applies all that day and "date-expires" none of it.
            // A pooled session keeps its clock, so the clock is moved by the difference.
            long noon = asOf.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC).toEpochMilli();
            clock.advanceTime(noon - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
            session.addEventListener(recorder.factListener);
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
            credentialRecords.forEach(session::insert); // which of those records a credential gave, and by whom (TR-9)
            offerings.stream().map(Offering::provider).distinct().forEach(session::insert);
            offerings.forEach(session::insert);
            rulebase.focusTopics(session); // the topics are decided in the rules folder's order
            int fired = session.fireAllRules(limit + 1);
            if (deadline.passed) {
                throw new EvaluationTimeoutException(budget, fired, deadline.lastRule);
            }
            if (fired > limit) {
                throw new RulebaseDefectException(List.of(runaway(limit, recorder)));
            }
        } finally {
            // Back to the pool: disposing a pooled session empties it for the next evaluation.
            session.removeEventListener(recorder.factListener);
            session.removeEventListener(deadline);
            session.dispose();
        }
        return recorder;
    }

    /**
     * The session's one agenda listener: tells the recorder of each firing, and halts the session after the
     * first rule firing that ends past the request's budget or after its client has gone.
     */
    private static final class Firings extends DefaultAgendaEventListener {
        private final KieSession session;
        private final Deadline deadline;
        private final ConclusionRecorder recorder;
        private boolean passed;
        private String lastRule;

        Firings(KieSession session, Deadline deadline, ConclusionRecorder recorder) {
            this.session = session;
            this.deadline = deadline;
            this.recorder = recorder;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            recorder.firing(event.getMatch());
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            if (!passed && deadline.passed()) {
                passed = true;
                lastRule = event.getMatch().getRule().getName();
                session.halt();
            }
        }
    }

    private static KieSessionConfiguration pseudoClock() {
        KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
        configuration.setOption(ClockTypeOption.PSEUDO);
        configuration.setOption(ThreadSafeOption.NO);
        return configuration;
    }

    private static RulebaseDefect runaway(int limit, ConclusionRecorder recorder) {
        return new RulebaseDefect.Runaway(limit, recorder.firingsByRule().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3)
                .map(entry -> new RulebaseDefect.Firings(recorder.rule(entry.getKey()), entry.getValue()))
                .toList());
    }
}
