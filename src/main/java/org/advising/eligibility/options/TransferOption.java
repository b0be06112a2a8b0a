package org.advising.eligibility.options;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.model.Transfer;

/**
 * One receiving institution's option (TO-2): its totals after caps, how many offerings it matches
 * ({@code ACCEPTED} or {@code EXPECTED}), reviews and misses, and per offering, in request order,
 * the outcome, hours and deciding statement of its TRANSFER conclusion.
 */
public record TransferOption(String id, String name, BigDecimal acceptedSemesterHours, BigDecimal expectedSemesterHours,
        int matches, int reviews, int misses, List<OfferingTransfer> offerings) {

    /**
     * TO-3: accepted hours (most first), then expected hours, then matches, then reviews, then the
     * institution id (alphabetical). A view of the rules' answers (TO-4), not a rule.
     */
    public static final Comparator<TransferOption> RANKING = Comparator.comparing(TransferOption::acceptedSemesterHours).reversed()
            .thenComparing(Comparator.comparing(TransferOption::expectedSemesterHours).reversed())
            .thenComparing(Comparator.comparingInt(TransferOption::matches).reversed())
            .thenComparing(Comparator.comparingInt(TransferOption::reviews).reversed())
            .thenComparing(TransferOption::id);

    /** The same option at another institution of the same policy (the rules read its policy, not its id or name). */
    public TransferOption at(ReceivingInstitution institution) {
        return institution.id().equals(id) ? this : new TransferOption(institution.id(), institution.name(), acceptedSemesterHours,
                expectedSemesterHours, matches, reviews, misses, offerings);
    }

    /** What the institution does with one offering. */
    public record OfferingTransfer(String offeringId, Transfer outcome, BigDecimal semesterHours, String policy) {
    }
}
