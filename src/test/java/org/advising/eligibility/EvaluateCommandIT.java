package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar quarkus-run.jar evaluate}: the batch endpoint's answers from a file, whole or in partitions. */
class EvaluateCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /** 30 lines: every contract example in turn, one malformed line and one blank line among them. */
    private Path requests() throws Exception {
        List<String> lines = new ArrayList<>();
        List<JsonNode> examples = ContractExamples.all();
        for (int i = 0; i < 28; i++) {
            lines.add(examples.get(i % examples.size()).get("request").toString());
        }
        lines.add(7, "{\"learner\": ");
        lines.add(12, "");
        return Files.write(work.resolve("requests.jsonl"), lines);
    }

    /** The answer lines, with the time each run loaded its rules (the one thing two runs may differ in) left out. */
    private static List<JsonNode> answers(Path file) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode answer = JSON.readTree(line);
            if (answer.has("result")) {
                ((ObjectNode) answer.get("result").get("rulebase")).remove("loadedAt");
            }
            answers.add(answer);
        }
        return answers;
    }

    @Test
    void three_partitions_merged_by_line_answer_exactly_what_one_run_answers() throws Exception {
        Path requests = requests();
        PackagedApp.Run whole = PackagedApp.run(work, Map.of(), "evaluate", "--input", requests.toString(),
                "--output", work.resolve("all.jsonl").toString(), "--rules", "rules");
        assertEquals(0, whole.exitCode(), whole.output());
        List<JsonNode> all = answers(work.resolve("all.jsonl"));
        assertEquals(29, all.size(), "every line but the blank one");
        assertEquals(List.of(400), all.stream().filter(answer -> answer.get("status").asInt() != 200)
                .map(answer -> answer.get("status").asInt()).toList());
        assertTrue(whole.output().contains("29 requests ("), whole.output());
        assertTrue(whole.output().contains("\nerrors: 1 × 400\n"), whole.output());

        List<JsonNode> merged = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path part = work.resolve("part-" + i + ".jsonl");
            PackagedApp.Run run = PackagedApp.run(work, Map.of(), "evaluate", "--input", requests.toString(),
                    "--output", part.toString(), "--partition", i + "/3");
            assertEquals(0, run.exitCode(), run.output());
            List<JsonNode> answers = answers(part);
            for (JsonNode answer : answers) {
                assertEquals(i, (answer.get("line").asLong() - 1) % 3, "partition " + i + " answers its own lines only");
            }
            merged.addAll(answers);
        }
        merged.sort(Comparator.comparingLong(answer -> answer.get("line").asLong()));
        assertEquals(all, merged);
    }

    @Test
    void a_batch_larger_than_the_heap_passes_through_a_64_mib_heap() throws Exception {
        List<String> requests = new ArrayList<>();
        List<JsonNode> examples = ContractExamples.all();
        for (int i = 0; i < 30_000; i++) {
            requests.add(examples.get(i % examples.size()).get("request").toString());
        }
        Path input = Files.write(work.resolve("many.jsonl"), requests);
        Path output = work.resolve("many-answers.jsonl");
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), "evaluate",
                "--input", input.toString(), "--output", output.toString(), "--rules", "rules");
        assertEquals(0, run.exitCode(), run.output());
        long bytes = Files.size(input) + Files.size(output);
        assertTrue(bytes > 96L * 1024 * 1024, "more passed through than the heap could hold: " + bytes + " bytes");
        try (var lines = Files.lines(output)) {
            assertEquals(30_000, lines.count());
        }
    }

    @Test
    void a_misused_command_says_how_to_use_it() throws Exception {
        PackagedApp.Run run = PackagedApp.run(work, Map.of(), "evaluate", "--partition", "3/3", "--input", "x.jsonl");
        assertEquals(64, run.exitCode(), run.output());
        assertTrue(run.output().contains("usage: evaluate --input requests.jsonl [--rules DIR] [--output answers.jsonl] "
                + "[--partition i/n, 0 <= i < n]"), run.output());
    }
}
