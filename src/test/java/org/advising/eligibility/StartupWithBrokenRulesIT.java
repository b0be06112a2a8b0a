package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged service as an operator would, on a rules folder with a broken file, and
 * proves it refuses to start and says which file, line and problem.
 */
class StartupWithBrokenRulesIT {

    @Test
    void a_broken_rule_file_stops_startup_naming_file_line_and_problem(@TempDir Path rules) throws Exception {
        Files.copy(Path.of("rules/policy-values.yaml"), rules.resolve("policy-values.yaml"));
        Files.writeString(rules.resolve("credit.drl"), """
                package eligibility;

                import org.advising.eligibility.model.*;

                rule "Misspelt field"
                    @policy("CR-2")
                    @description("A typo a policy author could make.")
                when
                    $offering : Offering( creditEligable == true )
                then
                    insert(new Conclusion($offering, CreditTransfer.YES, "x"));
                end
                """);
        Path log = rules.resolve("startup.log");
        ProcessBuilder service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        service.environment().put("ELIGIBILITY_RULES_FOLDER", rules.toString());
        service.environment().put("QUARKUS_HTTP_PORT", "0");
        Process process = service.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service should stop by itself");
            String output = read(log);
            assertNotEquals(0, process.exitValue(), output);
            assertTrue(output.contains("The rules cannot be loaded (1 error):"), output);
            assertTrue(output.contains("credit.drl:9: Offering has no field 'creditEligable'"), output);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log);
    }
}
