package org.advising.eligibility.nextsteps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.TracedConclusion;
import org.advising.eligibility.engine.evaluate.TransferAnswer;
import org.advising.eligibility.model.Topic;

/**
 * One answer a move can change, as NS ranks it: an offering's {@code credential},
 * {@code transfersCredit} or {@code degreeAdmission}, or its {@code transfer} at one institution
 * (with its hours), and the statement that decided it.
 */
record Answer(String offeringId, String answer, String institution, String value, BigDecimal hours, String policy, OptionalInt position) {

    /** Every answer of an evaluation, in the order NS-6 lists changes: per offering, the three, then its transfers. */
    static List<Answer> of(RulebaseAnswer evaluation) {
        List<Answer> answers = new ArrayList<>();
        for (OfferingDecision decision : evaluation.decisions()) {
            answers.add(new Answer(decision.offeringId(), "credential", null, decision.credential().name(), null,
                    policy(decision, Topic.CREDENTIAL, null), OptionalInt.of(decision.credential().rank())));
            answers.add(new Answer(decision.offeringId(), "transfersCredit", null, decision.transfersCredit().name(), null,
                    policy(decision, Topic.CREDIT, null), OptionalInt.of(decision.transfersCredit().rank())));
            answers.add(new Answer(decision.offeringId(), "degreeAdmission", null, decision.degreeAdmission().name(), null,
                    policy(decision, Topic.ADMISSION, null), decision.degreeAdmission().rank()));
            for (TransferAnswer transfer : decision.transfers() == null ? List.<TransferAnswer>of() : decision.transfers()) {
                answers.add(new Answer(decision.offeringId(), "transfer", transfer.institution(), transfer.outcome().name(),
                        transfer.semesterHours(), policy(decision, Topic.TRANSFER, transfer.institution()),
                        OptionalInt.of(transfer.outcome().rank())));
            }
        }
        return answers;
    }

    /** The statement of the decision's first conclusion on this topic (and institution): a loop, as every try reads ~30 of them. */
    private static String policy(OfferingDecision decision, Topic topic, String institution) {
        for (TracedConclusion conclusion : decision.conclusions()) {
            if (conclusion.topic() == topic && Objects.equals(conclusion.institution(), institution)) {
                return conclusion.policy();
            }
        }
        return null;
    }

    /** Whether two evaluations gave every answer alike, each by the same statement. */
    static boolean same(List<Answer> these, List<Answer> those) {
        if (these.size() != those.size()) {
            return false;
        }
        for (int i = 0; i < these.size(); i++) {
            if (!these.get(i).sameAs(those.get(i)) || !Objects.equals(these.get(i).policy(), those.get(i).policy())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the two give the same answer (value and hours; the deciding statement aside). */
    boolean sameAs(Answer other) {
        return value.equals(other.value) && (hours == null ? other.hours == null : other.hours != null && hours.compareTo(other.hours) == 0);
    }

    /**
     * Where NS ranks this answer, worse first: by its value's rank (each outcome's {@code rank()}), a
     * transfer then by its hours; empty for a value NS does not rank (degree admission NOT_APPLICABLE).
     */
    Optional<Rank> rank() {
        return position.isEmpty() ? Optional.empty()
                : Optional.of(new Rank(position.getAsInt(), hours == null ? BigDecimal.ZERO : hours));
    }

    /** What changing from this answer to {@code then} does; null when it does not change. */
    Effect effectOf(Answer then) {
        if (sameAs(then)) {
            return null;
        }
        Optional<Rank> now = rank();
        Optional<Rank> after = then.rank();
        if (now.isEmpty() || after.isEmpty() || now.get().compareTo(after.get()) == 0) {
            return Effect.OTHER;
        }
        return after.get().compareTo(now.get()) > 0 ? Effect.BETTER : Effect.WORSE;
    }

    /** A place in NS's order of one answer's values. */
    record Rank(int position, BigDecimal hours) implements Comparable<Rank> {
        @Override
        public int compareTo(Rank other) {
            int byPosition = Integer.compare(position, other.position);
            return byPosition != 0 ? byPosition : hours.compareTo(other.hours);
        }
    }
}
