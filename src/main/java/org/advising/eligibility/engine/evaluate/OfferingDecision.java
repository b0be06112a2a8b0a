package org.advising.eligibility.engine.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.advising.eligibility.model.Admission;
import org.advising.eligibility.model.Credential;
import org.advising.eligibility.model.CreditTransfer;

/**
 * The answers for one offering: the five summary fields, one transfer per receiving institution the
 * request named (absent when it named none), and every conclusion behind them.
 */
public record OfferingDecision(
        String offeringId,
        boolean accredited,
        Credential credential,
        CreditTransfer transfersCredit,
        Admission degreeAdmission,
        boolean industryCertification,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TransferAnswer> transfers,
        List<TracedConclusion> conclusions) {
}
