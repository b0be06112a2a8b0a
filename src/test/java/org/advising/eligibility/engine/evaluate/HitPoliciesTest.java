package org.advising.eligibility.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.OfferingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * PR-3: an answer another rule has read cannot be overruled afterwards without what that rule drew standing on it;
     * the engine refuses to let it stand and names both rules, so the author orders the rule that derives the fact earlier.
     */
    @Test
    void a_decider_read_before_a_rule_first_in_the_order_concludes_is_a_defect_naming_both(@TempDir Path folder) throws IOException {
        Files.copy(Path.of("src/test/resources/rulebases/late-decider/policy-values.yaml"), folder.resolve("policy-values.yaml"));
        Files.writeString(folder.resolve("advice.drl"), """
                package eligibility;

                import org.advising.eligibility.model.*;

                rule "R reads the credential F decided"
                    @policy("ADV-1") @description("Advice drawn from the credential answer, inside the credential topic.")
                    ruleflow-group "credential"
                when
                    $offering : Offering()
                    Conclusion( offering == $offering, outcome == Credential.NONE )
                then
                    insert(Conclusion.advice($offering, "R"));
                end
                """);
        Files.writeString(folder.resolve("credential.drl"), Files.readString(Path.of("src/test/resources/rulebases/late-decider/credential.drl"))
                .replace("rule \"D derives a fact\"\n    @policy(\"CRED-3\")\n    @description(\"A rule of a test of the topic order.\")\n"
                        + "    ruleflow-group \"credential\"\n", "rule \"D derives a fact\"\n    @policy(\"CRED-3\")\n"
                        + "    @description(\"A rule of a test of the topic order.\")\n    ruleflow-group \"credential\"\n    salience -1\n"));
        var rulebase = new RulebaseCompiler().compile(RulesFolder.read(folder));
        Offering course = Facts.offering(OfferingType.COURSE, Facts.HLC_UNIVERSITY).id("c1").build();
        RulebaseDefectException defect = assertThrows(RulebaseDefectException.class, () -> new RulebaseRunner(100)
                .evaluate(rulebase, Facts.learner(), List.of(course), LocalDate.of(2026, 11, 20)));
        assertEquals("offering 'c1': \"H comes first but is drawn last\" (credential.drl:" + line(folder, "H comes first but is drawn last")
                + ") comes first in CREDENTIAL but concluded after \"F ties and is drawn first\" (credential.drl:"
                + line(folder, "F ties and is drawn first") + "), whose answer another rule had already read; give the rules that derive "
                + "what \"H comes first but is drawn last\" needs a salience above 0", defect.defects().get(0));
    }

    private static int line(Path folder, String rule) throws IOException {
        return Files.readAllLines(folder.resolve("credential.drl")).indexOf("rule \"" + rule + "\"") + 1;
    }
}
