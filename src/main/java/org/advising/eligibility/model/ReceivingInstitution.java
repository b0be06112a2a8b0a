package org.advising.eligibility.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A receiving institution's transfer policy, as policy staff keep it in institutions.yaml: the
 * lowest grade of university credit it accepts, the credit levels it accepts, the credit
 * recommendation sources it accepts (none: it accepts no recommendations), its caps on
 * recommended and on all transferred hours (null: no cap), how many years completed credit stays
 * valid (null: for ever), whether it accepts a provider only presumed accredited, and whether it
 * reviews credit the service read from a credential whose issuer it did not authenticate (TR-9).
 */
public record ReceivingInstitution(
        String id,
        String name,
        double minimumGrade,
        Set<CreditLevel> acceptedLevels,
        Set<String> recommendationSources,
        BigDecimal maxRecommendedSemesterHours,
        BigDecimal maxTransferSemesterHours,
        Integer creditValidForYears,
        boolean acceptsPresumedAccreditation,
        boolean requiresAuthenticatedCredentials) {

    /** The levels it accepts as reasons name them: "lower-division or upper-division". */
    public String acceptedLevelsInWords() {
        return inWords(acceptedLevels.stream().map(CreditLevel::label).toList());
    }

    /** The recommendation sources it accepts as reasons name them: "ACE or NCCRS". */
    public String recommendationSourcesInWords() {
        return inWords(List.copyOf(recommendationSources));
    }

    private static String inWords(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** Rules join on institutions all the time; the id alone is a valid hash and cheap. */
    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
