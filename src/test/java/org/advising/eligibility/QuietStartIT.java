package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A start of the packaged service on its built-in defaults (the shipped rules) logs no WARN and no
 * ERROR line: an operator's log starts clean, so a warning there always means something.
 */
class QuietStartIT {

    @Test
    void a_start_with_the_shipped_rules_logs_no_warning_or_error() throws Exception {
        String request = ContractExamples.read("01-mastertrack-completed-eligible.json").get("request").toString();
        try (RunningService service = new RunningService(RunningService.APP, Map.of(), request)) {
            List<String> noisy = service.log().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
            assertEquals(List.of(), noisy, service.log());
        }
    }
}
