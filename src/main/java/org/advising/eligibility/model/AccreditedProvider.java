package org.advising.eligibility.model;

/**
 * A provider the rules found accredited, either by a recognized accreditor or presumed so;
 * {@code standing} is the phrase reasons use ("is accredited by HLC").
 */
public record AccreditedProvider(Provider provider, boolean presumed, String standing) {
}
