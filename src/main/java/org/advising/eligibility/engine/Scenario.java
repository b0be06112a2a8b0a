package org.advising.eligibility.engine;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.advising.eligibility.model.Admission;
import org.advising.eligibility.model.Credential;
import org.advising.eligibility.model.CreditTransfer;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;

/**
 * One case of a scenario file in rules/tests: facts in (the same fields as the API, with an
 * optional {@code asOf} date, default today), and per
 * offering id what the answer must be. Every expected field is optional; {@code policies} must
 * all appear among the offering's conclusions (their own policy or what they are based on) and
 * {@code absentPolicies} must not.
 */
public record Scenario(String name, LocalDate asOf, Learner learner, List<Offering> offerings, Map<String, Expected> expect) {

    /** The date the case is evaluated as of. */
    public LocalDate evaluatedOn() {
        return asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
    }

    public record Expected(Boolean accredited, Credential credential, CreditTransfer transfersCredit,
            Admission degreeAdmission, Boolean industryCertification, List<String> policies, List<String> absentPolicies) {
    }
}
