package org.advising.eligibility.model;

import java.math.BigDecimal;

/**
 * The hours an offering would bring to an institution whose policy accepts its credit (TR-5 or
 * TR-6), before the institution's caps (TR-8) are applied: {@code grantedHours} is null until the
 * caps have been settled, then the hours granted, with {@code limit} naming the cap that cut them
 * (null when none did). {@code reason} is the accepting statement's reason.
 */
public final class TransferClaim {

    private final Offering offering;
    private final ReceivingInstitution institution;
    private final Transfer outcome;
    private final BigDecimal semesterHours;
    private final boolean recommended;
    private final int position;
    private final String reason;
    private BigDecimal grantedHours;
    private String limit;

    public TransferClaim(Offering offering, ReceivingInstitution institution, Transfer outcome, BigDecimal semesterHours,
            boolean recommended, int position, String reason) {
        this.offering = offering;
        this.institution = institution;
        this.outcome = outcome;
        this.semesterHours = semesterHours;
        this.recommended = recommended;
        this.position = position;
        this.reason = reason;
    }

    public Offering getOffering() {
        return offering;
    }

    public ReceivingInstitution getInstitution() {
        return institution;
    }

    /** ACCEPTED or EXPECTED. */
    public Transfer getOutcome() {
        return outcome;
    }

    public BigDecimal getSemesterHours() {
        return semesterHours;
    }

    /** Recommended credit (TR-6), which the recommended-hours cap also counts; otherwise university credit (TR-5). */
    public boolean isRecommended() {
        return recommended;
    }

    /** The offering's place in the request: within each outcome, claims take their hours in this order. */
    public int getPosition() {
        return position;
    }

    public String getReason() {
        return reason;
    }

    public BigDecimal getGrantedHours() {
        return grantedHours;
    }

    public void setGrantedHours(BigDecimal grantedHours) {
        this.grantedHours = grantedHours;
    }

    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }
}
