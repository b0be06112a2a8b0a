package org.advising.eligibility.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a rule concluded about one offering, with a reason an advisor can read aloud. The topic
 * follows from the outcome. A conclusion about a receiving institution (TRANSFER, and advice such
 * as ADV-6) names it, and a TRANSFER conclusion gives the semester hours. The engine records which
 * rule drew it; rules only say what and why.
 *
 * <p>Only the caps of TR-8 change a conclusion once drawn: a transfer that meets an institution's cap
 * keeps the hours the cap leaves ({@link #limitTo}), and the rule that changed it is then the rule
 * that drew it. A fact is the same fact only as itself: two conclusions that say the same thing are
 * still two (the rule engine and the recorder tell facts apart by identity).
 */
public final class Conclusion {

    private final Offering offering;
    private final ReceivingInstitution institution;
    private Outcome outcome;
    private String reason;
    private BigDecimal semesterHours;

    public Conclusion(Offering offering, Outcome outcome, String reason, ReceivingInstitution institution, BigDecimal semesterHours) {
        this.offering = offering;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.reason = reason;
        this.institution = institution;
        this.semesterHours = semesterHours;
    }

    public Conclusion(Offering offering, Outcome outcome, String reason) {
        this(offering, outcome, reason, null, null);
    }

    /** What a decision table's reason may name: the offering's provider and its type, filled in per offering. */
    public static final List<String> PLACEHOLDERS = List.of("{provider}", "{type}");

    /** A conclusion drawn by a row of a decision table, whose reason names {provider} and {type} (see PLACEHOLDERS). */
    public static Conclusion fromTable(Offering offering, Outcome outcome, String reason) {
        return new Conclusion(offering, outcome,
                reason.replace("{provider}", offering.provider().name()).replace("{type}", offering.type().label()));
    }

    public static Conclusion advice(Offering offering, String reason) {
        return new Conclusion(offering, Advice.ADVICE, reason);
    }

    /** Advice about one receiving institution. */
    public static Conclusion advice(Offering offering, ReceivingInstitution institution, String reason) {
        return new Conclusion(offering, Advice.ADVICE, reason, institution, null);
    }

    /** What one institution does with the offering's credit: the outcome and the hours (0 unless ACCEPTED or EXPECTED). */
    public static Conclusion transfer(Offering offering, ReceivingInstitution institution, Transfer outcome, BigDecimal semesterHours,
            String reason) {
        return new Conclusion(offering, outcome, reason, institution, semesterHours);
    }

    /** What one institution does with the offering's credit when it brings no hours. */
    public static Conclusion transfer(Offering offering, ReceivingInstitution institution, Transfer outcome, String reason) {
        return new Conclusion(offering, outcome, reason, institution, BigDecimal.ZERO);
    }

    /**
     * TR-8: an accepted or expected transfer that meets a cap keeps only the hours the cap leaves,
     * and is not accepted when it leaves none; the reason then says which cap.
     */
    public void limitTo(BigDecimal hoursLeft, String capReason) {
        if (topic() != Topic.TRANSFER) {
            throw new IllegalStateException("only a transfer meets a cap, not a conclusion of " + topic());
        }
        if (hoursLeft.signum() == 0) {
            outcome = Transfer.NOT_ACCEPTED;
        }
        semesterHours = hoursLeft;
        reason = capReason;
    }

    public Offering offering() {
        return offering;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public ReceivingInstitution institution() {
        return institution;
    }

    public BigDecimal semesterHours() {
        return semesterHours;
    }

    public Topic topic() {
        return outcome.topic();
    }

    @Override
    public String toString() {
        return "Conclusion[" + offering.id() + " " + outcome + (institution == null ? "" : " at " + institution.id())
                + (semesterHours == null ? "" : " " + semesterHours + " h") + ": " + reason + "]";
    }
}
