package org.advising.eligibility.engine.evaluate;

import java.util.List;
import java.util.stream.Collectors;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.folder.HitPolicy;
import org.advising.eligibility.model.Topic;

/**
 * Something the rules, not the request, got wrong, located for the policy author who must fix it:
 * which offering, which topic and which rules (each with its file and line).
 */
public sealed interface RulebaseDefect {

    /** The defect in one sentence, as the problem's {@code defects} and the log give it. */
    String message();

    /**
     * A topic of an offering (for TRANSFER, at one institution) that no rule concluded, or that
     * several did; {@code rules} are those that concluded it, in the topic's order (empty when none did).
     * Several can hold only in a topic whose hit policy is UNIQUE ({@code hitPolicy}), where that is
     * the defect (PR-1), or in a rulebase that states no topics.
     */
    record Undecided(String offering, Topic topic, String institution, List<RuleInfo> rules, HitPolicy hitPolicy)
            implements RulebaseDefect {

        public Undecided {
            rules = List.copyOf(rules);
        }

        public Undecided(String offering, Topic topic, String institution, List<RuleInfo> rules) {
            this(offering, topic, institution, rules, HitPolicy.COLLECT);
        }

        @Override
        public String message() {
            String what = institution == null ? topic.name() : topic.name() + " for institution '" + institution + "'";
            if (rules.isEmpty()) {
                return "offering '" + offering + "': no rule concluded " + what;
            }
            return "offering '" + offering + "': " + rules.size() + " conclusions of " + what + " from "
                    + rules.stream().map(rule -> "\"" + rule.name() + "\" (" + rule.file() + ":" + rule.line() + ")")
                            .collect(Collectors.joining(", "))
                    + (hitPolicy == HitPolicy.UNIQUE ? "; its topic is UNIQUE: at most one of its rules may hold for an offering"
                            + (institution == null ? "" : " and institution") : "");
        }
    }

    /**
     * In a FIRST topic, a rule first in the order ({@code first}) concluded only after a lower rule
     * ({@code decided}) had, and another rule had already read the lower one's answer: what it drew
     * would stand on an overruled answer (PR-3). The rule the first one needs must be decided earlier.
     */
    record ReadBeforeOutranked(String offering, Topic topic, String institution, RuleInfo decided, RuleInfo first)
            implements RulebaseDefect {

        @Override
        public String message() {
            String what = institution == null ? topic.name() : topic.name() + " for institution '" + institution + "'";
            return "offering '" + offering + "': \"" + first.name() + "\" (" + first.file() + ":" + first.line() + ") comes first in "
                    + what + " but concluded after \"" + decided.name() + "\" (" + decided.file() + ":" + decided.line()
                    + "), whose answer another rule had already read; give the rules that derive what \"" + first.name()
                    + "\" needs a salience above " + decided.salience();
        }
    }

    /** The rules fired more than {@code limit} times for the request; the rules that fired most, busiest first. */
    record Runaway(int limit, List<Firings> busiest) implements RulebaseDefect {

        public Runaway {
            busiest = List.copyOf(busiest);
        }

        @Override
        public String message() {
            return "the rules fired more than " + limit + " times and were stopped; most fired: "
                    + busiest.stream().map(firings -> "\"" + firings.rule().name() + "\" " + firings.count()
                            + (firings.count() == 1 ? " time" : " times"))
                            .collect(Collectors.joining(", "));
        }
    }

    /** How often one rule fired. */
    record Firings(RuleInfo rule, int count) {
    }
}
