package org.advising.eligibility.engine.prove;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.compile.Rulebase;

/**
 * How much of a rulebase its scenarios exercise: every rule, in catalogue order, with the number of
 * scenario cases in which it fired. A rule no case fires is a rule nothing proves. {@code covering}
 * names a few cases that between them fire every rule any case fires: a restart's warm-up runs
 * just those.
 */
public record RuleCoverage(int cases, List<RuleCases> rules, List<ScenarioRunner.CaseRef> covering) implements Serializable {

    /** One rule and the number of cases in which it fired. */
    public record RuleCases(RuleInfo rule, int cases) implements Serializable {
    }

    public static RuleCoverage of(Rulebase rulebase, ScenarioRunner.Report report) {
        return new RuleCoverage(report.passed() + report.failed(), rulebase.rules().values().stream()
                .map(rule -> new RuleCases(rule, report.casesByRule().getOrDefault(rule.name(), 0))).toList(), report.covering());
    }

    public int rulesFired() {
        return (int) rules.stream().filter(rule -> rule.cases() > 0).count();
    }

    /** The share of rules fired by at least one case, in percent with one decimal (rounded down, so 99.96% never shows as 100%). */
    public BigDecimal percent() {
        return rules.isEmpty() ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(rulesFired() * 100L).divide(BigDecimal.valueOf(rules.size()), 1, RoundingMode.DOWN);
    }

    public List<RuleInfo> neverFired() {
        return rules.stream().filter(rule -> rule.cases() == 0).map(RuleCases::rule).toList();
    }
}
