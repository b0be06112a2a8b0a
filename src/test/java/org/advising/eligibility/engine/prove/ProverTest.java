package org.advising.eligibility.engine.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.advising.eligibility.RulesCopy;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one path to a proven rulebase: compiled and proven once, then taken from the cache; a failing verdict is never kept. */
class ProverTest {

    @TempDir
    Path work;

    @Test
    void a_passing_proof_is_kept_and_then_taken_from_the_cache() throws IOException {
        RulesFolder folder = RulesFolder.read(RulesCopy.into(work.resolve("rules")));
        Prover prover = new Prover(new RulebaseRunner(100), Optional.of(new RulebaseCache(work.resolve("cache"), "build-1")));

        Prover.Verdict first = prover.prove(folder);
        assertFalse(first.fromCache());
        assertTrue(first.passed());
        assertTrue(first.keptInCache());
        assertEquals(0, first.report().orElseThrow().failures().size());

        Prover.Verdict second = prover.prove(folder);
        assertTrue(second.fromCache());
        assertEquals(Optional.empty(), second.report());
        assertEquals(first.rulebase().version(), second.rulebase().version());
        assertEquals(first.coverage(), second.coverage());

        // check compiles and runs the scenarios whatever the cache holds
        assertFalse(prover.compileAndProve(folder).fromCache());
    }

    @Test
    void a_proof_whose_scenarios_fail_is_reported_and_not_kept() throws IOException {
        Path rules = RulesCopy.into(work.resolve("rules"));
        Path values = rules.resolve("policy-values.yaml"); // a higher passing grade: the scenario at exactly 2.0 fails
        Files.writeString(values, Files.readString(values).replace("passingGrade: 2.0", "passingGrade: 2.5"));
        RulesFolder folder = RulesFolder.read(rules);
        Prover prover = new Prover(new RulebaseRunner(100), Optional.of(new RulebaseCache(work.resolve("cache"), "build-1")));

        Prover.Verdict verdict = prover.prove(folder);
        assertFalse(verdict.passed());
        assertFalse(verdict.keptInCache());
        assertFalse(prover.prove(folder).fromCache(), "nothing was kept, so nothing is taken");
        assertEquals(Optional.empty(), prover.lastGood());
    }
}
