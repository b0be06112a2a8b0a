package org.advising.eligibility.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The container image as the benchmark starts it with podman (set up as the container test sets it up). */
final class Podman {

    private static final Path CONF = Path.of(System.getProperty("user.home"), ".cache/eligibility-images/containers.conf");
    private static final String NAME = "eligibility-bench";
    private static final int PORT = 18_282;

    private final String image;

    private Podman(String image) {
        this.image = image;
    }

    static boolean available() throws Exception {
        return run(List.of("sh", "-c", "command -v podman && command -v debootstrap"), 30).exitCode() == 0;
    }

    /** Builds the image from the Dockerfile (src/test/container/build-image.sh). */
    static Podman build(String image) throws Exception {
        Outcome built = run(List.of("src/test/container/build-image.sh", image), 900);
        if (built.exitCode() != 0) {
            throw new IllegalStateException("the image did not build:\n" + built.output());
        }
        return new Podman(image);
    }

    /** The image's JAVA_OPTS. */
    String javaOptions() throws Exception {
        return run(List.of("podman", "image", "inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}", image), 30).output()
                .lines().filter(variable -> variable.startsWith("JAVA_OPTS=")).findFirst().orElseThrow().substring("JAVA_OPTS=".length());
    }

    /** Three starts, each from {@code podman run} to the first answered evaluation; {@code shellCommand} replaces the image's java command when given. */
    String firstAnswers(String body, List<String> runOptions, String shellCommand) throws Exception {
        long[] millis = new long[3];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            start(runOptions, shellCommand, body);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            stop();
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return "median %,d ms of %s".formatted(sorted[1], Arrays.stream(millis).mapToObj(value -> "%,d".formatted(value))
                .collect(Collectors.joining(" / ")));
    }

    /** VmRSS at the end and VmHWM of the container's JVM after a warm-up and {@code seconds} of load at 16 connections. */
    String memoryUnderLoad(String body, List<String> runOptions, Wrk wrk, int seconds) throws Exception {
        start(runOptions, null, body);
        try {
            String url = "http://127.0.0.1:" + PORT + "/api/v1/evaluations";
            wrk.load(url, 16, 8);
            Wrk.Result load = wrk.load(url, 16, seconds);
            String pid = run(List.of("podman", "inspect", "--format", "{{.State.Pid}}", NAME), 30).output().strip();
            List<String> status = Files.readAllLines(Path.of("/proc", pid, "status"));
            return "%s / %s MiB (%,.0f requests/s, p99 %.2f ms)".formatted(mebibytes(status, "VmRSS"), mebibytes(status, "VmHWM"),
                    load.requestsPerSecond(), load.p99Millis());
        } finally {
            stop();
        }
    }

    void remove() throws Exception {
        run(List.of("podman", "rmi", "-f", image), 60);
    }

    private static String mebibytes(List<String> status, String field) {
        return status.stream().filter(line -> line.startsWith(field + ":")).findFirst()
                .map(line -> Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)).orElse("?");
    }

    private void start(List<String> runOptions, String shellCommand, String body) throws Exception {
        List<String> command = new ArrayList<>(List.of("podman", "run", "-d", "--name", NAME, "-p", "127.0.0.1:" + PORT + ":8080"));
        command.addAll(runOptions);
        if (shellCommand != null) {
            command.addAll(List.of("--entrypoint", "sh", image, "-c", shellCommand));
        } else {
            command.add(image);
        }
        Outcome started = run(command, 60);
        if (started.exitCode() != 0) {
            throw new IllegalStateException("podman run failed:\n" + started.output());
        }
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/v1/evaluations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(20)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private void stop() throws Exception {
        run(List.of("podman", "rm", "-f", NAME), 60);
    }

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome run(List<String> command, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CONTAINERS_CONF", CONF.toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after " + seconds + " s: " + command);
        }
        return new Outcome(process.exitValue(), new String(output, java.nio.charset.StandardCharsets.UTF_8));
    }
}
