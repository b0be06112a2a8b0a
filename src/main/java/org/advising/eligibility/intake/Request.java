package org.advising.eligibility.intake;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;

/**
 * What every request body holds, whichever kind: the learner, the offerings asked about, and
 * optionally the date to answer as of. Each kind of request is a record of its own with its own
 * fields; a field of the other kind is refused by name.
 */
public sealed interface Request permits EvaluationRequest, TransferOptionsRequest {

    /** The most offerings a request may hold. */
    int MAX_OFFERINGS = 500;

    LocalDate asOf();

    Learner learner();

    List<Offering> offerings();

    /** The date the request is answered as of: its own, else today (UTC). */
    default LocalDate asOfOrToday() {
        return asOf() == null ? LocalDate.now(ZoneOffset.UTC) : asOf();
    }

    /** The same request for the learner and offerings its credentials gave (LC). */
    Request with(Learner learner, List<Offering> offerings);
}
