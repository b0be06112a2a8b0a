package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, as a newcomer runs it twice: with no setting at all the service keeps
 * the proven rulebase in the user's cache folder and the restart takes it from there, both starts
 * with the class-data archive the build recorded; a cache folder
 * that cannot be written costs the cache, said once, never the start.
 */
class DefaultRulebaseCacheIT {

    private static final String EXAMPLE = "01-mastertrack-completed-eligible.json";

    @Test
    void a_restart_takes_the_rulebase_the_first_start_kept_in_the_users_cache_folder(@TempDir Path home) throws Exception {
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", home.toString(), "ELIGIBILITY_RULES_WATCH_INTERVAL", "0");
        // -Xshare:on: a JVM that cannot map the archive the build recorded refuses to start, where the README's
        // command would start without it; the class log says where each class came from.
        Path classes = home.resolve("classes.log");
        List<String> strict = List.of("-Xshare:on", "-Xlog:class+load=info:file=" + classes);
        long first;
        try (RunningService service = RunningService.readmeCommand(strict, environment, ContractExamples.requestBody(EXAMPLE))) {
            assertTrue(Pattern.compile("scenarios \\d+ passed, 0 failed").matcher(service.log()).find(), service.log());
            first = service.millisToFirstAnswer;
        }
        try (Stream<Path> kept = Files.list(home.resolve("eligibility-service"))) {
            assertEquals(1, kept.filter(file -> file.toString().endsWith(".rulebase")).count(), "one proven rulebase kept");
        }
        try (RunningService restart = RunningService.readmeCommand(strict, environment, ContractExamples.requestBody(EXAMPLE))) {
            // Taken by the head start, on its own thread while Quarkus booted, and warmed up with the scenarios.
            assertTrue(restart.log().contains("taken from the rulebase cache and warmed up while the service started"), restart.log());
            System.out.printf("DefaultRulebaseCacheIT: first answer %d ms on the first start, %d ms on the restart (%.0f%%)%n",
                    first, restart.millisToFirstAnswer, 100.0 * restart.millisToFirstAnswer / first);
        }
        // The archive holds Quarkus' classes and the rule engine's, the ones a restart loads to read a cached rulebase included.
        String log = Files.readString(classes);
        for (String type : List.of("io.quarkus.runtime.Application", "org.drools.core.impl.KnowledgeBaseImpl",
                "org.drools.base.common.DroolsObjectInputStream", "org.advising.eligibility.engine.activate.HeadStart")) {
            assertTrue(Pattern.compile(Pattern.quote(type) + " source: shared objects file \\(top\\)").matcher(log).find(),
                    type + " is not read from the class-data archive");
        }
    }

    @Test
    void a_cache_folder_that_cannot_be_written_turns_the_cache_off_in_one_info_line(@TempDir Path work) throws Exception {
        Path notAFolder = Files.writeString(work.resolve("cache-home"), "a file where the cache folder's parent should be");
        try (RunningService service = new RunningService(RunningService.APP, Map.of("XDG_CACHE_HOME", notAFolder.toString(),
                "ELIGIBILITY_RULES_WATCH_INTERVAL", "0"), ContractExamples.requestBody(EXAMPLE))) {
            String log = service.log();
            assertEquals(1, Pattern.compile("INFO .*Rulebase cache off: " + Pattern.quote(notAFolder.resolve("eligibility-service").toString())
                    + " cannot be written").matcher(log).results().count(), log);
            assertTrue(Pattern.compile("scenarios \\d+ passed, 0 failed").matcher(log).find(), log);
            assertTrue(!log.contains("WARN") && !log.contains("ERROR"), log);
        }
    }
}
