package org.advising.eligibility.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.OfferingType;
import org.junit.jupiter.api.Test;

/**
 * The engine keeps a FIRST topic's order whatever order its rules fire in (PR-1, PR-3): a rule first in the
 * order that can only hold once a later rule has derived its fact still decides, and the rules it outranks
 * are listed in the topic's order, those of one salience in the order they were drawn.
 */
class HitPoliciesTest {

    @Test
    void a_rule_first_in_the_order_decides_even_when_it_is_drawn_last() {
        var rulebase = new RulebaseCompiler().compile(RulesFolder.read(Path.of("src/test/resources/rulebases/late-decider")));
        Offering course = Facts.offering(OfferingType.COURSE, Facts.HLC_UNIVERSITY).id("c1").build();
        List<DrawnConclusions.Drawn> drawn = DrawnConclusions.evaluate(rulebase, Facts.learner(), List.of(course),
                LocalDate.of(2026, 11, 20), List.of());
        assertEquals(1, drawn.size(), drawn.toString());
        TracedConclusion decided = drawn.get(0).conclusion();
        assertEquals("H comes first but is drawn last DEGREE_AND_TRANSCRIPT H", decided.rule() + " " + decided.outcome() + " " + decided.reason());
        assertEquals(List.of("F ties and is drawn first NONE F", "X ties and is drawn second PLATFORM_CERTIFICATE X"),
                decided.overruled().stream().map(o -> o.rule() + " " + o.outcome() + " " + o.reason()).toList());
    }
}
