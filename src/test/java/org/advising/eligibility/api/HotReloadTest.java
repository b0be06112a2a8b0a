package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jakarta.inject.Inject;
import org.advising.eligibility.RulesCopy;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service watches a live copy of the rules folder: a good change goes live without a
 * restart; a compile error or a failing scenario is refused and the last good version keeps
 * answering; requests during reloads all succeed, each decided by a version that passed.
 */
@QuarkusTest
@TestProfile(HotReloadTest.LiveRules.class)
class HotReloadTest {

    /** Rounds of reloads while clients send requests: one per build, {@code -Dhotreload.rounds=N} for more. */
    private static final int ROUNDS_UNDER_LOAD = Integer.getInteger("hotreload.rounds", 1);

    /** A fixed folder, because Quarkus loads this class twice (for the profile and the test): both must see one copy. */
    static final Path FOLDER = copyOfRules();
    static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdefgh";
    private static final String AUDITED_COURSE = """
            {"learner": {"id": "l", "records": [{"offeringId": "c1", "status": "COMPLETED", "certificatePurchased": false}]},
             "offerings": [{"id": "c1", "type": "COURSE", "creditEligible": true,
                            "provider": {"name": "Example State University", "kind": "UNIVERSITY", "accreditor": "HLC"}}]}""";

    public static class LiveRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eligibility.rules.folder", FOLDER.toString(),
                    "eligibility.rules.watch-interval", "100ms",
                    "eligibility.admin.token", ADMIN_TOKEN);
        }
    }

    private static Path copyOfRules() {
        try {
            return RulesCopy.into(Path.of("target/live-rules").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void edit(String file, String from, String to) throws IOException {
        Path path = FOLDER.resolve(file);
        String content = Files.readString(path);
        assertTrue(content.contains(from), file + " lacks " + from);
        Files.writeString(path, content.replace(from, to));
    }

    private static JsonPath status() {
        return given().when().get("/api/v1/rulebase").then().statusCode(200).extract().jsonPath();
    }

    /** Waits (up to 30 s) until the last reload attempt satisfies the condition. */
    private static JsonPath awaitReload(Predicate<JsonPath> condition) {
        return await().alias("a reload attempt of the expected outcome").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(HotReloadTest::status, status -> status.get("lastReload") != null && condition.test(status));
    }

    private static JsonPath evaluate(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/evaluations")
                .then().statusCode(200).extract().jsonPath();
    }

    @AfterEach
    void restoreTheRules() throws Exception {
        Path original = Path.of("rules");
        try (Stream<Path> paths = Files.walk(FOLDER)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                Path source = original.resolve(FOLDER.relativize(path).toString());
                if (Files.exists(source)) {
                    Files.writeString(path, Files.readString(source));
                } else {
                    Files.delete(path);
                }
            }
        }
        String version = org.advising.eligibility.engine.folder.RulesFolder.read(original).version();
        // The last attempt must have read the restored folder too: a refused change leaves the active version as it was.
        awaitReload(status -> version.equals(status.getString("active.version")) && version.equals(status.getString("lastReload.version")));
    }

    @Test
    void a_good_change_is_activated_without_restart_and_names_its_version() throws Exception {
        String before = status().getString("active.version");
        edit("credit.drl", "without buying the certificate, so it earns no credit.", "without buying the certificate: no credit.");
        JsonPath status = awaitReload(s -> "ACTIVATED".equals(s.getString("lastReload.outcome"))
                && !before.equals(s.getString("active.version")));
        JsonPath answer = evaluate(AUDITED_COURSE);
        assertEquals(status.getString("active.version"), answer.getString("rulebase.version"));
        assertEquals("The learner audits this course without buying the certificate: no credit.",
                answer.getString("results[0].conclusions.find { it.topic == 'CREDIT' }.reason"));
    }

    @Test
    void a_rule_that_fires_forever_is_refused_before_it_is_activated_naming_the_rule() throws Exception {
        String before = status().getString("active.version");
        Files.copy(Path.of("src/test/resources/rulebases/runaway/runaway.drl"), FOLDER.resolve("runaway.drl"));
        JsonPath status = awaitReload(s -> "REFUSED".equals(s.getString("lastReload.outcome")));
        List<String> failing = status.getList("lastReload.failingScenarios");
        assertFalse(failing.isEmpty(), status.prettify());
        assertTrue(failing.get(0).contains("were stopped; most fired: \"Keep advising forever\""), failing.get(0));
        assertEquals(before, status.getString("active.version"));
        assertEquals(before, evaluate(AUDITED_COURSE).getString("rulebase.version"));
    }

    @Test
    void a_compile_error_is_refused_with_file_and_line_and_the_old_version_keeps_answering() throws Exception {
        String before = status().getString("active.version");
        Files.writeString(FOLDER.resolve("broken.drl"), "package eligibility;\n\nrule \"Broken\" when then insert(; end\n");
        JsonPath status = awaitReload(s -> "REFUSED".equals(s.getString("lastReload.outcome")));
        assertEquals(List.of("broken.drl:3: Syntax error, insert \")\" to complete Expression"), status.getList("lastReload.errors"));
        assertEquals(before, status.getString("active.version"));
        assertEquals(before, evaluate(AUDITED_COURSE).getString("rulebase.version"));
    }

    /** PR-1: a hit policy is a policy value like the others: a mistake in it is refused at its line and the old version keeps answering. */
    @Test
    void a_misspelt_hit_policy_is_refused_at_its_line_and_the_old_version_keeps_answering() throws Exception {
        String before = status().getString("active.version");
        List<String> lines = Files.readAllLines(FOLDER.resolve("policy-values.yaml"));
        int line = lines.indexOf(lines.stream().filter(text -> text.startsWith("  - credit: FIRST ")).findFirst().orElseThrow()) + 1;
        edit("policy-values.yaml", "  - credit: FIRST ", "  - credit: FRIST ");
        JsonPath status = awaitReload(s -> "REFUSED".equals(s.getString("lastReload.outcome")));
        assertEquals(List.of("policy-values.yaml:" + line + ": topicOrder[2] credit: \"FRIST\" is not a hit policy; known: FIRST, UNIQUE, COLLECT"),
                status.getList("lastReload.errors"));
        assertEquals(before, evaluate(AUDITED_COURSE).getString("rulebase.version"));
    }

    @Test
    void institutions_yaml_is_part_of_the_rulebase_a_mistake_in_it_is_refused_and_a_good_change_goes_live() throws Exception {
        String before = status().getString("active.version");
        edit("institutions.yaml", "    creditValidForYears: 10\n", "    creditValidForYears: -10\n");
        JsonPath refused = awaitReload(s -> "REFUSED".equals(s.getString("lastReload.outcome")));
        int line = Files.readAllLines(FOLDER.resolve("institutions.yaml")).indexOf("  - id: lakeside-cc") + 1;
        assertEquals(List.of("institutions.yaml:" + line + ": institutions[1] (lakeside-cc) has creditValidForYears -10; it must be 1 or more"),
                refused.getList("lastReload.errors"));
        assertEquals(before, evaluate(AUDITED_COURSE).getString("rulebase.version"));

        edit("institutions.yaml", "    creditValidForYears: -10\n", "    creditValidForYears: 10\n");
        edit("institutions.yaml", "name: Lakeside Community College", "name: Lakeside City College");
        JsonPath activated = awaitReload(s -> "ACTIVATED".equals(s.getString("lastReload.outcome"))
                && !before.equals(s.getString("active.version")));
        given().when().get("/api/v1/institutions").then().statusCode(200)
                .body("version", equalTo(activated.getString("active.version")))
                .body("institutions.find { it.id == 'lakeside-cc' }.name", equalTo("Lakeside City College"));
    }

    @Inject
    ActiveRulebase rulebases;

    @Test
    void trusted_issuers_yaml_is_part_of_the_rulebase_a_mistake_in_it_is_refused_at_its_line_and_a_good_change_goes_live() throws Exception {
        String before = status().getString("active.version");
        String issuer = "https://registrar.example.edu/issuers/1";
        edit("trusted-issuers.yaml", "issuers: []\n", """
                issuers:
                  - issuer: https://registrar.example.edu/issuers/1
                    name: Example State University Registrar
                    keys:
                      - id: https://registrar.example.edu/issuers/1#key-1
                        publicKeyMultibase: z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwO
                        from: 2024-01-01
                """);
        JsonPath refused = awaitReload(s -> "REFUSED".equals(s.getString("lastReload.outcome")));
        int line = Files.readAllLines(FOLDER.resolve("trusted-issuers.yaml")).indexOf(
                "        publicKeyMultibase: z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwO") + 1;
        assertEquals(List.of("trusted-issuers.yaml:" + line + ": issuers[0] (" + issuer + ") keys[0] (" + issuer + "#key-1): "
                + "publicKeyMultibase has \"O\", which is not a base58-btc digit"), refused.getList("lastReload.errors"));
        assertEquals(before, evaluate(AUDITED_COURSE).getString("rulebase.version"));
        assertEquals(List.of(), rulebases.require().trustedIssuers().issuers(), "the last good rulebase trusts no issuer");

        edit("trusted-issuers.yaml", "hwO\n", "hwi\n");
        JsonPath activated = awaitReload(s -> "ACTIVATED".equals(s.getString("lastReload.outcome"))
                && !before.equals(s.getString("active.version")));
        assertEquals(activated.getString("active.version"), evaluate(AUDITED_COURSE).getString("rulebase.version"));
        assertEquals("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", rulebases.require().trustedIssuers()
                .key(issuer, issuer + "#key-1", java.time.LocalDate.of(2026, 11, 20)).orElseThrow().publicKeyMultibase());
    }

    @Test
    void an_institutions_file_of_20000_entries_goes_live_pages_ranks_and_a_mistake_deep_in_it_is_named_at_its_line() throws Exception {
        String before = status().getString("active.version");
        String generated = org.advising.eligibility.GeneratedInstitutions.yaml(20_000, 42);
        long started = System.nanoTime();
        Files.writeString(FOLDER.resolve("institutions.yaml"), generated);
        JsonPath activated = awaitReload(s -> "ACTIVATED".equals(s.getString("lastReload.outcome"))
                && !before.equals(s.getString("active.version")));
        System.out.printf("HotReloadTest: %,d bytes of institutions.yaml read, checked, proven and activated in %,d ms%n",
                generated.length(), (System.nanoTime() - started) / 1_000_000);
        given().when().get("/api/v1/institutions?asOf=2026-11-20&name=-19999").then().statusCode(200)
                .body("version", equalTo(activated.getString("active.version")))
                .body("total", equalTo(1)).body("institutions[0].id", org.hamcrest.Matchers.endsWith("-19999"));
        given().when().get("/api/v1/institutions?asOf=2026-11-20&limit=1000&offset=19500").then().statusCode(200)
                .body("total", equalTo(20_000)).body("institutions", org.hamcrest.Matchers.hasSize(500));
        given().contentType(ContentType.JSON).body(AUDITED_COURSE.replace("\"learner\"", "\"asOf\": \"2026-11-20\", \"limit\": 3, \"learner\""))
                .when().post("/api/v1/transfer-options").then().statusCode(200)
                .body("institutionsConsidered", equalTo(20_000)).body("options", org.hamcrest.Matchers.hasSize(3));

        List<String> lines = Files.readAllLines(FOLDER.resolve("institutions.yaml"));
        int entry = lines.indexOf("  - id: university-15000");
        assertTrue(entry > 0, "the generator writes university-15000");
        lines.add(entry + 2, "    minimumGrade: 5.0");
        lines.remove(entry + 3); // the entry's own minimumGrade, replaced by a wrong one
        Files.write(FOLDER.resolve("institutions.yaml"), lines);
        JsonPath refused = awaitReload(s -> "REFUSED".equals(s.getString("lastReload.outcome")));
        assertEquals(1, refused.getList("lastReload.errors").size(), refused.prettify());
        assertTrue(refused.getString("lastReload.errors[0]").startsWith("institutions.yaml:" + (entry + 1) + ": institutions["),
                refused.getString("lastReload.errors[0]"));
        assertTrue(refused.getString("lastReload.errors[0]").endsWith("(university-15000) has minimumGrade 5.0; it must be from 0.0 to 4.0"),
                refused.getString("lastReload.errors[0]"));
        assertEquals(activated.getString("active.version"), status().getString("active.version"));
    }

    @Test
    void a_decision_table_is_part_of_the_rulebase_a_mistake_in_a_cell_is_refused_and_a_good_change_goes_live() throws Exception {
        String before = status().getString("active.version");
        edit("credential.drl.csv", ",credential,MASTERTRACK,UNIVERSITY_CERTIFICATE,", ",credential,MASTERTRACK,UNIVERSITY_CERT,");
        JsonPath refused = awaitReload(s -> "REFUSED".equals(s.getString("lastReload.outcome")));
        assertEquals(List.of("credential.drl.csv:12: cell F12 (Credential): Credential has no value 'UNIVERSITY_CERT'; its values are "
                + "NONE, PLATFORM_CERTIFICATE, UNIVERSITY_CERTIFICATE, DEGREE_AND_TRANSCRIPT"), refused.getList("lastReload.errors"));
        assertEquals(before, evaluate(AUDITED_COURSE).getString("rulebase.version"));

        edit("credential.drl.csv", ",credential,MASTERTRACK,UNIVERSITY_CERT,", ",credential,MASTERTRACK,UNIVERSITY_CERTIFICATE,");
        edit("credential.drl.csv", "Completing this degree gives an official degree and transcript from {provider}",
                "Finishing this degree earns an official degree and transcript from {provider}");
        JsonPath activated = awaitReload(s -> "ACTIVATED".equals(s.getString("lastReload.outcome"))
                && !before.equals(s.getString("active.version")));
        JsonPath answer = evaluate(AUDITED_COURSE.replace("\"type\": \"COURSE\"", "\"type\": \"DEGREE\"")
                .replace("\"records\": [{\"offeringId\": \"c1\", \"status\": \"COMPLETED\", \"certificatePurchased\": false}]", "\"records\": []"));
        assertEquals(activated.getString("active.version"), answer.getString("rulebase.version"));
        assertEquals("Finishing this degree earns an official degree and transcript from Example State University, the same as the "
                + "on-campus equivalent.", answer.getString("results[0].conclusions.find { it.topic == 'CREDENTIAL' }.reason"));
        assertEquals(11, answer.getInt("results[0].conclusions.find { it.topic == 'CREDENTIAL' }.row"));
    }

    @Test
    void a_change_that_breaks_a_scenario_is_refused_and_the_old_version_keeps_answering() throws Exception {
        String before = status().getString("active.version");
        edit("policy-values.yaml", "passingGrade: 2.0", "passingGrade: 2.5");
        JsonPath status = awaitReload(s -> "REFUSED".equals(s.getString("lastReload.outcome")));
        assertEquals(List.of(), status.getList("lastReload.errors"));
        assertEquals(1, status.getList("lastReload.failingScenarios").size());
        assertTrue(status.getString("lastReload.failingScenarios[0]")
                .startsWith("tests/credit.yaml:128: \"Completing exactly at the passing grade earns credit\""));
        assertEquals(before, evaluate(AUDITED_COURSE).getString("rulebase.version"));
    }

    @Test
    void fixing_the_scenario_of_a_refused_change_activates_the_change() throws Exception {
        String before = status().getString("active.version");
        edit("policy-values.yaml", "passingGrade: 2.0", "passingGrade: 2.5");
        awaitReload(s -> "REFUSED".equals(s.getString("lastReload.outcome")));
        edit("tests/credit.yaml", "{ offeringId: mt, status: COMPLETED, gpa: 2.0 }", "{ offeringId: mt, status: COMPLETED, gpa: 2.5 }");
        JsonPath status = awaitReload(s -> "ACTIVATED".equals(s.getString("lastReload.outcome"))
                && !before.equals(s.getString("active.version")));
        assertEquals(status.getString("active.version"), evaluate(AUDITED_COURSE).getString("rulebase.version"));
    }

    @Test
    void a_batch_is_decided_by_the_rulebase_it_started_with_while_the_rules_reload_meanwhile() throws Exception {
        String before = status().getString("active.version");
        byte[] line = (AUDITED_COURSE.replace("\n", " ") + "\n").getBytes(StandardCharsets.UTF_8);
        // The batch cannot end before its last 100 lines, sent only once the new rules are active: 200 lines
        // before them keep it answering while the rules reload (2,000 did too, at up to 50 s a build).
        int first = 200;
        int lines = first + 100;
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/evaluations/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
                    + "Content-Length: " + (long) lines * line.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // The answer is read while the body is still being sent, as a streaming client does.
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try {
                    socket.getInputStream().transferTo(received);
                } catch (IOException closed) {
                    // the test's end closes the socket
                }
            });
            reader.start();
            for (int i = 0; i < first; i++) {
                out.write(line);
            }
            out.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> received.toString(StandardCharsets.UTF_8).contains("\"line\":1,"));
            edit("advice.drl", "the learner can buy the certificate later if they need it.", "a certificate can still be bought later.");
            awaitReload(s -> "ACTIVATED".equals(s.getString("lastReload.outcome")) && !before.equals(s.getString("active.version")));
            for (int i = first; i < lines; i++) {
                out.write(line);
            }
            out.flush();
            reader.join(Duration.ofSeconds(60).toMillis());
            String answer = received.toString(StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n") && answer.contains("\r\nX-Rulebase-Version: " + before + "\r\n"), answer.lines().limit(8).toList().toString());
            List<String> answered = dechunked(received.toByteArray(), answer.indexOf("\r\n\r\n") + 4).lines().toList();
            assertEquals(lines, answered.size());
            assertEquals(Set.of(before), answered.stream().map(text -> JsonPath.from(text).getString("rulebase")).collect(Collectors.toSet()),
                    "every line names the rulebase the batch started with");
            assertEquals(Set.of(200), answered.stream().map(text -> JsonPath.from(text).getInt("status")).collect(Collectors.toSet()));
        }
        assertFalse(before.equals(evaluate(AUDITED_COURSE).getString("rulebase.version")), "a request after the batch gets the new rules");
    }

    /** An HTTP/1.1 chunked body (starting at {@code at}, after the headers) as the text it carries. */
    private static String dechunked(byte[] response, int at) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (true) {
            int end = at;
            while (response[end] != '\r') {
                end++;
            }
            int size = Integer.parseInt(new String(response, at, end - at, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) {
                return content.toString(StandardCharsets.UTF_8);
            }
            content.write(response, end + 2, size);
            at = end + 2 + size + 2;
        }
    }

    @Test
    void requests_during_reloads_all_succeed_on_a_version_that_passed() throws Exception {
        String first = status().getString("active.version");
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> counts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            counts.add(clients.submit(() -> {
                int sent = 0;
                while (running.get()) {
                    var response = given().contentType(ContentType.JSON).body(AUDITED_COURSE).when().post("/api/v1/evaluations");
                    sent++;
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.asString());
                    } else {
                        versionsSeen.add(response.jsonPath().getString("rulebase.version"));
                    }
                }
                return sent;
            }));
        }
        List<String> activated = new ArrayList<>(List.of(first));
        // Each round activates a change, refuses a broken one and activates the next: three reloads under the clients' load.
        for (int round = 0; round < ROUNDS_UNDER_LOAD; round++) {
            String suffix = " (" + round + ")";
            edit("credit.drl", "so it earns no credit.\"", "so it earns no credit." + suffix + "\"");
            String previous = activated.get(activated.size() - 1);
            activated.add(awaitReload(s -> "ACTIVATED".equals(s.getString("lastReload.outcome"))
                    && !previous.equals(s.getString("active.version"))).getString("active.version"));
            Files.writeString(FOLDER.resolve("broken.drl"), "rule \"Broken\" when then insert(; end\n");
            awaitReload(s -> "REFUSED".equals(s.getString("lastReload.outcome")));
            Files.delete(FOLDER.resolve("broken.drl"));
            edit("credit.drl", "so it earns no credit." + suffix + "\"", "so it earns no credit.\"");
            String last = activated.get(activated.size() - 1);
            activated.add(awaitReload(s -> "ACTIVATED".equals(s.getString("lastReload.outcome"))
                    && !last.equals(s.getString("active.version"))).getString("active.version"));
        }
        running.set(false);
        int sent = 0;
        for (Future<Integer> count : counts) {
            sent += count.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertEquals(List.of(), failures);
        assertTrue(sent > 50, "requests sent: " + sent);
        assertTrue(activated.containsAll(versionsSeen), "every answer came from an activated version: " + versionsSeen);
        System.out.printf("%d requests during %d reloads, %d failed; versions answering: %d%n", sent, activated.size() - 1,
                failures.size(), versionsSeen.size());
    }

    @Test
    void the_admin_reload_needs_the_configured_token() {
        given().when().post("/api/v1/rulebase/reload")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer wrong").when().post("/api/v1/rulebase/reload")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).when().post("/api/v1/rulebase/reload")
                .then().statusCode(200)
                .body("lastReload.trigger", equalTo("admin request"))
                .body("lastReload.outcome", equalTo("UNCHANGED"))
                .body("lastReload.errors", hasSize(0));
        // The scheme is matched in any case (RFC 9110); the token is not.
        given().header("Authorization", "bearer " + ADMIN_TOKEN).when().post("/api/v1/rulebase/reload")
                .then().statusCode(200).body("lastReload.outcome", equalTo("UNCHANGED"));
        given().header("Authorization", "BEARER " + ADMIN_TOKEN.toUpperCase()).when().post("/api/v1/rulebase/reload")
                .then().statusCode(401);
    }
}
