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
import org.kie.api.runtime.rule.Match;

/**
 * Listens to one session and remembers, for every fact a rule inserted, which rule it was and
 * which derived facts that rule's match relied on. Rules stay free of bookkeeping: they only
 * insert a {@link Conclusion}; the rule's metadata supplies policy, name and file.
 */
final class ConclusionRecorder {

    record Recorded(Conclusion conclusion, RuleInfo rule, List<String> basedOn) {
    }

    private final Rulebase rulebase;
    private final Map<Object, RuleInfo> derivedBy = new IdentityHashMap<>();
    private final List<Recorded> conclusions = new ArrayList<>();
    private final Map<String, Integer> firingsByRule = new LinkedHashMap<>();
    private Match firing;

    ConclusionRecorder(Rulebase rulebase) {
        this.rulebase = rulebase;
    }

    final DefaultAgendaEventListener agendaListener = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            firing = event.getMatch();
            firingsByRule.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }
    };

    final DefaultRuleRuntimeEventListener insertListener = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Rule rule = event.getRule();
            if (rule == null) {
                return;
            }
            RuleInfo info = rulebase.describe(rule);
            derivedBy.put(event.getObject(), info);
            if (event.getObject() instanceof Conclusion conclusion) {
                conclusions.add(new Recorded(conclusion, info, basis()));
            }
        }
    };

    private List<String> basis() {
        Set<String> policies = new LinkedHashSet<>();
        if (firing != null) {
            for (Object matched : firing.getObjects()) {
                RuleInfo source = derivedBy.get(matched);
                if (source != null) {
                    policies.add(source.policy());
                }
            }
        }
        return List.copyOf(policies);
    }

    List<Recorded> conclusions() {
        return conclusions;
    }

    Map<String, Integer> firingsByRule() {
        return firingsByRule;
    }
}
