package org.advising.eligibility.model;

import java.time.LocalDate;

/** The date the evaluation is made as of: the request's asOf, or today. */
public record AsOfDate(LocalDate date) {
}
