package org.advising.eligibility.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What is left of one institution's caps (TR-8) while the claims of one request take their hours:
 * a {@link Cap} for each cap the institution sets, the one on recommended hours first.
 */
public final class TransferAllowance {

    private final ReceivingInstitution institution;
    private List<Cap> caps;

    public TransferAllowance(ReceivingInstitution institution) {
        this.institution = institution;
        List<Cap> set = new ArrayList<>(2);
        if (institution.creditRecommendations() != null && institution.creditRecommendations().maxSemesterHours() != null) {
            set.add(Cap.onRecommendedHours(institution.creditRecommendations().maxSemesterHours()));
        }
        if (institution.maxTransferSemesterHours() != null) {
            set.add(Cap.onAllHours(institution.maxTransferSemesterHours()));
        }
        this.caps = List.copyOf(set);
    }

    public ReceivingInstitution getInstitution() {
        return institution;
    }

    /**
     * The cap that leaves the claim fewer hours than it brings, or null when none does: of two, the
     * one that leaves fewer, and the cap on recommended hours when both leave as many.
     */
    public Cap capFor(TransferClaim claim) {
        Cap cutting = null;
        for (Cap cap : caps) {
            if (cap.counts(claim) && cap.left().compareTo(claim.getSemesterHours()) < 0
                    && (cutting == null || cap.left().compareTo(cutting.left()) < 0)) {
                cutting = cap;
            }
        }
        return cutting;
    }

    /** The claim's hours, or what its cap leaves when a cap leaves fewer (never below zero). */
    public BigDecimal hoursFor(TransferClaim claim) {
        Cap cap = capFor(claim);
        return (cap == null ? claim.getSemesterHours() : cap.left()).max(BigDecimal.ZERO);
    }

    /** Counts a settled claim's granted hours against every cap it counts against. */
    public void take(TransferClaim claim) {
        caps = caps.stream().map(cap -> cap.counts(claim) ? cap.after(claim.getGrantedHours()) : cap).toList();
    }
}
