package org.advising.eligibility.model;

import java.math.BigDecimal;

/**
 * One of an institution's caps on transferred hours (TR-8) while one request's transfers take their
 * hours from it: the most it transfers ({@code hours}, as institutions.yaml states it), whether it
 * counts recommended credit only ({@code creditRecommendations.maxSemesterHours}) or all credit
 * ({@code maxTransferSemesterHours}), and the hours still {@code left} of it.
 */
public record Cap(BigDecimal hours, boolean recommendedOnly, BigDecimal left) {

    /** A cap on recommended hours, none taken yet. */
    public static Cap onRecommendedHours(BigDecimal hours) {
        return new Cap(hours, true, hours);
    }

    /** A cap on all transferred hours, none taken yet. */
    public static Cap onAllHours(BigDecimal hours) {
        return new Cap(hours, false, hours);
    }

    /** Whether a claim's hours count against this cap: every claim's against a cap on all hours, recommended credit's against both. */
    public boolean counts(TransferClaim claim) {
        return !recommendedOnly || claim.isRecommended();
    }

    /** This cap once these hours are granted. */
    public Cap after(BigDecimal granted) {
        return new Cap(hours, recommendedOnly, left.subtract(granted));
    }
}
