package org.advising.eligibility.nextsteps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.model.CredentialRecord;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.LearnerRecord;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.model.RecordStatus;

/**
 * Finds the next steps of every offering of a request (NS-1 .. NS-7) by asking the same rulebase
 * about the request as each move would change it, one move at a time, on the request as it is; all
 * of the request's evaluations share its time limit. Nothing here knows a threshold: which grade is
 * enough is whatever the rules answer.
 *
 * <p>{@link Search#PLAIN} tries every grade. {@link Search#SKIPPING} (the service's) tries the
 * lowest and highest grade of a kind (for RAISE_GRADE, the lowest is the record's own grade, which
 * the answer as it is already answers for) and, between two tried grades whose answers are all the same,
 * takes the grades between to answer the same too, splitting the range otherwise, next to a number
 * the facts hold where there is one ({@link SplitPoints}), else in its middle: a grade changes
 * answers only where the rules compare it with a value (the passing grade, a pathway's or an
 * institution's minimum). {@code NextStepsSearchTest} checks both find the same steps on random requests.
 */
public final class NextStepsFinder {

    /**
     * The most offerings a request with next steps may hold: every move is an evaluation of the whole
     * request, about 43 per offering, so the cost grows with the square of the offerings
     * (docs/performance.md, "Next steps").
     */
    public static final int MAX_OFFERINGS = 20;

    /** The grades NS-2 and NS-3 try: 0.0, 0.1, ..., 4.0. */
    static final List<BigDecimal> GRADES = grades();

    /** How the grades of a graded kind of move are tried. */
    public enum Search {
        /** Every grade, as NS-5 words it. */
        PLAIN,
        /** The ends of each range of grades, and between them only where their answers differ. */
        SKIPPING
    }

    private final RulebaseRunner runner;
    private final Search search;
    private final SharedSearches searches;

    /** Every try on the calling thread. */
    public NextStepsFinder(RulebaseRunner runner) {
        this(runner, Search.SKIPPING);
    }

    public NextStepsFinder(RulebaseRunner runner, Search search) {
        this.runner = runner;
        this.search = search;
        this.searches = SharedSearches.alone();
    }

    /**
     * The service's: the kinds of moves of a request are searched on the calling thread and on up to
     * {@code helpers} of {@code workers} that are free ({@link SharedSearches}).
     */
    public NextStepsFinder(RulebaseRunner runner, Executor workers, int helpers) {
        this.runner = runner;
        this.search = Search.SKIPPING;
        this.searches = new SharedSearches(workers, helpers);
    }

    /**
     * The request whose next steps are wanted, and its answer as it is. {@code credentialRecords}
     * say which of the learner's records credentials gave (TR-9): every move is tried with them, so a
     * move on such a record (a retake, NS-3) still answers for a record read from that credential.
     */
    public record Request(Rulebase rulebase, Learner learner, List<CredentialRecord> credentialRecords, List<Offering> offerings,
            LocalDate asOf, List<ReceivingInstitution> institutions, RulebaseAnswer now) {

        public Request {
            credentialRecords = credentialRecords == null ? List.of() : List.copyOf(credentialRecords);
        }

        /** A request none of whose records came from a credential. */
        public Request(Rulebase rulebase, Learner learner, List<Offering> offerings, LocalDate asOf,
                List<ReceivingInstitution> institutions, RulebaseAnswer now) {
            this(rulebase, learner, List.of(), offerings, asOf, institutions, now);
        }
    }

    /** Per offering id, in request order, its steps in the order NS-5 lists them (empty where nothing improves). */
    public Map<String, List<NextStep>> find(Request request, Deadline budget) {
        List<Answer> now = Answer.of(request.now());
        Map<Move, List<Answer>> tried = new ConcurrentHashMap<>();
        SplitPoints splits = search == Search.SKIPPING ? SplitPoints.of(facts(request)) : null;
        Map<Offering, List<List<Move>>> kinds = new LinkedHashMap<>();
        List<Runnable> tries = new ArrayList<>();
        for (Offering offering : request.offerings()) {
            kinds.put(offering, movesOn(offering, request.learner()));
            for (List<Move> kind : kinds.get(offering)) {
                tries.add(() -> tryKind(kind, now, splits, tried, request, budget));
            }
        }
        searches.run(tries);
        Map<String, List<NextStep>> steps = new LinkedHashMap<>();
        kinds.forEach((offering, offeringKinds) -> {
            Set<Move> chosen = new LinkedHashSet<>();
            for (List<Move> kind : offeringKinds) {
                for (int answer = 0; answer < now.size(); answer++) {
                    if (now.get(answer).offeringId().equals(offering.id())) {
                        best(now, answer, kind, tried).ifPresent(chosen::add);
                    }
                }
            }
            steps.put(offering.id(), chosen.stream()
                    .sorted(Comparator.comparing(Move::kind).thenComparing(move -> move.gpa() == null ? BigDecimal.ZERO : move.gpa()))
                    .map(move -> step(move, now, tried.get(move), request))
                    .toList());
        });
        return steps;
    }

    /**
     * Answers for every move of one kind: each tried, or, skipping, the grades as described above,
     * a RAISE_GRADE kind's range starting at the record's own grade, which the answer as it is answers for.
     */
    private void tryKind(List<Move> kind, List<Answer> now, SplitPoints splits, Map<Move, List<Answer>> tried, Request request,
            Deadline budget) {
        if (search == Search.SKIPPING && kind.size() > 1 && kind.get(0).gpa() != null) {
            int low = kind.get(0).kind() == MoveKind.RAISE_GRADE ? -1 : 0;
            Range range = new Range(kind, now, splits, tried, request, budget);
            range.search(low, kind.size() - 1, range.answer(low), false, false);
        } else {
            for (Move move : kind) {
                answerTo(move, tried, request, budget);
            }
        }
    }

    /** NS-5: of the moves of one kind that make {@code answer} better, the lowest grade reaching the best value any reaches. */
    private static Optional<Move> best(List<Answer> now, int index, List<Move> kind, Map<Move, List<Answer>> tried) {
        Answer answer = now.get(index);
        Move best = null;
        Answer.Rank bestRank = null;
        for (Move move : kind) { // in increasing grade, so the first to reach a rank is its lowest grade
            Answer then = tried.get(move).get(index); // a move changes no offering or institution, so the answers line up
            if (answer.effectOf(then) == Effect.BETTER) {
                Answer.Rank rank = then.rank().orElseThrow(); // BETTER is only ever between ranked values
                if (bestRank == null || rank.compareTo(bestRank) > 0) {
                    best = move;
                    bestRank = rank;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The skipping search over one graded kind's moves, by their index in the kind; index -1 is the record as it is. */
    private final class Range {
        private final List<Move> kind;
        private final List<Answer> now;
        private final SplitPoints splits;
        private final Map<Move, List<Answer>> tried;
        private final Request request;
        private final Deadline budget;
        /** Where the kind's first move lies on {@link #GRADES}: a kind's grades are a run of the grid (all of it, or those above the record's). */
        private final int offset;

        Range(List<Move> kind, List<Answer> now, SplitPoints splits, Map<Move, List<Answer>> tried, Request request, Deadline budget) {
            this.kind = kind;
            this.now = now;
            this.splits = splits;
            this.tried = tried;
            this.request = request;
            this.budget = budget;
            this.offset = GRADES.indexOf(kind.get(0).gpa());
        }

        List<Answer> answer(int index) {
            return index < 0 ? now : answerTo(kind.get(index), tried, request, budget);
        }

        /** Answers for the moves {@code low..high}, {@code low}'s known: {@code high} tried, the moves between as described above. */
        void search(int low, int high, List<Answer> lowest, boolean lowIsSplit, boolean highIsSplit) {
            List<Answer> highest = answer(high);
            if (high - low < 2) {
                return;
            }
            if (Answer.same(lowest, highest)) {
                for (int between = low + 1; between < high; between++) {
                    tried.putIfAbsent(kind.get(between), lowest);
                }
                return;
            }
            int split = splits.between(offset + low, offset + high, lowIsSplit, highIsSplit) - offset;
            search(low, split, lowest, lowIsSplit, true);
            search(split, high, answer(split), true, highIsSplit);
        }
    }

    /** The facts the rules compare grades with: the request's and the policy values in effect on its date. */
    private static List<Object> facts(Request request) {
        List<Object> facts = new ArrayList<>(request.rulebase().policyFactsOn(request.asOf()));
        facts.add(request.learner());
        facts.addAll(request.offerings());
        facts.addAll(request.institutions());
        return facts;
    }

    private NextStep step(Move move, List<Answer> now, List<Answer> then, Request request) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            Answer before = now.get(i);
            Answer after = then.get(i);
            Effect effect = before.effectOf(after);
            if (effect != null) {
                boolean transfer = before.institution() != null;
                changes.add(new Change(before.offeringId(), before.answer(), before.institution(), before.value(), after.value(),
                        transfer ? before.hours() : null, transfer ? after.hours() : null, after.policy(), effect));
            }
        }
        return new NextStep(move, changes, StepReason.of(move, changes, request.offerings(), request.institutions()));
    }

    /**
     * The answers to a move, tried unless they are known: evaluated outside the map, which another
     * thread's search reads meanwhile (two searches that both try EARN_BACHELORS get the same answers).
     */
    private List<Answer> answerTo(Move move, Map<Move, List<Answer>> tried, Request request, Deadline budget) {
        List<Answer> known = tried.get(move);
        if (known != null) {
            return known;
        }
        List<Answer> answers = evaluate(request, move, budget);
        List<Answer> first = tried.putIfAbsent(move, answers);
        return first == null ? answers : first;
    }

    private List<Answer> evaluate(Request request, Move move, Deadline budget) {
        Learner learner = move.applyTo(request.learner(), request.asOf());
        return Answer.of(runner.evaluate(request.rulebase(), learner, request.credentialRecords(), request.offerings(), request.asOf(),
                request.institutions(), budget));
    }

    /** The moves that apply to an offering, by kind in NS order, each kind's graded moves by increasing grade. */
    static List<List<Move>> movesOn(Offering offering, Learner learner) {
        LearnerRecord record = learner.records() == null ? null : learner.records().stream()
                .filter(r -> r.offeringId().equals(offering.id())).findFirst().orElse(null);
        List<List<Move>> kinds = new ArrayList<>();
        if (record != null && Boolean.FALSE.equals(record.certificatePurchased())) {
            kinds.add(List.of(new Move(MoveKind.BUY_CERTIFICATE, null, offering.id())));
        }
        if (record == null || record.status() == RecordStatus.ENROLLED || record.status() == RecordStatus.WITHDRAWN) {
            kinds.add(GRADES.stream().map(grade -> new Move(MoveKind.COMPLETE, grade, offering.id())).toList());
        }
        if (record != null && record.status() == RecordStatus.COMPLETED && record.gpa() != null) {
            kinds.add(GRADES.stream().filter(grade -> grade.doubleValue() > record.gpa())
                    .map(grade -> new Move(MoveKind.RAISE_GRADE, grade, offering.id())).toList());
        }
        if (Boolean.FALSE.equals(learner.holdsBachelorsDegree())) {
            kinds.add(List.of(new Move(MoveKind.EARN_BACHELORS, null, null)));
        }
        return kinds;
    }

    private static List<BigDecimal> grades() {
        List<BigDecimal> grades = new ArrayList<>();
        for (int tenths = 0; tenths <= 40; tenths++) {
            grades.add(BigDecimal.valueOf(tenths, 1));
        }
        return List.copyOf(grades);
    }
}
