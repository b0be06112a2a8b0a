package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar quarkus-run.jar impact}: whose answers a rule change would change, before it ships. */
class ImpactCommandIT {

    @TempDir
    Path work;

    private static String mastertrack(String id, double gpa) {
        return "{\"asOf\": \"2026-11-20\", \"learner\": {\"id\": \"" + id + "\", \"records\": [{\"offeringId\": \"mt\", \"status\": \"COMPLETED\","
                + " \"gpa\": " + gpa + "}]}, \"offerings\": [{\"id\": \"mt\", \"type\": \"MASTERTRACK\", \"provider\": {\"name\": \"Example "
                + "State University\", \"kind\": \"UNIVERSITY\", \"accreditor\": \"HLC\"}}]}";
    }

    /** Five requests: completions at 2.1, 2.0 and 2.5 of a MasterTrack, at 2.2 of a course that counts toward a degree, and a malformed line. */
    private Path requests() throws Exception {
        String course = "{\"asOf\": \"2026-11-20\", \"learner\": {\"id\": \"l4\", \"records\": [{\"offeringId\": \"c\", \"status\": \"COMPLETED\","
                + " \"gpa\": 2.2}]}, \"offerings\": [{\"id\": \"c\", \"type\": \"COURSE\", \"creditEligible\": true, \"provider\": {\"name\": "
                + "\"Example State University\", \"kind\": \"UNIVERSITY\", \"accreditor\": \"HLC\"}}]}";
        return Files.write(work.resolve("requests.jsonl"),
                List.of(mastertrack("l1", 2.1), mastertrack("l2", 2.0), mastertrack("l3", 2.5), course, "{\"learner\":"));
    }

    @Test
    void the_same_rules_twice_change_nothing() throws Exception {
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), "impact", "--baseline", "rules", "--proposed", "rules",
                "--input", requests().toString(), "--report", work.resolve("report.md").toString(), "--fail-on-change");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("5 requests (4 offerings) answered by both rulebases; 0 requests would get a different answer."),
                run.output());
        assertTrue(Files.readString(work.resolve("report.md")).contains("**No answer would change.**"));
    }

    @Test
    void raising_the_passing_grade_to_2_3_changes_exactly_the_completions_between_the_two_grades() throws Exception {
        Path proposed = RulesCopy.into(work.resolve("proposed"));
        Path values = proposed.resolve("policy-values.yaml");
        Files.writeString(values, Files.readString(values).replace("passingGrade: 2.0", "passingGrade: 2.3"));
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), "impact", "--baseline", "rules", "--proposed", proposed.toString(),
                "--input", requests().toString(), "--report", work.resolve("report.md").toString(),
                "--json", work.resolve("impact.json").toString(), "--fail-on-change");
        assertEquals(1, run.exitCode(), "--fail-on-change: " + run.output());
        assertTrue(run.output().contains("5 requests (4 offerings) answered by both rulebases; 3 requests would get a different answer.\n"
                + "transfersCredit YES → NO, CR-1 → CR-5: 2\n"
                + "transfersCredit YES → NO, CR-2 → CR-5: 1\n"), run.output());
        String report = Files.readString(work.resolve("report.md"));
        assertTrue(report.contains("| transfersCredit | YES → NO | CR-1 → CR-5 | 2 | 1, 2 |"), report);
        assertTrue(report.contains("| transfersCredit | YES → NO | CR-2 → CR-5 | 1 | 4 |"), report);
        assertTrue(report.contains("![Changed answers by kind](report.svg)"), report);
        assertTrue(Files.readString(work.resolve("report.svg")).startsWith("<svg "));
        assertTrue(Files.readString(work.resolve("impact.json")).contains("\"changedRequests\" : 3"));
    }

    @Test
    void a_proposed_folder_that_does_not_load_exits_with_2() throws Exception {
        Path proposed = RulesCopy.into(work.resolve("proposed"));
        Files.writeString(proposed.resolve("broken.drl"), "package eligibility;\nrule \"Broken\" when then insert(; end\n");
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), "impact", "--baseline", "rules", "--proposed", proposed.toString(),
                "--input", requests().toString());
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("proposed: broken.drl:2: Syntax error"), run.output());
    }
}
