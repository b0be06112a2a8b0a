package org.advising.eligibility.engine.folder;

import java.security.PublicKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** PLACEHOLDER (replaced by the helper's TrustedIssuers on merge). */
public final class TrustedIssuers {

    public static final TrustedIssuers NONE = new TrustedIssuers(List.of());

    public record TrustedKey(String id, PublicKey publicKey, String publicKeyMultibase, LocalDate from, LocalDate until) {
    }

    public record TrustedIssuer(String id, String name, List<TrustedKey> keys) {
    }

    private final List<TrustedIssuer> issuers;

    public TrustedIssuers(List<TrustedIssuer> issuers) {
        this.issuers = issuers;
    }

    public Optional<TrustedIssuer> issuer(String issuerId) {
        return issuers.stream().filter(i -> i.id().equals(issuerId)).findFirst();
    }

    public Optional<TrustedKey> key(String issuerId, String verificationMethod, LocalDate on) {
        return issuer(issuerId).flatMap(i -> i.keys().stream().filter(k -> k.id().equals(verificationMethod)
                && (k.from() == null || on != null && !on.isBefore(k.from())) && (k.until() == null || on != null && !on.isAfter(k.until())))
                .findFirst());
    }

    public List<TrustedIssuer> issuers() {
        return issuers;
    }
}
