package org.advising.eligibility.model;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The university or company that makes an offering, as the offering describes it. */
public record Provider(
        @NotBlank @Size(max = 300) String name,
        @NotNull ProviderKind kind,
        @Size(max = 64) String accreditor,
        @Size(max = 253) String domain,
        @Size(max = 64) String country) {

    /** As {@link Offering#hashCode()}: the name alone, since the rules join on providers too. */
    @Override
    public int hashCode() {
        return name == null ? 0 : name.hashCode();
    }
}
