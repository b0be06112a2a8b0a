package org.advising.eligibility.options;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.InstitutionTotals;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.evaluate.TracedConclusion;
import org.advising.eligibility.engine.evaluate.TransferAnswer;
import org.advising.eligibility.model.CredentialRecord;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.model.Topic;
import org.advising.eligibility.model.Transfer;

/**
 * Transfer options (TO-1 .. TO-4): the request's offerings evaluated at every institution in effect
 * on its as-of date, ranked. The institutions go to the rules {@value #INSTITUTIONS_PER_EVALUATION}
 * at a time, each batch one evaluation in which the rules do the work of each offering and
 * institution once (the TR rules join an offering with an institution; the caps of TR-8 stay within
 * an institution), so an option is what a request naming that institution alone gets. Only the best
 * {@code limit} options are kept while the batches are answered: what a request holds does not
 * grow with the institutions file.
 */
public final class TransferOptionsFinder {

    /**
     * Institutions per evaluation: enough that the offerings' own answers, decided again in each, are a
     * small share of its work, few enough that an evaluation's facts stay small (measured: 100 a little
     * faster than 50, 250 or 1,000 for 2,000 institutions; docs/performance.md).
     */
    public static final int INSTITUTIONS_PER_EVALUATION = 100;

    private final RulebaseRunner runner;

    public TransferOptionsFinder(RulebaseRunner runner) {
        this.runner = runner;
    }

    /** The best {@code limit} options, ranked, and how many institutions were considered. */
    public record Ranked(int considered, List<TransferOption> options) {
    }

    /**
     * All of the request's evaluations share its budget. Institutions that publish the same policy
     * (every field but id and name) get the same option but for those two, so each distinct policy
     * is evaluated once, at the first institution that has it, and its option given to the others.
     */
    public Ranked find(Rulebase rulebase, Learner learner, List<Offering> offerings, LocalDate asOf, int limit, Deadline budget) {
        return find(rulebase, learner, List.of(), offerings, asOf, limit, budget);
    }

    /** The same for a learner some of whose records credentials gave, each {@link CredentialRecord} given to every evaluation (TR-9). */
    public Ranked find(Rulebase rulebase, Learner learner, List<CredentialRecord> credentialRecords, List<Offering> offerings,
            LocalDate asOf, int limit, Deadline budget) {
        Map<ReceivingInstitution, List<ReceivingInstitution>> byPolicy = new LinkedHashMap<>();
        int considered = 0;
        for (ReceivingInstitution institution : rulebase.institutions().inEffectOn(asOf).values()) {
            byPolicy.computeIfAbsent(institution.policy(), policy -> new ArrayList<>()).add(institution);
            considered++;
        }
        PriorityQueue<TransferOption> best = new PriorityQueue<>(TransferOption.RANKING.reversed()); // the worst kept on top
        List<List<ReceivingInstitution>> groups = new ArrayList<>(byPolicy.values());
        for (int from = 0; from < groups.size(); from += INSTITUTIONS_PER_EVALUATION) {
            List<List<ReceivingInstitution>> batch = groups.subList(from, Math.min(groups.size(), from + INSTITUTIONS_PER_EVALUATION));
            List<ReceivingInstitution> first = batch.stream().map(group -> group.get(0)).toList();
            List<TransferOption> answered = options(runner.evaluate(rulebase, learner, credentialRecords, offerings, asOf, first, budget));
            for (int i = 0; i < batch.size(); i++) {
                for (ReceivingInstitution institution : batch.get(i)) {
                    keep(answered.get(i).at(institution), best, limit);
                }
            }
        }
        List<TransferOption> ranked = new ArrayList<>(best);
        ranked.sort(TransferOption.RANKING);
        return new Ranked(considered, List.copyOf(ranked));
    }

    private static void keep(TransferOption option, PriorityQueue<TransferOption> best, int limit) {
        best.add(option);
        if (best.size() > limit) {
            best.poll();
        }
    }

    /** One option per institution of an evaluation, read off its totals and each offering's TRANSFER conclusion (TO-2). */
    public static List<TransferOption> options(RulebaseAnswer answer) {
        List<Map<String, String>> policies = answer.decisions().stream().map(TransferOptionsFinder::policies).toList();
        List<TransferOption> options = new ArrayList<>(answer.institutions().size());
        for (int i = 0; i < answer.institutions().size(); i++) {
            InstitutionTotals totals = answer.institutions().get(i);
            List<TransferOption.OfferingTransfer> transfers = new ArrayList<>(answer.decisions().size());
            int matches = 0;
            int reviews = 0;
            int misses = 0;
            for (int d = 0; d < answer.decisions().size(); d++) {
                OfferingDecision decision = answer.decisions().get(d);
                TransferAnswer transfer = decision.transfers().get(i); // one per institution, in the evaluation's order
                transfers.add(new TransferOption.OfferingTransfer(decision.offeringId(), transfer.outcome(), transfer.semesterHours(),
                        policies.get(d).get(totals.id())));
                if (transfer.outcome().matches()) {
                    matches++;
                } else if (transfer.outcome() == Transfer.REVIEW) {
                    reviews++;
                } else {
                    misses++;
                }
            }
            options.add(new TransferOption(totals.id(), totals.name(), totals.acceptedSemesterHours(), totals.expectedSemesterHours(),
                    matches, reviews, misses, List.copyOf(transfers)));
        }
        return options;
    }

    /** Per institution, the statement of the offering's TRANSFER conclusion there (one per institution). */
    private static Map<String, String> policies(OfferingDecision decision) {
        Map<String, String> policies = new HashMap<>();
        for (TracedConclusion conclusion : decision.conclusions()) {
            if (conclusion.topic() == Topic.TRANSFER) {
                policies.putIfAbsent(conclusion.institution(), conclusion.policy());
            }
        }
        return policies;
    }
}
