package org.advising.eligibility.engine.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.folder.HitPolicy;
import org.advising.eligibility.model.Conclusion;
import org.advising.eligibility.model.Topic;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Listens to one session and remembers, for every fact a rule inserted or changed (with
 * {@code modify}), which rules made it so and which derived facts their matches relied on. Rules
 * stay free of bookkeeping: they only insert a {@link Conclusion}; the rule's metadata supplies
 * policy, name, file and line. A rule that changes a conclusion is then the rule that drew it.
 *
 * <p>It also keeps each topic's hit policy (PR-2): in a {@link HitPolicy#FIRST} topic, the first
 * conclusion in the topic's order (the higher salience first, then the first drawn) decides for its
 * offering (and institution); any other is taken out of the session as soon as it is inserted, so
 * no rule ever reads it, and is kept as overruled by the one that decides (PR-3).
 */
final class ConclusionRecorder {

    record Recorded(Conclusion conclusion, RuleInfo rule, List<String> basedOn) {
    }

    /** A conclusion outranked in its topic: the rule that drew it, what it said, and when it was drawn. */
    record Outranked(RuleInfo rule, String outcome, String reason, int sequence) {
    }

    /** What decides a topic for one offering (and institution) so far, and when it was drawn. */
    private record Decider(Conclusion conclusion, FactHandle handle, RuleInfo rule, int sequence) {
    }

    private record TopicOf(String offering, String institution, Topic topic) {
    }

    private final Rulebase rulebase;
    private final KieSession session;
    private final Map<TopicOf, Decider> deciders = new HashMap<>();
    private final Map<Conclusion, List<Outranked>> overruled = new IdentityHashMap<>();
    // Sized for an evaluation's facts: a few dozen derived ones, thousands for transfer options (the maps then grow).
    /** The deciding conclusions a rule's match has read so far: one of them outranked later would have leaked. */
    private final Set<Conclusion> read = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Per rule, its firings whose conclusion was overruled: they decided nothing. */
    private final Map<String, Integer> overruledFirings = new HashMap<>();
    private final List<RulebaseDefect> defects = new ArrayList<>();
    private int drawn;
    /** Per derived fact, the rules that inserted and then changed it, in that order. */
    private final Map<Object, List<RuleInfo>> derivedBy = new IdentityHashMap<>(64);
    private final Map<Conclusion, Recorded> conclusions = new IdentityHashMap<>(64);
    private final List<Conclusion> inOrder = new ArrayList<>(64);
    private final Map<String, Integer> firingsByRule = new LinkedHashMap<>();
    private final Map<String, RuleInfo> fired = new LinkedHashMap<>();
    private Match firing;
    /** The facts of the firing match, asked of the engine once per firing (it builds the list each time). */
    private List<Object> matched;

    ConclusionRecorder(Rulebase rulebase, KieSession session) {
        this.rulebase = rulebase;
        this.session = session;
    }

    /**
     * A rule is about to fire this match: counted, and the deciding conclusions it reads noted. Called by
     * the runner's one agenda listener (one listener is cheaper for the engine to notify than two).
     */
    void firing(Match match) {
        firing = match;
        matched = null;
        if (!deciders.isEmpty()) {
            for (Object fact : matched()) {
                if (fact instanceof Conclusion conclusion) {
                    read.add(conclusion);
                }
            }
        }
        Rule rule = match.getRule();
        if (firingsByRule.merge(rule.getName(), 1, Integer::sum) == 1) {
            fired.put(rule.getName(), describe(rule));
        }
    }

    final DefaultRuleRuntimeEventListener factListener = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null && event.getObject() instanceof Conclusion conclusion
                    && !decides(conclusion, event.getFactHandle(), describe(event.getRule()))) {
                return; // overruled: never a fact
            }
            derived(event.getObject(), event.getRule());
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            derived(event.getObject(), event.getRule());
        }
    };

    /**
     * Whether a conclusion just drawn stays: always, unless its topic is FIRST and another conclusion
     * of it already decides for the same offering and institution. Then the one first in the topic's
     * order decides and the other is deleted from the session and kept as overruled.
     */
    private boolean decides(Conclusion conclusion, FactHandle handle, RuleInfo rule) {
        drawn++;
        if (rulebase.hitPolicy(conclusion.topic()) != HitPolicy.FIRST) {
            return true;
        }
        TopicOf topic = new TopicOf(conclusion.offering().id(),
                conclusion.institution() == null ? null : conclusion.institution().id(), conclusion.topic());
        Decider decider = deciders.get(topic);
        if (decider == null) {
            deciders.put(topic, new Decider(conclusion, handle, rule, drawn));
            return true;
        }
        if (rule.salience() <= decider.rule().salience()) {
            session.delete(handle);
            overruledFirings.merge(rule.name(), 1, Integer::sum);
            outrank(new Outranked(rule, conclusion.outcome().name(), conclusion.reason(), drawn), decider.conclusion(), decider.rule());
            return false;
        }
        // Drawn later but first in the topic's order (it relied on a fact derived after the other fired): it decides,
        // unless a rule has read the conclusion it replaces, which would leave what that rule drew standing on it.
        if (read.contains(decider.conclusion())) {
            defects.add(new RulebaseDefect.ReadBeforeOutranked(topic.offering(), topic.topic(), topic.institution(), decider.rule(), rule));
        }
        session.delete(decider.handle());
        Recorded former = conclusions.remove(decider.conclusion());
        overruledFirings.merge(former.rule().name(), 1, Integer::sum);
        inOrder.remove(decider.conclusion());
        derivedBy.remove(decider.conclusion());
        List<Outranked> formerlyOverruled = overruled.remove(decider.conclusion());
        deciders.put(topic, new Decider(conclusion, handle, rule, drawn));
        // when it was drawn, not now: rules of one salience stay in the order they were drawn
        outrank(new Outranked(former.rule(), decider.conclusion().outcome().name(), decider.conclusion().reason(), decider.sequence()),
                conclusion, rule);
        if (formerlyOverruled != null) {
            formerlyOverruled.forEach(each -> outrank(each, conclusion, rule));
        }
        return true;
    }

    /** Each rule once (a rule whose conditions hold twice for one offering is one rule overruled), never the decider itself. */
    private void outrank(Outranked loser, Conclusion winner, RuleInfo winnerRule) {
        List<Outranked> list = overruled.computeIfAbsent(winner, w -> new ArrayList<>(2));
        if (!winnerRule.equals(loser.rule()) && list.stream().noneMatch(each -> each.rule().equals(loser.rule()))) {
            list.add(loser);
            list.sort(Comparator.comparingInt((Outranked each) -> -each.rule().salience()).thenComparingInt(Outranked::sequence));
        }
    }

    private void derived(Object fact, Rule rule) {
        if (rule == null) {
            return; // inserted by the evaluation itself: a fact of the request or a policy value
        }
        RuleInfo info = describe(rule);
        List<String> basis = basis(); // before this rule joins the fact's derivation, so a change does not cite itself
        List<RuleInfo> by = derivedBy.get(fact);
        if (by == null) {
            derivedBy.put(fact, List.of(info)); // most derived facts are drawn by one rule and never changed
        } else {
            List<RuleInfo> more = new ArrayList<>(by);
            more.add(info);
            derivedBy.put(fact, more);
        }
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

    /** Each rule as the rulebase describes it: found by the engine's rule object, the key built by no firing. */
    private RuleInfo describe(Rule rule) {
        return rulebase.describe(rule);
    }

    /** The statements of the rules that derived the facts the firing match relied on, each once, in the match's order. */
    private List<String> basis() {
        List<String> policies = null;
        if (firing != null) {
            for (Object fact : matched()) {
                for (RuleInfo source : derivedBy.getOrDefault(fact, List.of())) {
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

    private List<Object> matched() {
        if (matched == null) {
            matched = firing.getObjects();
        }
        return matched;
    }

    /** The conclusions in the order rules first drew them, each with the rule that drew or last changed it. */
    List<Recorded> conclusions() {
        List<Recorded> recorded = new ArrayList<>(inOrder.size());
        for (Conclusion conclusion : inOrder) {
            recorded.add(conclusions.get(conclusion));
        }
        return recorded;
    }

    /** The conclusions a conclusion that decides its topic outranked, in the topic's order (empty when none). */
    List<Outranked> overruled(Conclusion conclusion) {
        return overruled.getOrDefault(conclusion, List.of());
    }

    /**
     * How often each rule fired to some effect, by name: its firings minus those whose conclusion was
     * overruled (a rule only ever overruled decided nothing, so coverage and metrics do not count it).
     * Unmodifiable, and read once the evaluation is over.
     */
    Map<String, Integer> decisiveFirings() {
        if (overruledFirings.isEmpty()) {
            return Collections.unmodifiableMap(firingsByRule);
        }
        Map<String, Integer> decisive = new HashMap<>(firingsByRule.size() * 2);
        firingsByRule.forEach((rule, count) -> {
            int effective = count - overruledFirings.getOrDefault(rule, 0);
            if (effective > 0) {
                decisive.put(rule, effective);
            }
        });
        return Collections.unmodifiableMap(decisive);
    }

    /** What the rules got wrong while they fired (a conclusion read and then outranked), found as it happened. */
    List<RulebaseDefect> defects() {
        return defects;
    }

    /** How the topic's conclusions are decided in this rulebase. */
    HitPolicy hitPolicy(Topic topic) {
        return rulebase.hitPolicy(topic);
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
