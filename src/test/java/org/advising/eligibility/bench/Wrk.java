package org.advising.eligibility.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The wrk load generator (Debian package {@code wrk}), posting one JSON body over and over. */
final class Wrk {

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests) {
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
    private static final Pattern FAILURES = Pattern.compile("(Non-2xx or 3xx responses|Socket errors):.*");

    private final Path script;

    Wrk(String body) throws Exception {
        ensureInstalled();
        Path bodyFile = Files.createTempFile("wrk-body", ".json");
        Files.writeString(bodyFile, body);
        script = Files.createTempFile("wrk-post", ".lua");
        Files.writeString(script, """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                local file = io.open("%s", "r")
                wrk.body = file:read("*a")
                file:close()
                """.formatted(bodyFile));
    }

    /** Installs Debian's wrk when it is missing and this runs as root, as .ci/run installs its tools. */
    private static void ensureInstalled() throws Exception {
        if (run(List.of("sh", "-c", "command -v wrk")).exitCode == 0) {
            return;
        }
        Outcome installed = run(List.of("sh", "-c", "[ \"$(id -u)\" = 0 ] && apt-get update -qq && "
                + "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk"));
        if (installed.exitCode != 0) {
            throw new IllegalStateException("The HTTP benchmark needs wrk: apt-get install wrk\n" + installed.output);
        }
    }

    /** Loads {@code url} with {@code connections} connections for {@code seconds}; any failed request is an error. */
    Result load(String url, int connections, int seconds) throws Exception {
        Outcome wrk = run(List.of("wrk", "-t" + Math.min(connections, 2), "-c" + connections, "-d" + seconds + "s",
                "--latency", "-s", script.toString(), url));
        Matcher failures = FAILURES.matcher(wrk.output);
        if (wrk.exitCode != 0 || failures.find()) {
            throw new IllegalStateException("wrk saw failed requests:\n" + wrk.output);
        }
        return new Result(number(RATE, wrk.output), percentile("50", wrk.output), percentile("99", wrk.output),
                (long) number(TOTAL, wrk.output));
    }

    private static double percentile(String which, String output) {
        Matcher matcher = Pattern.compile("\\s" + which + "%\\s+([0-9.]+)(us|ms|s)\\b").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + which + "th percentile in:\n" + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            default -> value * 1000;
        };
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Outcome(process.waitFor(), output);
    }
}
