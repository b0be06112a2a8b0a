package org.advising.eligibility.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * A compiled rules folder, ready to evaluate: built once, shared by every evaluation.
 * {@code policyFacts} are inserted into every session; {@code rules} is keyed by package and rule name.
 */
public record Rulebase(String version, Instant loadedAt, KieBase kieBase, List<Object> policyFacts,
        Map<String, RuleInfo> rules) {

    public RuleInfo describe(Rule rule) {
        return rules.get(key(rule.getPackageName(), rule.getName()));
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }
}
