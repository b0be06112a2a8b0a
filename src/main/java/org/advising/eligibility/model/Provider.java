package org.advising.eligibility.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The university or company that makes an offering, as the offering describes it. */
public record Provider(
        @NotBlank String name,
        @NotNull ProviderKind kind,
        String accreditor,
        String domain,
        String country) {
}
