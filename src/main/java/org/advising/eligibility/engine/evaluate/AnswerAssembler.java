package org.advising.eligibility.engine.evaluate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.model.Accreditation;
import org.advising.eligibility.model.Admission;
import org.advising.eligibility.model.Conclusion;
import org.advising.eligibility.model.Credential;
import org.advising.eligibility.model.CreditTransfer;
import org.advising.eligibility.model.IndustryCertification;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.Outcome;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.model.Topic;
import org.advising.eligibility.model.Transfer;

/**
 * Turns what the rules concluded in one session into the answer: one decision per offering in
 * request order, each summary field from the single conclusion of its topic, one transfer per named
 * institution, and the totals per institution. A topic with no conclusion or several is a
 * {@link RulebaseDefect.Undecided}, never a guess; all of them are reported at once.
 */
final class AnswerAssembler {

    /** The topics that back a summary field; ADVICE backs none. */
    private static final List<Topic> SUMMARY_TOPICS = List.of(Topic.ACCREDITATION, Topic.CREDENTIAL, Topic.CREDIT,
            Topic.ADMISSION, Topic.INDUSTRY_CERTIFICATION);

    private AnswerAssembler() {
    }

    static RulebaseAnswer assemble(List<Offering> offerings, List<ReceivingInstitution> institutions, ConclusionRecorder recorder) {
        List<OfferingDecision> decisions = decisions(offerings, institutions, recorder);
        return new RulebaseAnswer(decisions, institutions.isEmpty() ? null : totals(institutions, decisions),
                recorder.decisiveFirings());
    }

    private static List<OfferingDecision> decisions(List<Offering> offerings, List<ReceivingInstitution> institutions,
            ConclusionRecorder recorder) {
        List<ConclusionRecorder.Recorded> recorded = recorder.conclusions();
        Map<String, List<ConclusionRecorder.Recorded>> byOffering = new LinkedHashMap<>();
        for (ConclusionRecorder.Recorded r : recorded) {
            byOffering.computeIfAbsent(r.conclusion().offering().id(), id -> new ArrayList<>()).add(r);
        }
        // Where each institution stands in the request: an evaluation may hold thousands (transfer options).
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < institutions.size(); i++) {
            position.put(institutions.get(i).id(), i);
        }
        List<RulebaseDefect> defects = new ArrayList<>(recorder.defects());
        List<OfferingDecision> decisions = new ArrayList<>();
        for (Offering offering : offerings) {
            List<ConclusionRecorder.Recorded> drawn = inAnswerOrder(byOffering.getOrDefault(offering.id(), List.of()), position);
            Map<String, List<ConclusionRecorder.Recorded>> transfersByInstitution = new HashMap<>();
            for (ConclusionRecorder.Recorded r : drawn) {
                if (r.conclusion().topic() == Topic.TRANSFER && r.conclusion().institution() != null) {
                    transfersByInstitution.computeIfAbsent(r.conclusion().institution().id(), id -> new ArrayList<>(1)).add(r);
                }
            }
            Map<Topic, List<ConclusionRecorder.Recorded>> byTopic = new EnumMap<>(Topic.class); // one pass, in the sorted order
            for (ConclusionRecorder.Recorded r : drawn) {
                byTopic.computeIfAbsent(r.conclusion().topic(), topic -> new ArrayList<>(1)).add(r);
            }
            Map<Topic, Outcome> summary = new EnumMap<>(Topic.class);
            List<RulebaseDefect> offeringDefects = new ArrayList<>();
            for (Topic topic : SUMMARY_TOPICS) {
                List<ConclusionRecorder.Recorded> ofTopic = byTopic.getOrDefault(topic, List.of());
                if (ofTopic.size() == 1) {
                    summary.put(topic, ofTopic.get(0).conclusion().outcome());
                } else {
                    offeringDefects.add(undecided(offering, topic, null, ofTopic, recorder));
                }
            }
            List<TransferAnswer> transfers = new ArrayList<>();
            for (ReceivingInstitution institution : institutions) {
                // an evaluation's institutions have distinct ids (named once each, or one entry in effect per id)
                List<ConclusionRecorder.Recorded> ofInstitution = transfersByInstitution.getOrDefault(institution.id(), List.of());
                if (ofInstitution.size() == 1) {
                    Conclusion conclusion = ofInstitution.get(0).conclusion();
                    transfers.add(new TransferAnswer(institution.id(), (Transfer) conclusion.outcome(), conclusion.semesterHours()));
                } else {
                    offeringDefects.add(undecided(offering, Topic.TRANSFER, institution.id(), ofInstitution, recorder));
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
                        traced(drawn, recorder)));
            }
            defects.addAll(offeringDefects);
        }
        if (!defects.isEmpty()) {
            throw new RulebaseDefectException(defects);
        }
        return decisions;
    }

    /**
     * By topic; within a topic, conclusions about institutions in the request's order of institutions (one
     * not among them, or none, first), drawing order kept among equals. Each conclusion's place is found
     * once, not at every comparison: an evaluation of transfer options holds hundreds per offering.
     */
    private static List<ConclusionRecorder.Recorded> inAnswerOrder(List<ConclusionRecorder.Recorded> drawn, Map<String, Integer> position) {
        record Placed(long place, ConclusionRecorder.Recorded recorded) {
        }
        long places = position.size() + 1L;
        List<Placed> placed = new ArrayList<>(drawn.size());
        for (ConclusionRecorder.Recorded r : drawn) {
            ReceivingInstitution institution = r.conclusion().institution();
            int at = institution == null ? -1 : position.getOrDefault(institution.id(), -1);
            placed.add(new Placed(r.conclusion().topic().ordinal() * places + at + 1, r));
        }
        placed.sort(Comparator.comparingLong(Placed::place)); // a stable sort
        List<ConclusionRecorder.Recorded> ordered = new ArrayList<>(placed.size());
        for (Placed p : placed) {
            ordered.add(p.recorded());
        }
        return ordered;
    }

    private static RulebaseDefect undecided(Offering offering, Topic topic, String institution, List<ConclusionRecorder.Recorded> drawn,
            ConclusionRecorder recorder) {
        return new RulebaseDefect.Undecided(offering.id(), topic, institution, drawn.stream().map(ConclusionRecorder.Recorded::rule)
                .sorted(Comparator.comparingInt((RuleInfo rule) -> -rule.salience()).thenComparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                .toList(), recorder.hitPolicy(topic));
    }

    /** Per institution, the hours accepted and expected over all offerings (after the caps the rules applied). */
    private static List<InstitutionTotals> totals(List<ReceivingInstitution> institutions, List<OfferingDecision> decisions) {
        List<InstitutionTotals> totals = new ArrayList<>();
        for (int i = 0; i < institutions.size(); i++) {
            ReceivingInstitution institution = institutions.get(i);
            BigDecimal accepted = BigDecimal.ZERO;
            BigDecimal expected = BigDecimal.ZERO;
            for (OfferingDecision decision : decisions) {
                TransferAnswer transfer = decision.transfers().get(i); // a decision has one transfer per institution, in their order
                accepted = transfer.outcome() == Transfer.ACCEPTED ? accepted.add(transfer.semesterHours()) : accepted;
                expected = transfer.outcome() == Transfer.EXPECTED ? expected.add(transfer.semesterHours()) : expected;
            }
            totals.add(new InstitutionTotals(institution.id(), institution.name(), accepted, expected));
        }
        return totals;
    }

    private static List<TracedConclusion> traced(List<ConclusionRecorder.Recorded> drawn, ConclusionRecorder recorder) {
        TracedConclusion[] traced = new TracedConclusion[drawn.size()];
        for (int i = 0; i < traced.length; i++) {
            traced[i] = traced(drawn.get(i), recorder);
        }
        return List.of(traced);
    }

    /** A recorded conclusion as the answer gives it: its rule, where that rule is, and what it outranked. */
    static TracedConclusion traced(ConclusionRecorder.Recorded r, ConclusionRecorder recorder) {
        Conclusion conclusion = r.conclusion();
        return new TracedConclusion(conclusion.topic(), conclusion.institution() == null ? null : conclusion.institution().id(),
                conclusion.outcome().name(), r.rule().policy(), conclusion.semesterHours(), r.rule().name(), r.rule().file(),
                r.rule().sheet() == null ? r.rule().line() : null, r.rule().sheet(), r.rule().row(), conclusion.reason(), r.basedOn(),
                overruled(recorder.overruled(conclusion)));
    }

    private static List<TracedConclusion.Overruled> overruled(List<ConclusionRecorder.Outranked> outranked) {
        if (outranked.isEmpty()) {
            return List.of();
        }
        TracedConclusion.Overruled[] overruled = new TracedConclusion.Overruled[outranked.size()];
        for (int i = 0; i < overruled.length; i++) {
            overruled[i] = overruled(outranked.get(i));
        }
        return List.of(overruled);
    }

    private static TracedConclusion.Overruled overruled(ConclusionRecorder.Outranked outranked) {
        RuleInfo rule = outranked.rule();
        return new TracedConclusion.Overruled(rule.policy(), rule.name(), rule.file(), rule.sheet() == null ? rule.line() : null,
                rule.sheet(), rule.row(), outranked.outcome(), outranked.reason());
    }
}
