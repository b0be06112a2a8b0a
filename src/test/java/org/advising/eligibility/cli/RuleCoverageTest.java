package org.advising.eligibility.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.prove.RuleCoverage;
import org.advising.eligibility.engine.prove.RulebaseCache;
import org.advising.eligibility.engine.prove.ScenarioRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule coverage on a rulebase small enough to count by hand: three DRL rules and a decision table of
 * two rows, three scenario cases. The course rule fires in cases 1, 2 and 3; the degree rule in case
 * 2; the table's course row in 1, 2 and 3 and its degree row in 2; the MasterTrack rule in none.
 * So 4 of 5 rules fired: 80.0%; case 2 alone fires all four.
 */
class RuleCoverageTest {

    private static final String DECIDE_ALL = """
                insert(new Conclusion($offering, Accreditation.NOT_ACCREDITED, "x"));
                insert(new Conclusion($offering, Credential.NONE, "x"));
                insert(new Conclusion($offering, CreditTransfer.NO, "x"));
                insert(new Conclusion($offering, Admission.NOT_APPLICABLE, "x"));
                insert(new Conclusion($offering, IndustryCertification.NOT_CONFERRED, "x"));
            """;

    private static final String RULES = """
            package eligibility;

            import org.advising.eligibility.model.*;

            rule "A course is decided"
                @policy("ACC-4")
                @description("Decides every answer for a course.")
            when
                $offering : Offering( type == OfferingType.COURSE )
            then
            %1$send

            rule "A degree is decided"
                @policy("ACC-3")
                @description("Decides every answer for a degree.")
            when
                $offering : Offering( type == OfferingType.DEGREE )
            then
            %1$send

            rule "A MasterTrack is decided"
                @policy("ACC-3")
                @description("Decides every answer for a MasterTrack; no case has one.")
            when
                $offering : Offering( type == OfferingType.MASTERTRACK )
            then
            %1$send
            """.formatted(DECIDE_ALL);

    private static final String TABLE = """
            RuleSet,eligibility
            Import,org.advising.eligibility.model.*
            ,
            RuleTable Advice by offering type
            NAME,METADATA,METADATA,CONDITION,ACTION
            ,,,,
            ,"policy(""$param"")","description(""$param"")",$offering : Offering( type == OfferingType.$param ),"insert(Conclusion.advice($offering, ""$param""));"
            Rule,Policy,Description,Offering type,Advice
            Advice for a course,ADV-1,Advice for a course.,COURSE,Keep a portfolio.
            Advice for a degree,ADV-2,Advice for a degree.,DEGREE,Name your capstone.
            """;

    private static final String CASES = """
            - name: One course
              asOf: 2026-11-20
              learner: { id: learner-1 }
              offerings:
                - { id: c1, type: COURSE, provider: { name: Example State University, kind: UNIVERSITY } }
              expect:
                c1: { credential: NONE }
            - name: A course and a degree
              asOf: 2026-11-20
              learner: { id: learner-1 }
              offerings:
                - { id: c1, type: COURSE, provider: { name: Example State University, kind: UNIVERSITY } }
                - { id: d1, type: DEGREE, provider: { name: Example State University, kind: UNIVERSITY } }
              expect:
                d1: { credential: NONE, policies: [ADV-2] }
            - name: Another course
              asOf: 2026-11-20
              learner: { id: learner-2 }
              offerings:
                - { id: c2, type: COURSE, provider: { name: Example State University, kind: UNIVERSITY } }
              expect:
                c2: { credential: NONE, policies: [ADV-1] }
            """;

    @TempDir
    Path rules;

    @BeforeEach
    void writeTheSmallRulebase() throws IOException {
        Files.writeString(rules.resolve("small.drl"), RULES);
        Files.writeString(rules.resolve("small.drl.csv"), TABLE);
        Files.copy(Path.of("rules", RulesFolder.POLICY_VALUES), rules.resolve(RulesFolder.POLICY_VALUES));
        Files.createDirectories(rules.resolve("tests"));
        Files.writeString(rules.resolve("tests/small.yaml"), CASES);
    }

    @Test
    void each_rule_counts_the_cases_in_which_it_fired() {
        RulesFolder folder = RulesFolder.read(rules);
        Rulebase rulebase = new RulebaseCompiler().compile(folder);
        ScenarioRunner.Report report = ScenarioRunner.run(rulebase, new RulebaseRunner(100), folder.scenarioFiles());
        RuleCoverage coverage = RuleCoverage.of(rulebase, report);

        assertEquals(List.of("A course is decided=3", "A degree is decided=1", "A MasterTrack is decided=0",
                        "Advice for a course=3", "Advice for a degree=1"),
                coverage.rules().stream().map(rule -> rule.rule().name() + "=" + rule.cases()).toList());
        assertEquals(3, coverage.cases());
        assertEquals(4, coverage.rulesFired());
        assertEquals(new BigDecimal("80.0"), coverage.percent());
        assertEquals(List.of("A MasterTrack is decided"), coverage.neverFired().stream().map(rule -> rule.name()).toList());
        // case 2 alone fires all four rules that fire: a restart's warm-up runs just that one
        assertEquals(List.of(new ScenarioRunner.CaseRef("tests/small.yaml", 1)), coverage.covering());
    }

    @Test
    void check_prints_the_coverage_per_file_and_the_rules_never_fired() {
        Result result = check("--coverage", rules.toString());
        assertEquals(0, result.status(), result.output());
        List<String> lines = result.output().lines().toList();
        assertEquals(List.of(
                "3 passed, 0 failed",
                // check keeps what passes in the user's rulebase cache (the build points $XDG_CACHE_HOME into target/)
                "Kept in the rulebase cache: a service started on these files skips the compile and the scenarios.",
                "",
                "Coverage: 4 of 5 rules fired in at least one of the 3 cases (80.0%)",
                "small.drl",
                "      3  ACC-4   line 5    A course is decided",
                "      1  ACC-3   line 18   A degree is decided",
                "      0  ACC-3   line 31   A MasterTrack is decided",
                "small.drl.csv",
                "      3  ADV-1   row 9     Advice for a course",
                "      1  ADV-2   row 10    Advice for a degree",
                "Never fired (1):",
                "  small.drl:31: \"A MasterTrack is decided\" (ACC-3)"), lines.subList(2, lines.size()));
    }

    @Test
    void min_coverage_passes_at_the_coverage_and_fails_above_it() {
        assertEquals(0, check("--min-coverage", "80", rules.toString()).status());
        Result above = check("--min-coverage", "80.1", rules.toString());
        assertEquals(1, above.status(), above.output());
        assertEquals("Coverage 80.0% is below the minimum of 80.1%", above.output().lines().reduce((a, b) -> b).orElseThrow());
    }

    /** The image's build runs check with a cache folder, so the service it starts takes the proven rulebase from there. */
    @Test
    void check_keeps_rules_that_pass_in_the_rulebase_cache(@TempDir Path cacheFolder) {
        RulebaseCache cache = new RulebaseCache(cacheFolder);
        RulebaseRunner runner = new RulebaseRunner(100);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = CheckCommand.run(rules, rules.resolve("tests"), runner, new CheckCommand.Options(false, null, Optional.of(cache)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, status, bytes.toString(StandardCharsets.UTF_8));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Kept in the rulebase cache"));
        assertEquals(5, cache.load(RulesFolder.read(rules), runner.limits()).orElseThrow().rulebase().rules().size());
    }

    @Test
    void arguments_it_does_not_understand_are_refused_with_the_usage() {
        for (String[] args : List.of(new String[] {"--min-coverage", "101", rules.toString()}, new String[] {"--min-coverage"},
                new String[] {"--coverge", rules.toString()}, new String[] {rules.toString(), rules.toString()})) {
            Result result = check(args);
            assertEquals(64, result.status(), String.join(" ", args));
            assertEquals("usage: check [--coverage] [--min-coverage P, 0 <= P <= 100] [rules-folder]\n", result.output());
        }
    }

    private record Result(int status, String output) {
    }

    private static Result check(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = CheckCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(status, bytes.toString(StandardCharsets.UTF_8));
    }
}
