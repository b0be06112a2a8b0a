package org.advising.eligibility;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The packaged service running in its own JVM, as a pod runs it: the JVM options of the
 * Dockerfile, with {@code -XX:MaxRAM} standing for the pod's 512 MiB memory limit; on a free port
 * of 127.0.0.1, answering by the time the constructor returns.
 */
public final class RunningService implements AutoCloseable {

    /** The service as {@code ./mvnw package} builds it. */
    public static final Path APP = Path.of("target/quarkus-app/quarkus-run.jar");
    /** The class-data archive {@code ./mvnw package} records for the README's run command. */
    public static final Path CLASS_ARCHIVE = Path.of("target/quarkus-app/app-cds.jsa");
    static final List<String> JVM_OPTIONS = List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=50",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");

    private static final Duration ANSWER_TIME = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    public final int port;
    /** Milliseconds from starting the JVM to the first answered evaluation. */
    public final long millisToFirstAnswer;

    /** Starts {@code app} with this environment and waits until it answers {@code firstRequest} with 200. */
    public RunningService(Path app, Map<String, String> environment, String firstRequest) throws Exception {
        this(app, environment, firstRequest, List.of());
    }

    /** The same, the JVM started through {@code launcher} (such as setpriv, to run as another user). */
    public RunningService(Path app, Map<String, String> environment, String firstRequest, List<String> launcher) throws Exception {
        this(command(app, launcher), environment, firstRequest);
    }

    /**
     * The README's run command: the JVM on the PATH with the class-data archive {@code ./mvnw package}
     * recorded, and these JVM options (no others), in this environment.
     */
    public static RunningService readmeCommand(List<String> jvmOptions, Map<String, String> environment, String firstRequest) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("java", "-XX:SharedArchiveFile=" + CLASS_ARCHIVE));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", APP.toString()));
        return new RunningService(command, environment, firstRequest);
    }

    private RunningService(List<String> command, Map<String, String> environment, String firstRequest) throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        log = Files.createTempFile("service", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        RulebaseCacheHome.keepNoneUnlessNamed(environment, builder.environment());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        long started = System.nanoTime();
        process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .failFast("the service exited", () -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                    .until(() -> post(client, "/api/v1/evaluations", firstRequest).statusCode() == 200);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException("the service did not answer: " + Files.readString(log), e);
        }
        millisToFirstAnswer = (System.nanoTime() - started) / 1_000_000;
    }

    private static List<String> command(Path app, List<String> launcher) {
        List<String> command = new java.util.ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        // Set by the integration tests that check answers, not speed (pom.xml: C1 only); empty for those that measure load.
        String quick = System.getProperty("it.service.jvm.options", "").strip();
        if (!quick.isEmpty()) {
            command.addAll(List.of(quick.split("\\s+")));
        }
        command.addAll(List.of("-jar", app.toString()));
        return command;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** POSTs JSON; a service that has not answered in 30 s fails the call instead of hanging the test. */
    public HttpResponse<String> post(HttpClient client, String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(ANSWER_TIME).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An admin reload with this token; no time limit, as a reload takes as long as the compile and the scenarios. */
    public HttpResponse<String> reload(HttpClient client, String adminToken) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url("/api/v1/rulebase/reload"))).header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs, with the same 30 s limit. */
    public HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(ANSWER_TIME).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A line of /proc/PID/status in MiB, e.g. "VmRSS" (resident now) or "VmHWM" (resident at most so far). */
    public double memoryMiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no " + field + " in /proc status");
    }

    /** Everything the service has logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The JVM's process id, e.g. to read its CPU time from /proc/PID/stat. */
    public long pid() {
        return process.pid();
    }

    /** Whether the JVM is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    /** A number the service logged, found by the first group of {@code pattern}. */
    public String logged(Pattern pattern) throws IOException {
        Matcher matcher = pattern.matcher(Files.readString(log));
        return matcher.find() ? matcher.group(1) : "?";
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
        Files.deleteIfExists(log);
    }
}
