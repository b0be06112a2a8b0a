package org.advising.eligibility.model;

/** Where an offering stands in the request (0 first): caps are filled in request order (TR-8). */
public record RequestOrder(Offering offering, int position) {
}
