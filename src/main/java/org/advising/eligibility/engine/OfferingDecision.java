package org.advising.eligibility.engine;

import java.util.List;
import org.advising.eligibility.model.Admission;
import org.advising.eligibility.model.Credential;
import org.advising.eligibility.model.CreditTransfer;

/** The answers for one offering: the five summary fields and every conclusion behind them. */
public record OfferingDecision(
        String offeringId,
        boolean accredited,
        Credential credential,
        CreditTransfer transfersCredit,
        Admission degreeAdmission,
        boolean industryCertification,
        List<TracedConclusion> conclusions) {
}
