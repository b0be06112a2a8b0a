package org.advising.eligibility.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.advising.eligibility.ContractExamples;
import org.advising.eligibility.RulesCopy;
import org.advising.eligibility.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service with 2 evaluation workers and 2 waiting places (in a Quarkus pool of 4 threads), a time limit of 1 s
 * per evaluation, and the project's rules plus a test rule that takes 300 ms for every offering
 * titled "Slow": clients that send slowly hold no worker and get 408 when their body is not in
 * after 2 s (over HTTP/2 on their stream, the connection serving on; a request without a body,
 * such as an admin reload, is not timed, however long its answer takes), a full pool and queue refuse at once
 * with 503 busy while health stays UP, and an evaluation past the time limit is stopped with 503
 * evaluation-timeout naming the rule that ran last.
 */
@RunsAlone
class LimitsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String EXAMPLE = "01-mastertrack-completed-eligible.json";
    static final String ADMIN_TOKEN = "limits-admin-token-0123456789abcdef";
    /** Headers that announce 50,000 bytes of body, and the first few of them. */
    static final byte[] HALF_A_REQUEST = ("POST /api/v1/evaluations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 50000\r\n\r\n{\"learner\": {").getBytes(StandardCharsets.US_ASCII);
    static final String BUSY = "{\"type\":\"urn:eligibility:problem:busy\",\"title\":\"Service busy\",\"status\":503,"
            + "\"detail\":\"Every worker is busy and the queue of waiting evaluations is full; retry shortly.\"}";

    @TempDir
    static Path work;
    static RunningService service;
    static HttpClient client;
    /** Example 01's answer before any test ran, without the time its rulebase was loaded (a test reloads it). */
    static JsonNode firstAnswer;

    @BeforeAll
    static void start() throws Exception {
        service = new RunningService(RunningService.APP, Map.of("ELIGIBILITY_RULES_FOLDER", rulesWithSlowRule(work).toString(),
                "ELIGIBILITY_RULES_WATCH_INTERVAL", "0", "ELIGIBILITY_ADMIN_TOKEN", ADMIN_TOKEN, "ELIGIBILITY_EVALUATION_TIME_LIMIT", "1s", "ELIGIBILITY_API_BODY_TIME_LIMIT", "2s",
                "ELIGIBILITY_EVALUATION_WORKERS", "2", "ELIGIBILITY_EVALUATION_QUEUE_SIZE", "2",
                // Fewer of Quarkus' threads than slow senders below: were bodies read on worker threads, they would stall it.
                "QUARKUS_THREAD_POOL_MAX_THREADS", "4"), ContractExamples.requestBody(EXAMPLE));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        firstAnswer = withoutLoadTime(evaluate(ContractExamples.requestBody(EXAMPLE)).body());
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** A copy of rules/ with the slow test rule added; its scenarios still pass (none is titled "Slow"). */
    static Path rulesWithSlowRule(Path work) throws IOException {
        Path rules = RulesCopy.into(work.resolve("rules"));
        Files.copy(Path.of("src/test/resources/rulebases/slow/slow.drl"), rules.resolve("slow.drl"));
        return rules;
    }

    /** Example 01's request with {@code slow} more offerings titled "Slow". */
    static String withSlowOfferings(int slow) throws IOException {
        ObjectNode request = (ObjectNode) ContractExamples.read(EXAMPLE).get("request");
        ArrayNode offerings = (ArrayNode) request.get("offerings");
        for (int i = 1; i <= slow; i++) {
            ObjectNode copy = offerings.get(0).deepCopy();
            copy.put("id", "slow-" + i).put("title", "Slow");
            offerings.add(copy);
        }
        return JSON.writeValueAsString(request);
    }

    static HttpResponse<String> evaluate(String body) throws IOException, InterruptedException {
        return service.post(client, "/api/v1/evaluations", body);
    }

    @Test
    void clients_that_send_their_body_slowly_hold_no_worker() throws Exception {
        List<Socket> slowSenders = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) { // more than Quarkus' 4 worker threads
                Socket socket = new Socket("127.0.0.1", service.port);
                OutputStream out = socket.getOutputStream();
                out.write(HALF_A_REQUEST);
                out.flush();
                slowSenders.add(socket);
            }
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> answer = evaluate(ContractExamples.requestBody(EXAMPLE));
                assertEquals(200, answer.statusCode(), answer.body());
                assertSameAnswer(answer.body());
            }
        } finally {
            for (Socket socket : slowSenders) {
                socket.close();
            }
        }
    }

    @Test
    void a_body_still_incomplete_at_the_time_limit_gets_408_and_its_connection_closed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", service.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            long started = System.nanoTime();
            out.write(HALF_A_REQUEST);
            // One byte every 200 ms: the connection is never idle, only the body time limit can end it.
            try {
                while (socket.getInputStream().available() == 0 && System.nanoTime() - started < Duration.ofSeconds(15).toNanos()) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException closedByTheService) {
                // expected once the answer has been sent
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // to the close
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
            assertTrue(answer.contains("\r\ncontent-type: application/problem+json\r\n"), answer);
            assertTrue(answer.endsWith("\r\n\r\n{\"type\":\"urn:eligibility:problem:request-timeout\",\"title\":\"Request timeout\","
                    + "\"status\":408,\"detail\":\"The request body did not arrive within 2000 ms; send it again, all at once.\"}"), answer);
            assertTrue(seconds >= 2 && seconds < 10, seconds + " s");
        }
        HttpResponse<String> next = evaluate(ContractExamples.requestBody(EXAMPLE));
        assertEquals(200, next.statusCode(), next.body());
        assertSameAnswer(next.body());
        assertTrue(!service.log().contains("ERROR"), service.log());
    }

    @Test
    void over_http2_a_body_still_incomplete_at_the_time_limit_gets_408_on_its_stream_and_the_connection_serves_on() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // HTTP/2 without an upgrade (prior knowledge), as a proxy speaking h2c to the pods would.
            io.vertx.core.http.HttpClient h2 = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false).setDefaultHost("127.0.0.1")
                    .setDefaultPort(service.port));
            HttpClientRequest stalled = result(h2.request(HttpMethod.POST, "/api/v1/evaluations"));
            stalled.putHeader("Content-Type", "application/json").putHeader("Content-Length", "50000");
            result(stalled.write("{\"learner\": {"));
            long started = System.nanoTime();
            // The body's handler is set as the response arrives, on the connection's thread, so none of it is missed.
            String timedOut = result(stalled.response().compose(response -> response.body().map(body ->
                    response.version() + " " + response.statusCode() + " " + response.getHeader("Content-Type") + "\n" + body)));
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertEquals("HTTP_2 408 application/problem+json\n{\"type\":\"urn:eligibility:problem:request-timeout\",\"title\":\"Request timeout\","
                    + "\"status\":408,\"detail\":\"The request body did not arrive within 2000 ms; send it again, all at once.\"}", timedOut);
            assertTrue(seconds < 10, seconds + " s");

            // The same connection answers the next request.
            HttpClientRequest next = result(h2.request(HttpMethod.POST, "/api/v1/evaluations"));
            String answer = result(next.putHeader("Content-Type", "application/json").send(ContractExamples.requestBody(EXAMPLE))
                    .compose(response -> response.body().map(body -> response.statusCode() + "\n" + body)));
            assertTrue(answer.startsWith("200\n"), answer);
            assertSameAnswer(answer.substring("200\n".length()));
            assertEquals(stalled.connection(), next.connection(), "one HTTP/2 connection for both");
        } finally {
            result(vertx.close());
        }
    }

    private static <T> T result(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void a_request_without_a_body_is_answered_however_long_the_answer_takes() throws Exception {
        // Eight scenarios with an offering titled "Slow" for each of the gate's threads (one per core, this machine's as the
        // service's) make the reload's scenario gate take at least 2.4 s, longer than the 2 s body time limit; the reload
        // request has no body, so that limit must not cut it off.
        StringBuilder cases = new StringBuilder();
        for (int i = 1; i <= 8 * Runtime.getRuntime().availableProcessors(); i++) {
            cases.append("""
                    - name: A slow professional certificate %d is not accredited
                      asOf: 2026-11-20
                      learner: { id: learner-1 }
                      offerings:
                        - id: slow-%d
                          type: PROFESSIONAL_CERTIFICATE
                          title: Slow
                          provider: { name: Example Cloud Co, kind: COMPANY }
                      expect:
                        slow-%d: { accredited: false }
                    """.formatted(i, i, i));
        }
        Path scenarios = work.resolve("rules/tests/slow.yaml");
        Path slowRule = work.resolve("rules/slow.drl");
        String rule = Files.readString(slowRule);
        Files.writeString(scenarios, cases);
        Files.writeString(slowRule, rule + "// A new version, so that the reload compiles and runs the scenarios.\n");
        try {
            long started = System.nanoTime();
            HttpResponse<String> reload = service.reload(client, ADMIN_TOKEN);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(200, reload.statusCode(), reload.body());
            assertEquals("ACTIVATED", JSON.readTree(reload.body()).at("/lastReload/outcome").asText(), reload.body());
            assertTrue(took.toMillis() > 2000, "the reload took " + took.toMillis() + " ms, not longer than the body time limit");
        } finally {
            Files.delete(scenarios);
            Files.writeString(slowRule, rule);
            HttpResponse<String> back = service.reload(client, ADMIN_TOKEN);
            assertEquals(200, back.statusCode(), back.body());
            assertSameAnswer(evaluate(ContractExamples.requestBody(EXAMPLE)).body());
        }
    }

    static JsonNode withoutLoadTime(String answer) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(answer);
        ((ObjectNode) json.get("rulebase")).remove("loadedAt");
        return json;
    }

    static void assertSameAnswer(String answer) throws IOException {
        assertEquals(firstAnswer, withoutLoadTime(answer));
    }

    @Test
    void a_full_worker_pool_and_queue_refuse_at_once_with_503_busy_and_health_stays_up() throws Exception {
        String twoSlowOfferings = withSlowOfferings(2); // 600 ms each, within the time limit
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return evaluate(twoSlowOfferings);
                }));
            }
            go.countDown();
            // Health is asked once the pool is full: the first refusals (503 busy) come back at once.
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.stream().anyMatch(Future::isDone));
            HttpResponse<String> live = service.get(client, "/q/health/live");
            HttpResponse<String> ready = service.get(client, "/q/health/ready");
            int answered = 0;
            int busy = 0;
            for (Future<HttpResponse<String>> future : answers) {
                HttpResponse<String> answer = future.get();
                if (answer.statusCode() == 200) {
                    answered++;
                } else {
                    assertEquals(503, answer.statusCode(), answer.body());
                    assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
                    assertEquals("1", answer.headers().firstValue("Retry-After").orElseThrow());
                    if (answer.body().contains("evaluation-timeout")) {
                        continue; // queued behind the first two, its 1 s budget (time queued counts) ran out while it ran
                    }
                    assertEquals(BUSY, answer.body());
                    busy++;
                }
            }
            assertTrue(answered >= 2 && busy >= 1, answered + " answered, " + busy + " refused as busy");
            assertEquals(200, live.statusCode(), live.body());
            assertEquals(200, ready.statusCode(), ready.body());
            HttpResponse<String> after = evaluate(ContractExamples.requestBody(EXAMPLE));
            assertEquals(200, after.statusCode(), after.body());
            assertSameAnswer(after.body());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void an_evaluation_past_the_time_limit_is_stopped_with_503_naming_the_rule_that_ran_last() throws Exception {
        HttpResponse<String> answer = evaluate(withSlowOfferings(5)); // 5 x 300 ms against a limit of 1 s
        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("1", answer.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("{\"type\":\"urn:eligibility:problem:evaluation-timeout\",\"title\":\"Evaluation took too long\",\"status\":503,"
                + "\"detail\":\"For this request the rules took longer than 1000 ms and were stopped after 4 firings; "
                + "the last rule fired was \\\"Take 300 ms\\\". Retry shortly, or send fewer offerings at a time.\"}", answer.body());
        assertTrue(service.log().lines().anyMatch(line -> line.contains("WARN") && line.endsWith("Evaluation stopped: the rules "
                + "took longer than 1000 ms and were stopped after 4 firings; the last rule fired was \"Take 300 ms\"")), service.log());
        String metrics = service.get(client, "/q/metrics").body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("eligibility_evaluations_seconds_count{result=\"timed_out\"}")
                && !line.endsWith(" 0.0")), metrics);

        for (int i = 0; i < 5; i++) { // the halted session went back to the pool: the next evaluations are whole
            HttpResponse<String> next = evaluate(ContractExamples.requestBody(EXAMPLE));
            assertEquals(200, next.statusCode(), next.body());
            assertSameAnswer(next.body());
        }
    }
}
