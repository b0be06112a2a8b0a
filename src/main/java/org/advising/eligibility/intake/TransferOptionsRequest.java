package org.advising.eligibility.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.PlausibleDate;

/**
 * A request for transfer options (TO): one learner and the offerings to rank every institution in
 * effect for, optionally the date to answer as of, and how many options to list ({@code limit},
 * TO-3; {@value #DEFAULT_LIMIT} unless given).
 */
public record TransferOptionsRequest(
        @PlausibleDate LocalDate asOf,
        @NotNull @Valid Learner learner,
        @NotNull @Size(min = 1, max = MAX_OFFERINGS, message = "must hold between {min} and {max} offerings")
        List<@NotNull @Valid Offering> offerings,
        @Min(value = 1, message = "must be from 1 to 1000") @Max(value = 1000, message = "must be from 1 to 1000") Integer limit)
        implements Request {

    /** How many options are listed when the request does not say (TO-3). */
    public static final int DEFAULT_LIMIT = 20;

    /** The fields of the other kind of request, each with why this kind refuses it. */
    static final Map<String, String> OTHER_FIELDS = Map.of(
            "receivingInstitutions", "is not a field of transfer-options requests: they rank every institution in effect on the "
                    + "as-of date; to ask about named institutions, send an evaluation request",
            "nextSteps", "is not a field of transfer-options requests: next steps are a field of evaluation requests");

    /** How many options to list: the request's own, else {@value #DEFAULT_LIMIT}. */
    public int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    @Override
    public TransferOptionsRequest with(Learner learner, List<Offering> offerings) {
        return new TransferOptionsRequest(asOf, learner, offerings, limit);
    }
}
