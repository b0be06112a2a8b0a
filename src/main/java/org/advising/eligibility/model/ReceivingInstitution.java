package org.advising.eligibility.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A receiving institution's transfer policy, one entry of institutions.yaml as policy staff write
 * it, the fact the rules match on and an item of GET /api/v1/institutions: the lowest grade of
 * university credit it accepts, the credit levels it accepts, the credit recommendations it accepts
 * (null: none) with their cap, its cap on all transferred hours (null: no cap), how many years
 * completed credit stays valid (null: for ever), whether it accepts a provider only presumed
 * accredited (default true), whether it reviews credit the service read from a credential whose
 * issuer it did not authenticate (TR-9, default false), and the dates the entry is in effect.
 * Its checks are the constraints on its fields; each message completes "institutions[3] (id) has
 * the field's value; …" (an empty one: "has no field").
 */
@PolicyFact.DatesInOrder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivingInstitution(
        @NotNull(message = "") @Pattern(regexp = "[a-z0-9-]{1,64}", message = "an id is 1 to 64 of a-z, 0-9 and -") String id,
        @NotBlank(message = "") String name,
        @NotNull(message = "") @DecimalMin(value = "0.0", message = "it must be from 0.0 to 4.0")
        @DecimalMax(value = "4.0", message = "it must be from 0.0 to 4.0") @TwoDecimals(message = DECIMALS) Double minimumGrade,
        @NotEmpty(message = "list at least one of VOCATIONAL, LOWER_DIVISION, UPPER_DIVISION, GRADUATE")
        @JsonDeserialize(as = LinkedHashSet.class) Set<CreditLevel> acceptedLevels,
        @Valid CreditRecommendations creditRecommendations,
        @PositiveOrZero(message = "it must be 0 or more") @DecimalMax(value = "1000", message = "it must be at most 1000")
        @TwoDecimals(message = DECIMALS) BigDecimal maxTransferSemesterHours,
        @Min(value = 1, message = "it must be 1 or more") Integer creditValidForYears,
        Boolean acceptsPresumedAccreditation,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean requiresAuthenticatedCredentials,
        @PlausibleDate(message = DATES) LocalDate from,
        @PlausibleDate(message = DATES) LocalDate until) implements PolicyFact {

    static final String DECIMALS = "it may have at most 2 decimals";
    static final String DATES = "a date must be from 1900-01-01 to 2200-12-31";

    /** The credit recommendations it accepts: their sources (codes matched exactly) and a cap on their hours (null: none). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreditRecommendations(
            @NotEmpty(message = "list the sources it accepts, or leave creditRecommendations out")
            @JsonDeserialize(as = LinkedHashSet.class) Set<String> sources,
            @PositiveOrZero(message = "it must be 0 or more") @DecimalMax(value = "1000", message = "it must be at most 1000")
            @TwoDecimals(message = DECIMALS) BigDecimal maxSemesterHours) {

        public CreditRecommendations {
            sources = sources == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(sources));
        }
    }

    /** What institutions.yaml leaves out is the default: presumed accreditation accepted, credentials not required to be authenticated. */
    public ReceivingInstitution {
        acceptedLevels = acceptedLevels == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(acceptedLevels));
        acceptsPresumedAccreditation = acceptsPresumedAccreditation == null || acceptsPresumedAccreditation;
        requiresAuthenticatedCredentials = Boolean.TRUE.equals(requiresAuthenticatedCredentials);
    }

    /** The recommendation sources it accepts, none when it accepts no recommendations. */
    public Set<String> recommendationSources() {
        return creditRecommendations == null ? Set.of() : creditRecommendations.sources();
    }

    /** The levels it accepts as reasons name them: "lower-division or upper-division". */
    public String acceptedLevelsInWords() {
        return inWords(acceptedLevels.stream().map(CreditLevel::label).toList());
    }

    /** The recommendation sources it accepts as reasons name them: "ACE or NCCRS". */
    public String recommendationSourcesInWords() {
        return inWords(List.copyOf(recommendationSources()));
    }

    private static String inWords(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /**
     * Its policy alone: the same values without the id, name and dates that tell one institution's
     * entry from another's, so that institutions publishing the same policy are equal (transfer
     * options evaluate each distinct policy once).
     */
    public ReceivingInstitution policy() {
        return new ReceivingInstitution(null, null, minimumGrade, acceptedLevels, creditRecommendations, maxTransferSemesterHours,
                creditValidForYears, acceptsPresumedAccreditation, requiresAuthenticatedCredentials, null, null);
    }

    /**
     * Rules join on institutions all the time; the id alone is a valid hash and cheap. A
     * {@link #policy()} has no id: a few of its values hash it (equal policies have them equal).
     */
    @Override
    public int hashCode() {
        return id != null ? id.hashCode() : Objects.hash(minimumGrade, acceptedLevels, maxTransferSemesterHours, creditValidForYears);
    }
}
