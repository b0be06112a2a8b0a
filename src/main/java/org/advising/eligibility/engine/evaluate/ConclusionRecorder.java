package org.advising.eligibility.engine.evaluate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.model.Conclusion;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.rule.Match;

/**
 * Listens to one session and remembers, for every fact a rule inserted or changed (with
 * {@code modify}), which rules made it so and which derived facts their matches relied on. Rules
 * stay free of bookkeeping: they only insert a {@link Conclusion}; the rule's metadata supplies
 * policy, name, file and line. A rule that changes a conclusion is then the rule that drew it.
 */
final class ConclusionRecorder {

    record Recorded(Conclusion conclusion, RuleInfo rule, List<String> basedOn) {
    }

    private final Rulebase rulebase;
    /** Per derived fact, the rules that inserted and then changed it, in that order. */
    private final Map<Object, List<RuleInfo>> derivedBy = new IdentityHashMap<>();
    private final Map<Conclusion, Recorded> conclusions = new IdentityHashMap<>();
    private final List<Conclusion> inOrder = new ArrayList<>();
    private final Map<String, Integer> firingsByRule = new LinkedHashMap<>();
    private final Map<String, RuleInfo> fired = new LinkedHashMap<>();
    /** Each rule as the rulebase describes it, looked up once per evaluation (thousands of firings for transfer options). */
    private final Map<Rule, RuleInfo> described = new IdentityHashMap<>();
    private Match firing;

    ConclusionRecorder(Rulebase rulebase) {
        this.rulebase = rulebase;
    }

    final DefaultAgendaEventListener agendaListener = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            firing = event.getMatch();
            Rule rule = event.getMatch().getRule();
            if (firingsByRule.merge(rule.getName(), 1, Integer::sum) == 1) {
                fired.put(rule.getName(), describe(rule));
            }
        }
    };

    final DefaultRuleRuntimeEventListener factListener = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            derived(event.getObject(), event.getRule());
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            derived(event.getObject(), event.getRule());
        }
    };

    private void derived(Object fact, Rule rule) {
        if (rule == null) {
            return; // inserted by the evaluation itself: a fact of the request or a policy value
        }
        RuleInfo info = describe(rule);
        List<String> basis = basis(); // before this rule joins the fact's derivation, so a change does not cite itself
        derivedBy.computeIfAbsent(fact, f -> new ArrayList<>(1)).add(info);
        if (fact instanceof Conclusion conclusion) {
            Recorded earlier = conclusions.get(conclusion);
            if (earlier == null) {
                inOrder.add(conclusion);
            } else {
                Set<String> merged = new LinkedHashSet<>(earlier.basedOn());
                merged.add(earlier.rule().policy());
                merged.addAll(basis);
                basis = List.copyOf(merged);
            }
            conclusions.put(conclusion, new Recorded(conclusion, info, basis));
        }
    }

    private RuleInfo describe(Rule rule) {
        return described.computeIfAbsent(rule, rulebase::describe);
    }

    /** The statements of the rules that derived the facts the firing match relied on, each once, in the match's order. */
    private List<String> basis() {
        List<String> policies = null;
        if (firing != null) {
            for (Object matched : firing.getObjects()) {
                for (RuleInfo source : derivedBy.getOrDefault(matched, List.of())) {
                    if (policies == null) {
                        policies = new ArrayList<>(2);
                    }
                    if (!policies.contains(source.policy())) { // a handful at most: a list is cheaper than a set
                        policies.add(source.policy());
                    }
                }
            }
        }
        return policies == null ? List.of() : List.copyOf(policies);
    }

    /** The conclusions in the order rules first drew them, each with the rule that drew or last changed it. */
    List<Recorded> conclusions() {
        return inOrder.stream().map(conclusions::get).toList();
    }

    /** How often each rule fired, by name, in the order they first fired. */
    Map<String, Integer> firingsByRule() {
        return firingsByRule;
    }

    /** The rule of that name, as the rulebase describes it (one that fired). */
    RuleInfo rule(String name) {
        return fired.get(name);
    }
}
