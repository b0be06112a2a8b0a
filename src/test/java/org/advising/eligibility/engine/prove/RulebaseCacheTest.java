package org.advising.eligibility.engine.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.advising.eligibility.RulesCopy;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.activate.ReloadAttempt;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.LearnerRecord;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.OfferingType;
import org.advising.eligibility.model.Provider;
import org.advising.eligibility.model.ProviderKind;
import org.advising.eligibility.model.RecordStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rulebase cache: a proven rulebase is found again for the same rules, scenarios, build and
 * limits, and decides as the compiled one does; anything else misses, and an entry that is damaged
 * or belongs to other rules is deleted and missed, so the rules are compiled and proven again.
 */
class RulebaseCacheTest {

    private static final String LIMITS = new RulebaseRunner(100).limits();

    @TempDir
    Path work;

    private Path rules;
    private Path cacheFolder;

    @BeforeEach
    void copyTheRules() throws IOException {
        rules = RulesCopy.into(work.resolve("rules"));
        cacheFolder = work.resolve("cache");
    }

    private Proven compileAndProve(RulesFolder folder) {
        Rulebase rulebase = new RulebaseCompiler().compile(folder);
        ScenarioRunner.Report report = ScenarioRunner.run(rulebase, new RulebaseRunner(100), folder.scenarioFiles());
        assertEquals(List.of(), report.failures());
        return new Proven(rulebase, RuleCoverage.of(rulebase, report));
    }

    @Test
    void a_miss_then_a_hit_that_decides_as_the_compiled_rulebase() {
        RulebaseCache cache = new RulebaseCache(cacheFolder, "build-1");
        RulesFolder folder = RulesFolder.read(rules);
        assertEquals(Optional.empty(), cache.load(folder, LIMITS));

        Proven compiled = compileAndProve(folder);
        cache.store(folder, LIMITS, compiled);
        Proven cached = cache.load(folder, LIMITS).orElseThrow();

        assertEquals(compiled.rulebase().version(), cached.rulebase().version());
        assertEquals(List.copyOf(compiled.rulebase().rules().entrySet()), List.copyOf(cached.rulebase().rules().entrySet()));
        assertEquals(compiled.coverage(), cached.coverage());
        assertEquals(List.of(), ScenarioRunner.run(cached.rulebase(), new RulebaseRunner(100), folder.scenarioFiles()).failures());
        assertEquals(decide(compiled.rulebase()), decide(cached.rulebase()));
    }

    /** Each store is another entry (other limits); the one no start took for longest goes first. */
    @Test
    void the_folder_keeps_the_entries_kept_or_taken_last() throws IOException {
        RulebaseCache cache = new RulebaseCache(cacheFolder, "build-1");
        RulesFolder folder = RulesFolder.read(rules);
        Proven proven = compileAndProve(folder);
        for (int i = 0; i < RulebaseCache.ENTRIES_KEPT; i++) {
            Set<Path> before = Set.copyOf(entryFiles());
            cache.store(folder, "limits " + i, proven);
            Path kept = entryFiles().stream().filter(entry -> !before.contains(entry)).findFirst().orElseThrow();
            // each entry an hour younger than the one before, whatever the file system's clock resolution
            Files.setLastModifiedTime(kept, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(i))));
        }
        assertTrue(cache.load(folder, "limits 0").isPresent(), "taking the oldest entry makes it the newest");

        cache.store(folder, "limits " + RulebaseCache.ENTRIES_KEPT, proven);

        assertEquals(RulebaseCache.ENTRIES_KEPT, entryFiles().size());
        assertTrue(cache.load(folder, "limits 0").isPresent());
        assertEquals(Optional.empty(), cache.load(folder, "limits 1"));
        assertTrue(cache.load(folder, "limits 2").isPresent());
        assertTrue(cache.load(folder, "limits " + RulebaseCache.ENTRIES_KEPT).isPresent());
    }

    private List<Path> entryFiles() throws IOException {
        if (!Files.isDirectory(cacheFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheFolder)) {
            return files.filter(file -> file.toString().endsWith(".rulebase")).sorted().toList();
        }
    }

    @Test
    void changed_rules_changed_scenarios_another_build_or_other_limits_miss() throws IOException {
        RulesFolder folder = RulesFolder.read(rules);
        new RulebaseCache(cacheFolder, "build-1").store(folder, LIMITS, compileAndProve(folder));

        assertEquals(Optional.empty(), new RulebaseCache(cacheFolder, "build-2").load(folder, LIMITS), "another build");
        assertEquals(Optional.empty(), new RulebaseCache(cacheFolder, "build-1").load(folder, new RulebaseRunner(50).limits()), "other limits");
        edit(rules.resolve("credit.drl"), "so it earns no credit.", "so it earns no credit at all.");
        assertEquals(Optional.empty(), new RulebaseCache(cacheFolder, "build-1").load(RulesFolder.read(rules), LIMITS), "changed rules");
        edit(rules.resolve("credit.drl"), "so it earns no credit at all.", "so it earns no credit.");
        edit(rules.resolve("tests/credit.yaml"), "- name: ", "- name: Renamed: ");
        assertEquals(Optional.empty(), new RulebaseCache(cacheFolder, "build-1").load(RulesFolder.read(rules), LIMITS), "changed scenarios");
        assertEquals(1, entries().size(), "the entry of the first folder is still there");
    }

    /** Compiles and proves the folder and keeps it in the cache; returns the entry's file. */
    private Path stored(RulebaseCache cache, RulesFolder folder) {
        cache.store(folder, LIMITS, compileAndProve(folder));
        Path entry = cache.entry(folder, LIMITS);
        assertTrue(Files.isRegularFile(entry));
        return entry;
    }

    @Test
    void a_damaged_entry_is_deleted_and_missed() throws IOException {
        RulebaseCache cache = new RulebaseCache(cacheFolder, "build-1");
        RulesFolder folder = RulesFolder.read(rules);
        Path entry = stored(cache, folder);
        byte[] bytes = Files.readAllBytes(entry);

        bytes[bytes.length / 2] ^= 0x5A; // one flipped byte in the compiled packages
        Files.write(entry, bytes);
        assertEquals(Optional.empty(), cache.load(folder, LIMITS));
        assertFalse(Files.exists(entry), "a damaged entry is deleted");

        stored(cache, folder);
        Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 1000)); // cut short, as by a full disk
        assertEquals(Optional.empty(), cache.load(folder, LIMITS));
        assertFalse(Files.exists(entry));
    }

    /** An intact entry of other rules, under this folder's name, is not taken for this folder's proof. */
    @Test
    void the_entry_of_other_rules_is_not_used_and_the_service_proves_the_rules_itself() throws IOException {
        RulebaseCache cache = new RulebaseCache(cacheFolder, "build-1");
        Path goodEntry = stored(cache, RulesFolder.read(rules));

        edit(rules.resolve("policy-values.yaml"), "passingGrade: 2.0", "passingGrade: 2.5"); // fails a scenario
        RulesFolder failing = RulesFolder.read(rules);
        Files.copy(goodEntry, cache.entry(failing, LIMITS));

        ActiveRulebase service = new ActiveRulebase(rules, rules.resolve("tests"), Optional.of(cache), new RulebaseRunner(100), attempt -> { });
        ReloadAttempt attempt = service.reload("startup");
        assertEquals(ReloadAttempt.Outcome.REFUSED, attempt.outcome());
        assertEquals(1, attempt.failingScenarios().size());
        assertTrue(attempt.failingScenarios().get(0).startsWith("tests/credit.yaml:128: "), attempt.failingScenarios().get(0));
        assertEquals(Optional.empty(), service.current());
        assertFalse(Files.exists(cache.entry(failing, LIMITS)), "the misplaced entry is deleted");
    }

    @Test
    void the_service_keeps_what_it_proved_and_the_next_start_takes_it_from_the_cache() {
        RulebaseCache cache = new RulebaseCache(cacheFolder, "build-1");
        ReloadAttempt first = new ActiveRulebase(rules, rules.resolve("tests"), Optional.of(cache), new RulebaseRunner(100), attempt -> { })
                .reload("startup");
        assertEquals(ReloadAttempt.Outcome.ACTIVATED, first.outcome());
        assertFalse(first.fromCache());

        ActiveRulebase restarted = new ActiveRulebase(rules, rules.resolve("tests"), Optional.of(cache), new RulebaseRunner(100), attempt -> { });
        ReloadAttempt second = restarted.reload("startup");
        assertEquals(ReloadAttempt.Outcome.ACTIVATED, second.outcome());
        assertTrue(second.fromCache());
        assertEquals(first.version(), restarted.require().version());
        assertEquals(new java.math.BigDecimal("100.0"), restarted.proven().orElseThrow().coverage().percent());
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cacheFolder)) {
            return files.filter(file -> file.toString().endsWith(".rulebase")).toList();
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String content = Files.readString(file);
        assertTrue(content.contains(from), file + " lacks " + from);
        Files.writeString(file, content.replace(from, to));
    }

    /** A completed course and a MasterTrack, decided as of a fixed date. */
    private static List<OfferingDecision> decide(Rulebase rulebase) {
        Provider university = new Provider("Example State University", ProviderKind.UNIVERSITY, "HLC", null, null);
        List<Offering> offerings = List.of(
                new Offering("c1", "Statistics", OfferingType.COURSE, university, true, null, null, null, null, null, null),
                new Offering("mt", "Data Science", OfferingType.MASTERTRACK, university, null, null, null, null, null, null, null));
        Learner learner = new Learner("learner-1", null, List.of(new LearnerRecord("c1", RecordStatus.COMPLETED, true, 3.2, LocalDate.of(2026, 5, 1))));
        return new RulebaseRunner(100).evaluate(rulebase, learner, offerings, LocalDate.of(2026, 11, 24)).decisions();
    }

    @Test
    void with_a_cache_key_only_an_entry_signed_with_it_is_used() throws IOException {
        RulesFolder folder = RulesFolder.read(rules);
        new RulebaseCache(cacheFolder, "build-1", Optional.of("key-one")).store(folder, LIMITS, compileAndProve(folder));

        assertEquals(Optional.empty(), new RulebaseCache(cacheFolder, "build-1", Optional.of("key-two")).load(folder, LIMITS),
                "signed with another key");
        assertEquals(List.of(), entries(), "an entry that fails its signature is deleted");
        new RulebaseCache(cacheFolder, "build-1", Optional.of("key-one")).store(folder, LIMITS, compileAndProve(folder));
        assertEquals(Optional.empty(), new RulebaseCache(cacheFolder, "build-1").load(folder, LIMITS), "read without the key");
        new RulebaseCache(cacheFolder, "build-1", Optional.of("key-one")).store(folder, LIMITS, compileAndProve(folder));
        assertTrue(new RulebaseCache(cacheFolder, "build-1", Optional.of("key-one")).load(folder, LIMITS).isPresent());
    }

    @Test
    void the_last_rulebase_kept_is_the_last_good_one_whatever_the_folder_now_holds() throws IOException {
        RulebaseCache cache = new RulebaseCache(cacheFolder, "build-1");
        assertEquals(Optional.empty(), cache.lastGood(LIMITS));
        RulesFolder folder = RulesFolder.read(rules);
        Proven compiled = compileAndProve(folder);
        cache.store(folder, LIMITS, compiled);
        Files.writeString(rules.resolve("credit.drl"), "rule \"Broken\" when then insert(; end\n");

        Proven lastGood = cache.lastGood(LIMITS).orElseThrow();
        assertEquals(compiled.rulebase().version(), lastGood.rulebase().version());
        assertEquals(decide(compiled.rulebase()), decide(lastGood.rulebase()));
        assertEquals(Optional.empty(), cache.lastGood(new RulebaseRunner(50).limits()), "proven under other limits");
        assertEquals(Optional.empty(), new RulebaseCache(cacheFolder, "build-2").lastGood(LIMITS), "kept by another build");
    }
}
