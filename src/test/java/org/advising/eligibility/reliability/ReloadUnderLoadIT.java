package org.advising.eligibility.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.advising.eligibility.ContractExamples;
import org.advising.eligibility.RulesCopy;
import org.advising.eligibility.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 clients evaluate the contract examples against the packaged service while the rules folder
 * is swapped among two good versions, one that does not compile and one whose scenarios fail, with
 * an admin reload after each swap: no request fails, every answer comes from a good version and
 * equals that version's answer, the broken versions are refused and never served.
 *
 * <p>In {@code ./mvnw verify}: at least 10 swaps and 10 s. The full run of docs/reliability.md:
 * {@code -Dreload.seconds=40 -Dreload.swaps=20}.
 */
@RunsAlone
class ReloadUnderLoadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "reload-under-load-token-0123456789abcdef";
    private static final int CLIENTS = 64;
    private static final int SWAPS = Integer.getInteger("reload.swaps", 10);
    private static final Duration LENGTH = Duration.ofSeconds(Integer.getInteger("reload.seconds", 10));

    @TempDir
    Path work;

    @Test
    void answers_never_fail_and_always_come_from_a_good_version_while_the_rules_are_swapped() throws Exception {
        Path good = copyOfRules("good");
        Path reworded = copyOfRules("reworded");
        replace(reworded.resolve("industry-certification.drl"), "does not confer an industry certification",
                "confers no industry certification");
        Path uncompilable = copyOfRules("uncompilable");
        Files.writeString(uncompilable.resolve("half-written.drl"), """
                package eligibility;
                rule "A rule left half written"
                    @policy("CR-9")
                    @description("Saved before it was finished.")
                when
                    Offering( type ==
                then
                end
                """);
        Path failingScenarios = copyOfRules("failing-scenarios");
        replace(failingScenarios.resolve("credit.drl"), "CreditTransfer.YES", "CreditTransfer.NO");
        Path live = work.resolve("live");
        point(live, good);

        List<String> requests = new ArrayList<>();
        for (JsonNode example : ContractExamples.all()) {
            requests.add(JSON.writeValueAsString(example.get("request")));
        }
        try (RunningService service = new RunningService(RunningService.APP, Map.of("ELIGIBILITY_RULES_FOLDER", live.toString(),
                "ELIGIBILITY_RULES_WATCH_INTERVAL", "0", "ELIGIBILITY_ADMIN_TOKEN", TOKEN), requests.get(0))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

            // Each good version's answers, taken before the load starts.
            Map<String, List<JsonNode>> expected = new HashMap<>();
            for (Path version : List.of(reworded, good)) { // good last: it is active when the load starts
                point(live, version);
                JsonNode status = reload(client, service);
                expected.put(status.at("/active/version").asText(), answers(client, service, requests));
            }
            assertEquals(2, expected.size(), "the two good versions differ");

            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicLong answered = new AtomicLong();
            Map<String, AtomicLong> byVersion = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                running.add(clients.submit(() -> {
                    for (int n = first; loading.get(); n++) {
                        int example = n % requests.size();
                        try {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/evaluations")))
                                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(requests.get(example))).build(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                failures.add(response.statusCode() + " " + response.body());
                                continue;
                            }
                            JsonNode answer = JSON.readTree(response.body());
                            String version = answer.at("/rulebase/version").asText();
                            List<JsonNode> want = expected.get(version);
                            if (want == null) {
                                failures.add("answered by a version that is not a good one: " + version);
                            } else if (!want.get(example).equals(answer.get("results"))) {
                                failures.add("example " + example + " answered by " + version + " differently from that version's answer");
                            }
                            answered.incrementAndGet();
                            byVersion.computeIfAbsent(version, v -> new AtomicLong()).incrementAndGet();
                        } catch (IOException | InterruptedException e) {
                            failures.add(e.toString());
                        }
                    }
                    return null;
                }));
            }

            List<Path> cycle = List.of(uncompilable, reworded, failingScenarios, good);
            Map<String, Integer> outcomes = new java.util.TreeMap<>();
            List<Long> provingMillis = new ArrayList<>(); // reloads that compiled and ran the scenarios (all but the uncompilable)
            long started = System.nanoTime();
            int swaps = 0;
            while (swaps < SWAPS || System.nanoTime() - started < LENGTH.toNanos()) {
                Path version = cycle.get(swaps % cycle.size());
                point(live, version);
                swaps++;
                long reloadStarted = System.nanoTime();
                String outcome = reload(client, service).at("/lastReload/outcome").asText();
                if (!version.equals(uncompilable)) {
                    provingMillis.add((System.nanoTime() - reloadStarted) / 1_000_000);
                }
                outcomes.merge(work.relativize(version) + " " + outcome, 1, Integer::sum);
                boolean broken = version.equals(uncompilable) || version.equals(failingScenarios);
                assertEquals(broken ? "REFUSED" : "ACTIVATED", outcome, "reloading " + version.getFileName());
            }
            loading.set(false);
            for (Future<?> client1 : running) {
                client1.get();
            }
            clients.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Long> sorted = provingMillis.stream().sorted().toList();
            System.out.printf("ReloadUnderLoadIT: %d clients, %.1f s, %d swaps %s, %d answers (%s), %d failures; a reload that "
                    + "compiles and runs the scenarios took median %,d ms (%,d–%,d ms, %d reloads)%n", CLIENTS, seconds, swaps, outcomes,
                    answered.get(), byVersion, failures.size(), sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1),
                    sorted.size());
            assertEquals(List.of(), failures.stream().distinct().limit(10).toList(), "failed or wrong answers");
            assertTrue(answered.get() > 0);
            assertEquals(2, byVersion.size(), "both good versions answered during the run: " + byVersion);
        }
    }

    private Path copyOfRules(String name) throws IOException {
        return RulesCopy.into(work.resolve(name));
    }

    private static void replace(Path file, String text, String replacement) throws IOException {
        String content = Files.readString(file);
        assertTrue(content.contains(text), file + " contains " + text);
        Files.writeString(file, content.replace(text, replacement));
    }

    /** Points the live folder (a symbolic link) at a version in one atomic rename, as a deployment would. */
    private void point(Path live, Path version) throws IOException {
        Path next = work.resolve("live.next");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, version);
        Files.move(next, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static JsonNode reload(HttpClient client, RunningService service) throws Exception {
        HttpResponse<String> response = service.reload(client, TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static List<JsonNode> answers(HttpClient client, RunningService service, List<String> requests) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        for (String request : requests) {
            HttpResponse<String> response = service.post(client, "/api/v1/evaluations", request);
            assertEquals(200, response.statusCode(), response.body());
            answers.add(JSON.readTree(response.body()).get("results"));
        }
        return answers;
    }
}
