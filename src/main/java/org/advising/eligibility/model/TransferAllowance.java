package org.advising.eligibility.model;

import java.math.BigDecimal;

/**
 * What is left of one institution's caps (TR-8) while the claims of one request take their hours:
 * recommended hours left under {@code maxRecommendedSemesterHours}, all hours left under
 * {@code maxTransferSemesterHours}; null where the institution sets no cap.
 */
public final class TransferAllowance {

    private final ReceivingInstitution institution;
    private BigDecimal recommendedHoursLeft;
    private BigDecimal hoursLeft;

    public TransferAllowance(ReceivingInstitution institution) {
        this.institution = institution;
        this.recommendedHoursLeft = institution.maxRecommendedSemesterHours();
        this.hoursLeft = institution.maxTransferSemesterHours();
    }

    public ReceivingInstitution getInstitution() {
        return institution;
    }

    /** The claim's hours, or fewer where a cap leaves fewer (never below zero). */
    public BigDecimal hoursFor(TransferClaim claim) {
        BigDecimal hours = claim.getSemesterHours();
        if (claim.isRecommended() && recommendedHoursLeft != null) {
            hours = hours.min(recommendedHoursLeft);
        }
        if (hoursLeft != null) {
            hours = hours.min(hoursLeft);
        }
        return hours.max(BigDecimal.ZERO);
    }

    /** The cap that leaves the claim fewer hours than it brings, in words, or null when none does. */
    public String limitFor(TransferClaim claim) {
        BigDecimal hours = claim.getSemesterHours();
        if (claim.isRecommended() && recommendedHoursLeft != null && recommendedHoursLeft.compareTo(hours) < 0
                && (hoursLeft == null || recommendedHoursLeft.compareTo(hoursLeft) <= 0)) {
            return "at most " + institution.maxRecommendedSemesterHours().toPlainString() + " semester hours of recommended credit";
        }
        if (hoursLeft != null && hoursLeft.compareTo(hours) < 0) {
            return "at most " + institution.maxTransferSemesterHours().toPlainString() + " semester hours in all";
        }
        return null;
    }

    /** Counts a settled claim's granted hours against the caps. */
    public void take(TransferClaim claim) {
        BigDecimal granted = claim.getGrantedHours();
        if (claim.isRecommended() && recommendedHoursLeft != null) {
            recommendedHoursLeft = recommendedHoursLeft.subtract(granted);
        }
        if (hoursLeft != null) {
            hoursLeft = hoursLeft.subtract(granted);
        }
    }
}
