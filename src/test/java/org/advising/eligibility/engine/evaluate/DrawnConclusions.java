package org.advising.eligibility.engine.evaluate;

import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.ReceivingInstitution;

/**
 * For tests that take a rule out of the rules folder: evaluates a request with {@link RulebaseRunner}'s
 * own run of the rules and returns every conclusion drawn, traced as the
 * answer gives it ({@link AnswerAssembler}), without assembling the answer. A rulebase missing a rule
 * may leave a topic of some offering undecided, which the runner rightly reports as a defect instead
 * of an answer; this still shows what it decided for the others. PrecedencePropertiesTest checks, on
 * every request, that on the shipped rules it gives exactly the conclusions of the service's answer.
 */
public final class DrawnConclusions {

    /** A conclusion and the offering it is about. */
    public record Drawn(String offeringId, TracedConclusion conclusion) {
    }

    private DrawnConclusions() {
    }

    public static List<Drawn> evaluate(Rulebase rulebase, Learner learner, List<Offering> offerings, LocalDate asOf,
            List<ReceivingInstitution> institutions) {
        RulebaseRunner runner = new RulebaseRunner(RulebaseRunner.DEFAULT_MAX_FIRINGS_PER_OFFERING);
        ConclusionRecorder recorder = runner.draw(rulebase, learner, offerings, asOf, institutions, runner.deadline());
        return recorder.conclusions().stream()
                .map(recorded -> new Drawn(recorded.conclusion().offering().id(), AnswerAssembler.traced(recorded, recorder)))
                .toList();
    }
}
