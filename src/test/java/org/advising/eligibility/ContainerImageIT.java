package org.advising.eligibility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the real image from the Dockerfile with podman (src/test/container/build-image.sh) and
 * runs it as an operator would. Skipped, saying why, where podman or root is missing; CI
 * installs podman and runs as root.
 */
@ExtendWith(ContainerImageIT.NeedsPodmanAsRoot.class)
class ContainerImageIT {

    /** Making the base images needs root (debootstrap, chroot) and podman. */
    static final class NeedsPodmanAsRoot implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = !System.getProperty("user.name").equals("root") ? "building the base images needs root"
                    : !RequiredTools.onPath("podman") || !RequiredTools.onPath("debootstrap")
                            ? "podman and debootstrap are not installed (apt-get install podman buildah runc debootstrap)"
                            : null;
            return RequiredTools.skipIfMissing(context, missing);
        }
    }

    private static final String IMAGE = "localhost/eligibility-service:it";
    private static final Path CONF = Path.of(System.getProperty("user.home"), ".cache/eligibility-images/containers.conf");
    private static final List<String> CONTAINERS = new ArrayList<>();

    @BeforeAll
    static void buildTheImage() throws Exception {
        run(List.of("src/test/container/build-image.sh", IMAGE), 900);
    }

    @AfterAll
    static void removeContainersAndImage() throws Exception {
        for (String container : CONTAINERS) {
            run(List.of("podman", "rm", "-f", container), 60);
        }
        run(List.of("podman", "rmi", "-f", IMAGE), 60); // the cached base images stay
    }

    /** Runs a command to completion; its output, or an AssertionError with it when it fails. */
    private static String run(List<String> command, int seconds) throws Exception {
        Path log = Files.createTempFile("podman", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CONTAINERS_CONF", CONF.toString());
        try {
            Process process = builder.start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + seconds + " s: " + Files.readString(log));
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " failed (" + process.exitValue() + "): " + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(log); // what it said is in the answer or the failure
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the image with these extra podman arguments and waits until it is ready; returns its port. */
    private static int start(String name, List<String> arguments) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("podman", "run", "-d", "--name", name, "-p", "127.0.0.1:" + port + ":8080"));
        command.addAll(arguments);
        command.add(IMAGE);
        run(command, 60);
        CONTAINERS.add(name);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions() // not listening yet
                    .until(() -> given().port(port).when().get("/q/health/ready").statusCode() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not ready in 90 s: " + run(List.of("podman", "logs", name), 30), e);
        }
        return port;
    }

    private static String example(String file) throws Exception {
        return ContractExamples.requestBody(file);
    }

    @Test
    void the_image_serves_the_contract_as_a_non_root_user_with_its_own_rules() throws Exception {
        int port = start("eligibility-it-default", List.of());
        given().port(port).contentType(ContentType.JSON).body(example("01-mastertrack-completed-eligible.json"))
                .when().post("/api/v1/evaluations")
                .then().statusCode(200)
                .body("results[0].degreeAdmission", equalTo("ELIGIBLE"))
                .body("results[0].transfersCredit", equalTo("YES"));
        assertEquals("185", run(List.of("podman", "exec", "eligibility-it-default", "id", "-u"), 30).trim());
        assertEquals("rules", given().port(port).when().get("/api/v1/rulebase").then().extract().path("folder"));
        // The image's build proved its own rules (check) and kept them in the rulebase cache: it starts without compiling.
        assertEquals(true, given().port(port).when().get("/api/v1/rulebase").then().extract().path("lastReload.fromCache"));
        assertTrue(run(List.of("podman", "logs", "eligibility-it-default"), 30).contains("taken from the rulebase cache"));
    }

    @Test
    void the_image_runs_java_25_and_starts_with_the_rule_engine_classes_from_its_aot_cache() throws Exception {
        assertTrue(run(List.of("podman", "run", "--rm", "--entrypoint", "java", IMAGE, "-version"), 60).contains("openjdk version \"25."),
                "the image runs Debian 13's Java 25");
        // The image's JAVA_OPTS, plus a log of where each class came from.
        String javaOptions = run(List.of("podman", "image", "inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}", IMAGE), 30)
                .lines().filter(variable -> variable.startsWith("JAVA_OPTS=")).findFirst().orElseThrow().substring("JAVA_OPTS=".length());
        int port = start("eligibility-it-archive", List.of("-e", "JAVA_OPTS=" + javaOptions + " -Xlog:class+load:file=/tmp/class-load.log"));
        given().port(port).contentType(ContentType.JSON).body(example("04-professional-certificate-ace.json"))
                .when().post("/api/v1/evaluations")
                .then().statusCode(200).body("results[0].transfersCredit", equalTo("CONDITIONAL"));
        List<String> fromArchive = run(List.of("podman", "exec", "eligibility-it-archive", "cat", "/tmp/class-load.log"), 30).lines()
                .filter(line -> line.contains("source: shared objects file")).toList();
        long engine = fromArchive.stream().filter(line -> line.contains(" org.drools.") || line.contains(" org.mvel2.")).count();
        long service = fromArchive.stream().filter(line -> line.contains(" org.advising.eligibility.engine.")).count();
        assertTrue(engine > 300 && service > 10, engine + " classes of the rule engine and " + service
                + " of the service's engine package came from the image's AOT cache (/deployments/eligibility.aot)");
    }

    @Test
    void rules_mounted_over_the_rules_folder_replace_the_built_in_ones(@TempDir Path rules) throws Exception {
        RulesCopy.into(rules);
        Path values = rules.resolve("policy-values.yaml");
        Files.writeString(values, Files.readString(values).replace("  - code: DEAC\n", "  - code: QAA\n    name: Quality Assurance Agency\n  - code: DEAC\n"));
        try (var files = Files.walk(rules)) { // the container runs as uid 185: let it read the mounted copy
            files.forEach(path -> {
                path.toFile().setReadable(true, false);
                if (Files.isDirectory(path)) {
                    path.toFile().setExecutable(true, false);
                }
            });
        }
        int port = start("eligibility-it-mounted", List.of("-v", rules + ":/deployments/rules:ro"));
        String imageVersion = org.advising.eligibility.engine.folder.RulesFolder.read(Path.of("rules")).version();
        assertNotEquals(imageVersion, given().port(port).when().get("/api/v1/rulebase").then().extract().path("active.version"));
        assertEquals(false, given().port(port).when().get("/api/v1/rulebase").then().extract().path("lastReload.fromCache"),
                "other rules than the image's are compiled and proven");
        given().port(port).contentType(ContentType.JSON)
                .body("{\"learner\": {\"id\": \"l\"}, \"offerings\": [{\"id\": \"d\", \"type\": \"DEGREE\","
                        + " \"provider\": {\"name\": \"Harbour University\", \"kind\": \"UNIVERSITY\", \"accreditor\": \"QAA\"}}]}")
                .when().post("/api/v1/evaluations")
                .then().statusCode(200).body("results[0].accredited", equalTo(true));
    }

    @Test
    void the_generated_manifests_play_in_podman_and_the_pod_runs_confined_as_uid_185(@TempDir Path work) throws Exception {
        // The Deployment as generated, with this test's image, one replica, and the port on loopback (podman kube
        // play publishes hostPort), after two ConfigMaps made from rules/ as kubectl create configmap --from-file makes them.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode deployment = null;
        try (var documents = yaml.readerFor(JsonNode.class).readValues(Path.of("target/kubernetes/kubernetes.yml").toFile())) {
            while (documents.hasNext()) {
                JsonNode document = (JsonNode) documents.next();
                if (document.get("kind").asText().equals("Deployment")) {
                    deployment = (ObjectNode) document;
                }
            }
        }
        int port = freePort();
        ((ObjectNode) deployment.get("spec")).put("replicas", 1);
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.put("image", IMAGE);
        ((ObjectNode) container.at("/ports/0")).put("hostPort", port).put("hostIP", "127.0.0.1");
        Path play = work.resolve("play.yaml");
        Files.writeString(play, yaml.writeValueAsString(configMap(yaml, "eligibility-rules", Path.of("rules")))
                + yaml.writeValueAsString(configMap(yaml, "eligibility-rule-tests", Path.of("rules/tests")))
                + yaml.writeValueAsString(deployment));
        String played = run(List.of("podman", "kube", "play", play.toString()), 120);
        try {
            String name = played.lines().dropWhile(line -> !line.startsWith("Container:")).skip(1).findFirst().orElseThrow().strip();
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> given().port(port).when().get("/q/health/ready").statusCode() == 200);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("the played pod was not ready in 90 s: " + run(List.of("podman", "logs", name), 30), e);
            }
            given().port(port).contentType(ContentType.JSON).body(example("01-mastertrack-completed-eligible.json"))
                    .when().post("/api/v1/evaluations")
                    .then().statusCode(200).body("results[0].degreeAdmission", equalTo("ELIGIBLE"));
            assertTrue(run(List.of("podman", "logs", name), 30).contains("scenarios " + ShippedRules.scenarioCount() + " passed"), "compiled and proved the ConfigMaps' rules");
            assertEquals("185", run(List.of("podman", "exec", name, "id", "-u"), 30).strip());
            String confined = run(List.of("podman", "exec", name, "sh", "-c",
                    "touch /deployments/x 2>&1; grep -E '^(CapEff|Seccomp):' /proc/1/status; touch /tmp/y && echo tmp writable"), 30);
            assertTrue(confined.contains("Read-only file system"), confined);
            assertTrue(confined.contains("CapEff:\t0000000000000000"), confined);
            assertTrue(confined.contains("Seccomp:\t2"), confined); // a seccomp filter is in force
            assertTrue(confined.contains("tmp writable"), confined);
            System.out.println("ContainerImageIT: the generated manifests played in podman: ready, uid 185, read-only root, no capabilities, seccomp filter");
        } finally {
            run(List.of("podman", "kube", "down", play.toString()), 60);
        }
    }

    /** A ConfigMap of the files of a folder (not its sub-folders): text under data, a workbook under binaryData. */
    private static ObjectNode configMap(ObjectMapper yaml, String name, Path folder) throws IOException {
        ObjectNode map = yaml.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        map.putObject("metadata").put("name", name);
        ObjectNode data = map.putObject("data");
        ObjectNode binary = yaml.createObjectNode();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = file.getFileName().toString();
                if (key.endsWith(".xlsx")) {
                    binary.put(key, java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
                } else {
                    data.put(key, Files.readString(file));
                }
            }
        }
        if (!binary.isEmpty()) {
            map.set("binaryData", binary);
        }
        return map;
    }
}
