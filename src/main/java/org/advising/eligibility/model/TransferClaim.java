package org.advising.eligibility.model;

import java.math.BigDecimal;

/**
 * The hours an accepted or expected transfer (TR-5 or TR-6) claims from the institution's caps
 * (TR-8): {@code grantedHours} is null until the caps have been settled, then the hours granted,
 * with {@code cap} the cap that cut them (null when none did). {@code transfer} is the
 * TRANSFER conclusion that accepted or expects the hours, which a cap may then cut.
 */
public final class TransferClaim {

    private final Conclusion transfer;
    private final Offering offering;
    private final ReceivingInstitution institution;
    private final Transfer outcome;
    private final BigDecimal semesterHours;
    private final boolean recommended;
    private final int position;
    private BigDecimal grantedHours;
    private Cap cap;

    public TransferClaim(Conclusion transfer, boolean recommended, int position) {
        if (transfer.outcome() != Transfer.ACCEPTED && transfer.outcome() != Transfer.EXPECTED) {
            throw new IllegalArgumentException("only an accepted or expected transfer claims hours, not " + transfer.outcome());
        }
        this.transfer = transfer;
        this.offering = transfer.offering();
        this.institution = transfer.institution();
        this.outcome = (Transfer) transfer.outcome();
        this.semesterHours = transfer.semesterHours();
        this.recommended = recommended;
        this.position = position;
    }

    /** The TRANSFER conclusion whose hours this claims. */
    public Conclusion getTransfer() {
        return transfer;
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

    public BigDecimal getGrantedHours() {
        return grantedHours;
    }

    public void setGrantedHours(BigDecimal grantedHours) {
        this.grantedHours = grantedHours;
    }

    public Cap getCap() {
        return cap;
    }

    public void setCap(Cap cap) {
        this.cap = cap;
    }
}
