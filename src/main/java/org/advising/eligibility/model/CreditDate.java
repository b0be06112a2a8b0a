package org.advising.eligibility.model;

import java.time.LocalDate;

/**
 * The date that counts for an offering's credit recommendation (CR-6): its completion, or the as-of
 * date; {@code description} says which, as reasons put it ("the learner completed it on 2024-09-15").
 */
public record CreditDate(Offering offering, LocalDate date, String description) {
}
