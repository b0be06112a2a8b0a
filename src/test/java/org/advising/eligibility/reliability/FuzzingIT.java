package org.advising.eligibility.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.advising.eligibility.ContractExamples;
import org.advising.eligibility.RunningService;
import org.junit.jupiter.api.Test;

/**
 * Sends 3,000 generated and mutated requests to the packaged service over HTTP (see
 * {@link RequestMutator}): never a 5xx, never a hang, a 4xx always problem+json and a 400 always
 * naming the bad fields; afterwards the contract examples still get their answers. The seed is
 * printed; {@code -Dfuzz.seed=N} replays a run and {@code -Dfuzz.requests=N} changes its length.
 */
@RunsAlone
class FuzzingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3_000);
    private static final int CLIENTS = 4;
    private static final Duration HANG = Duration.ofSeconds(10);

    @Test
    void generated_and_mutated_requests_never_get_a_5xx_or_hang_and_4xx_name_the_fields() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzingIT: seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        List<JsonNode> examples = ContractExamples.all();
        try (RunningService service = new RunningService(RunningService.APP, Map.of(),
                JSON.writeValueAsString(examples.get(0).get("request")))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(HANG).build();
            List<String> before = answers(client, service, examples);
            Map<Integer, Integer> statuses = new TreeMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<List<Integer>>> sent = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(seed + c);
                sent.add(clients.submit(() -> {
                    RequestMutator mutator = new RequestMutator(random, examples.stream().map(e -> e.get("request")).toList());
                    List<Integer> seen = new ArrayList<>();
                    for (int i = 0; i < REQUESTS / CLIENTS; i++) {
                        byte[] body = mutator.next();
                        seen.add(check(client, service, body));
                    }
                    return seen;
                }));
            }
            for (Future<List<Integer>> client1 : sent) {
                client1.get().forEach(status -> statuses.merge(status, 1, Integer::sum));
            }
            clients.shutdown();
            System.out.println("FuzzingIT: " + statuses.values().stream().mapToInt(Integer::intValue).sum()
                    + " requests, by status " + statuses);
            assertEquals(REQUESTS, statuses.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(statuses.containsKey(200) && statuses.containsKey(400), "both valid and invalid requests were sent: " + statuses);

            assertEquals(before, answers(client, service, examples), "the examples' answers after fuzzing");
            assertTrue(service.alive());
        }
    }

    /** Sends one body; fails on a 5xx, a hang, or a 4xx that is not a complete problem. */
    private static int check(HttpClient client, RunningService service, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url("/api/v1/evaluations"))).timeout(HANG)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new AssertionError("no answer within " + HANG + " to: " + shown(body));
        }
        int status = response.statusCode();
        if (status >= 500) {
            fail(status + " " + response.body() + "\nfor: " + shown(body));
        }
        if (status >= 400) {
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""),
                    () -> "for: " + shown(body));
            JsonNode problem = JSON.readTree(response.body());
            assertEquals(status, problem.path("status").asInt(), () -> response.body());
            assertTrue(problem.path("title").isTextual() && problem.path("type").isTextual(), () -> response.body());
            if (status == 400) {
                JsonNode errors = problem.path("errors");
                assertTrue(errors.isArray() && !errors.isEmpty(), () -> "no errors in " + response.body() + "\nfor: " + shown(body));
                for (JsonNode error : errors) {
                    assertTrue(!error.path("field").asText().isBlank() && !error.path("message").asText().isBlank(),
                            () -> "an error names no field or message: " + response.body() + "\nfor: " + shown(body));
                }
            }
        }
        return status;
    }

    /** The service's answers to the contract examples (ContractExamplesIT checks they are right). */
    private static List<String> answers(HttpClient client, RunningService service, List<JsonNode> examples) throws Exception {
        List<String> answers = new ArrayList<>();
        for (JsonNode example : examples) {
            HttpResponse<String> answer = service.post(client, "/api/v1/evaluations", JSON.writeValueAsString(example.get("request")));
            assertEquals(200, answer.statusCode(), answer.body());
            answers.add(answer.body());
        }
        return answers;
    }

    private static String shown(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 2000 ? text.substring(0, 2000) + "… (" + body.length + " bytes)" : text;
    }
}
