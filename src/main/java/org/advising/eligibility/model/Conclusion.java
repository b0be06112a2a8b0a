package org.advising.eligibility.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a rule concluded about one offering, with a reason an advisor can read aloud. The topic
 * follows from the outcome. A conclusion about a receiving institution (TRANSFER, and advice such
 * as ADV-6) names it, and a TRANSFER conclusion gives the semester hours. The engine records which
 * rule drew it; rules only say what and why.
 */
public record Conclusion(Offering offering, Outcome outcome, String reason, ReceivingInstitution institution,
        BigDecimal semesterHours) {

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

    public Topic topic() {
        return outcome.topic();
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
}
