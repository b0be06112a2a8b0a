package org.advising.eligibility.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.advising.eligibility.ContractExamples;
import org.advising.eligibility.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attacks of docs/reliability.md ("Outages anyone can cause") against the packaged service with
 * the pod's memory settings (RunningService: -XX:MaxRAM=512m and the Dockerfile's options), on
 * loopback only, each bounded in count and time: the service stays up, a normal request is answered
 * in under 5 s while the attack goes on, and the attackers get 503 busy at once.
 */
@RunsAlone
class AttacksIT {

    static final String EXAMPLE = "01-mastertrack-completed-eligible.json";
    static final int MIB = 1024 * 1024;
    static RunningService service;
    static HttpClient client;
    final List<Socket> attackers = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        service = new RunningService(RunningService.APP, Map.of("ELIGIBILITY_RULES_WATCH_INTERVAL", "0",
                "ELIGIBILITY_BATCH_LINE_TIME_LIMIT", "3s", "ELIGIBILITY_API_BODY_TIME_LIMIT", "4s"), ContractExamples.requestBody(EXAMPLE));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @AfterEach
    void closeAttackers() throws IOException {
        synchronized (attackers) {
            for (Socket socket : attackers) {
                socket.close();
            }
            attackers.clear();
        }
    }

    @Test
    void six_hundred_stalled_one_mib_bodies_leave_the_service_up_and_answering() throws Exception {
        byte[] headers = ("POST /api/v1/evaluations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + MIB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[MIB - 22];
        java.util.Arrays.fill(body, (byte) ' ');
        ExecutorService senders = Executors.newFixedThreadPool(50);
        long started = System.nanoTime();
        for (int i = 0; i < 600; i++) {
            senders.submit(() -> {
                Socket socket = new Socket("127.0.0.1", service.port);
                attackers.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(headers);
                out.write(body); // all but 22 bytes, then nothing more
                out.flush();
                return null;
            });
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(60, TimeUnit.SECONDS), "the 600 senders did not finish within 60 s");
        System.out.printf("AttacksIT: 600 stalled 1 MiB bodies sent in %d ms; service RSS %.0f MiB%n",
                (System.nanoTime() - started) / 1_000_000, service.memoryMiB("VmRSS"));
        assertNormalRequestAnsweredWithin(Duration.ofSeconds(5));
        assertTrue(service.alive(), "the service died: " + service.log());
        // Each attacker gets an answer: 503 at once past the budget, or 408 at the body time limit (4 s here).
        Map<String, Integer> answers = new java.util.TreeMap<>();
        for (Socket socket : attackers) {
            socket.setSoTimeout(15_000);
            answers.merge(firstLine(socket.getInputStream()), 1, Integer::sum);
        }
        System.out.println("AttacksIT: the 600 attackers' answers: " + answers);
        assertEquals(java.util.Set.of("HTTP/1.1 408 Request Timeout\r", "HTTP/1.1 503 Service Unavailable\r"), answers.keySet());
        assertTrue(answers.get("HTTP/1.1 503 Service Unavailable\r") > 500, answers.toString());
        System.out.printf("AttacksIT: service RSS after the attack %.0f MiB, at most %.0f MiB%n", service.memoryMiB("VmRSS"),
                service.memoryMiB("VmHWM"));
    }

    @Test
    void two_hundred_and_five_stalled_batches_leave_the_service_answering() throws Exception {
        byte[] stalledBatch = ("POST /api/v1/evaluations/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"lea\r\n").getBytes(StandardCharsets.US_ASCII);
        int busy = 0;
        for (int i = 0; i < 205; i++) {
            Socket socket = new Socket("127.0.0.1", service.port);
            attackers.add(socket);
            socket.getOutputStream().write(stalledBatch);
            socket.getOutputStream().flush();
        }
        assertNormalRequestAnsweredWithin(Duration.ofSeconds(5));
        HttpResponse<String> ready = service.get(client, "/q/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        for (Socket socket : attackers) {
            socket.setSoTimeout(10_000);
            String answer = firstLine(socket.getInputStream());
            busy += answer.startsWith("HTTP/1.1 503") ? 1 : 0;
        }
        // Four places (eligibility.batch.max-concurrent); the other batches were refused at once.
        assertEquals(201, busy);
        String oneLine = new ObjectMapper().readTree(ContractExamples.requestBody(EXAMPLE)).toString() + "\n";
        // The four admitted ones sent no line for 3 s (the line time limit here): their connections are closed and their places free.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> batch = client.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/evaluations/batch")))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(oneLine)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, batch.statusCode(), batch.body());
        });
        assertTrue(service.log().contains("no line arrived within 3000 ms; its connection is closed"), service.log());
    }

    private static void assertNormalRequestAnsweredWithin(Duration limit) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = service.post(client, "/api/v1/evaluations", ContractExamples.requestBody(EXAMPLE));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("AttacksIT: a normal request during the attack answered %d in %d ms%n", answer.statusCode(), millis);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(millis < limit.toMillis(), "answered in " + millis + " ms");
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }
}
