package org.advising.eligibility.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.advising.eligibility.ContractExamples;
import org.advising.eligibility.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the packaged service logs at its default level (INFO) holds no learner data and no secret,
 * whatever happens to a request: answered, invalid, malformed, too large, of the wrong type, busy,
 * past the time limit, or an admin call with a wrong or right token. Every value a learner or
 * portal sends carries a marker; afterwards the whole log is searched for every marker.
 */
@RunsAlone
class LogPrivacyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_TOKEN = "admin-token-secret-4d1f-0123456789abcdef";
    private static final String AUDIT_KEY = "audit-key-secret-8c2e";
    private static final String LEARNER = "learner-marker-7731";
    private static final List<String> MARKERS = List.of(LEARNER, "3.47", "2024-02-29", "title-marker-5521",
            "provider-marker-1187", "marker-3090.edu", "degree-marker-6642", "record-marker-2208", "wrong-token-marker-9913",
            "status-marker-4470", ADMIN_TOKEN, AUDIT_KEY,
            // taken from a learner's credential: its holder, their e-mail address, the issuer, the badge and its achievement
            "holder-marker-8120", "mail-marker-3318", "issuer-marker-6116", "badge-marker-9052", "achievement-marker-7204");

    private static final String EVALUATIONS = "/api/v1/evaluations";
    private static final String RELOAD = "/api/v1/rulebase/reload";
    private static final String JSON_TYPE = "application/json";

    @TempDir
    Path work;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private RunningService service;

    @Test
    void no_learner_data_and_no_secret_reaches_the_log_whatever_happens_to_a_request() throws Exception {
        try (RunningService running = new RunningService(RunningService.APP, Map.of(
                "ELIGIBILITY_RULES_FOLDER", LimitsIT.rulesWithSlowRule(work).toString(),
                "ELIGIBILITY_ADMIN_TOKEN", ADMIN_TOKEN, "ELIGIBILITY_AUDIT_LEARNER_KEY", AUDIT_KEY,
                "ELIGIBILITY_EVALUATION_TIME_LIMIT", "1s", "ELIGIBILITY_EVALUATION_WORKERS", "1",
                "ELIGIBILITY_EVALUATION_QUEUE_SIZE", "1"), ContractExamples.requestBody(LimitsIT.EXAMPLE))) {
            service = running;
            String marked = marked(0);
            List<Integer> answers = new ArrayList<>();
            answers.add(send(EVALUATIONS, JSON_TYPE, marked, null));
            answers.add(send(EVALUATIONS, JSON_TYPE,
                    marked.replace("\"COMPLETED\"", "\"status-marker-4470\"").replace("\"MASTERTRACK\"", "\"record-marker-2208\""), null));
            answers.add(send(EVALUATIONS, JSON_TYPE, marked.substring(0, marked.indexOf(LEARNER) + LEARNER.length()), null));
            answers.add(send(EVALUATIONS, JSON_TYPE, marked.replace(LEARNER, LEARNER.repeat(60_000)), null));
            answers.add(send(EVALUATIONS, "text/plain", marked, null));
            answers.add(send(EVALUATIONS + "/" + LEARNER, JSON_TYPE, marked, null));
            answers.add(send(EVALUATIONS, JSON_TYPE, marked(4), null));
            answers.add(send(EVALUATIONS, JSON_TYPE, credentialed(), null));
            answers.add(send(EVALUATIONS, JSON_TYPE, credentialed().replace("2026-06-30T00:00:00Z", "holder-marker-8120"), null));
            ExecutorService clients = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> busy = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    busy.add(clients.submit(() -> send(EVALUATIONS, JSON_TYPE, marked(2), null)));
                }
                for (Future<Integer> status : busy) {
                    answers.add(status.get());
                }
            } finally {
                clients.shutdownNow();
            }
            answers.add(send(RELOAD, JSON_TYPE, "", null));
            answers.add(send(RELOAD, JSON_TYPE, "", "Bearer wrong-token-marker-9913"));
            answers.add(send(RELOAD, JSON_TYPE, "", "Bearer " + ADMIN_TOKEN));
            Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting()));

            // Each kind of answer happened: 200, 400, 401, 404 or 405, 413, 415, and 503 (busy and past the time limit).
            for (int status : List.of(200, 400, 401, 413, 415, 503)) {
                assertTrue(statuses.containsKey(status), "no " + status + " among " + statuses);
            }
            String log = service.log();
            assertTrue(log.contains("\"learner\":\"") && log.contains("eligibility.audit"), "the audit lines are logged:\n" + log);
            assertTrue(log.contains("Evaluation stopped: the rules took longer than 1000 ms"), log);
            // The audit lines' own duration and time are numbers that may spell the grade marker by chance.
            String sent = log.replaceAll("\"(durationMs|time)\":(\"[^\"]*\"|[0-9.E-]+)", "");
            for (String marker : MARKERS) {
                assertTrue(!sent.contains(marker), "the log holds " + marker + ":\n" + log);
            }
            System.out.println("LogPrivacyIT: answers " + statuses + "; " + log.lines().count() + " log lines, none with any of "
                    + MARKERS.size() + " markers");
        }
    }

    /** Example 01 with a marker in every value the learner or the portal sends, and {@code slow} offerings titled "Slow". */
    private static String marked(int slow) throws Exception {
        String request = LimitsIT.withSlowOfferings(slow)
                .replace("\"learner-1\"", "\"" + LEARNER + "\"").replace("3.4", "3.47").replace("2025-05-10", "2024-02-29")
                .replace("MasterTrack Certificate in Data Science", "title-marker-5521")
                .replace("Example State University", "provider-marker-1187").replace("example.edu", "marker-3090.edu")
                .replace("Master of Computer Science", "degree-marker-6642");
        ObjectNode tree = (ObjectNode) JSON.readTree(request);
        assertEquals(LEARNER, tree.at("/learner/id").asText(), request);
        assertEquals("provider-marker-1187", ((ArrayNode) tree.get("offerings")).get(0).at("/provider/name").asText(), request);
        return request;
    }

    /** The credential example 16 with a marker in what a credential says of its holder, issuer and achievement. */
    private static String credentialed() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Path.of("src/test/resources/credential-examples/16-certificate-badge-with-ace-recommendation.json")
                .toFile()).get("request");
        request.put("asOf", "2026-11-20");
        ObjectNode credential = (ObjectNode) request.at("/learner/credentials/0");
        credential.put("name", "badge-marker-9052");
        ((ObjectNode) credential.get("issuer")).put("name", "issuer-marker-6116");
        ObjectNode subject = (ObjectNode) credential.get("credentialSubject");
        subject.put("id", "did:example:holder-marker-8120").put("name", "holder-marker-8120").put("email", "mail-marker-3318@example.com");
        ((ObjectNode) subject.get("achievement")).put("name", "achievement-marker-7204");
        return JSON.writeValueAsString(request);
    }

    private int send(String path, String type, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
