package org.advising.eligibility.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advising.eligibility.RunningService;
import org.advising.eligibility.ShippedRules;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every benchmark of docs/performance.md, printed as one table: in-process evaluations (JMH),
 * scaling with rules and offerings, HTTP against the packaged service and its no-rules ceiling
 * (wrk), and the footprint. It measures and prints; it asserts only that what it compares gives
 * the same answers. Run with {@code ./mvnw verify -Pbench}.
 */
@Tag("benchmark")
class PerformanceBenchmarkIT {

    private static final List<String> ROWS = new ArrayList<>();
    private static final int HTTP_SECONDS = 10;
    /** The JVM options of every JMH fork and CpuTime run: the heap, and the service's log manager. */
    private static final List<String> FORK_OPTIONS = List.of("-Xmx1g", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    /** The benchmark build of the service, with the ceiling endpoint (the profile builds into target/bench). */
    private static final Path BENCH_APP = Path.of("target/bench/quarkus-app/quarkus-run.jar");

    @Test
    void print_every_benchmark_as_one_table() throws Exception {
        long started = System.nanoTime();
        inProcess();
        scalingWithRules();
        scalingWithOfferings();
        transferOptions();
        proofs();
        httpAndFootprint();
        transferOptionsOverHttp();
        image();
        row("the benchmark", "the whole run, in this JVM (the build before it not counted)",
                "%.1f min".formatted((System.nanoTime() - started) / 60e9), "≤ 30 min");
        String table = "| area | measure | result | target |\n| --- | --- | ---: | --- |\n" + String.join("\n", ROWS) + "\n";
        Files.writeString(Path.of("target/bench/results.md"), machine() + "\n\n" + table);
        System.out.printf("%n%s%n%n%s%n(also in target/bench/results.md)%n", machine(), table);
    }

    private static void inProcess() throws Exception {
        Map<String, Double> evaluationsPerSecond = new java.util.HashMap<>();
        // The service's own rows in three forks; the bare session strategies, which only compare Drools' ways, in two.
        List<RunResult> inProcess = new ArrayList<>(jmh(EvaluationBenchmark.class.getName() + ".service.*", Mode.Throughput, 5, 5, 3, true));
        inProcess.addAll(jmh(EvaluationBenchmark.class.getName() + ".session.*", Mode.Throughput, 5, 5, 2, true));
        for (RunResult run : inProcess) {
            String name = run.getParams().getBenchmark().replaceAll(".*\\.", "");
            double evaluations = run.getPrimaryResult().getScore();
            evaluationsPerSecond.put(name, evaluations);
            Result<?> bytes = run.getSecondaryResults().get("gc.alloc.rate.norm");
            row("in-process, 5 offerings, 1 thread", name + ": offering decisions/s",
                    "%s (%,.0f ± %,.0f evaluations/s, %,.0f bytes/evaluation)".formatted(decisions(run), evaluations,
                            run.getPrimaryResult().getScoreError(), bytes.getScore()), name.equals("service") ? "≥ 100,000" : "");
        }
        row("in-process, 5 offerings, 1 thread", "cost of naming 3 institutions, per evaluation", "+%.0f%%".formatted(
                100 * (evaluationsPerSecond.get("service") / evaluationsPerSecond.get("serviceThreeInstitutions") - 1)), "≤ +30%");
        row("in-process, 5 offerings, 1 thread", "cost of next steps (3 institutions), per request", "×%.0f".formatted(
                evaluationsPerSecond.get("serviceThreeInstitutions") / evaluationsPerSecond.get("serviceThreeInstitutionsNextSteps")),
                "≤ ×20");
        row("in-process, 5 offerings, 1 thread", "time to next steps with one helper thread (as on 2 cores), per request", "×%.0f".formatted(
                evaluationsPerSecond.get("serviceThreeInstitutions") / evaluationsPerSecond.get("serviceThreeInstitutionsNextStepsTwoThreads")),
                "");
        // JMH's wall-clock rows above move by a third between forks even on an idle machine; the measuring thread's CPU
        // time stays put while other processes come and go, so builds and the cost of institutions compare by these.
        // Both in one JVM, their rounds alternated: each pair of rounds shares the machine's state of the moment.
        String printed = cpuTime("service,three", 300);
        double[] service = numbers(printed, "service: .*min ([0-9.]+), p10 ([0-9.]+), median ([0-9.]+)");
        double[] three = numbers(printed, "three: .*min ([0-9.]+), p10 ([0-9.]+), median ([0-9.]+)");
        double[] ratio = numbers(printed, "ratio of alternated rounds: p10 ×([0-9.]+), median ×([0-9.]+), p90 ×([0-9.]+)");
        row("in-process, 5 offerings, 1 thread", "service: CPU time per evaluation (CpuTime, 300 rounds of 100)", cpu(service, "µs"), "");
        row("in-process, 5 offerings, 1 thread", "serviceThreeInstitutions: CPU time per evaluation (CpuTime, 300 rounds alternated with service's)",
                cpu(three, "µs"), "");
        row("in-process, 5 offerings, 1 thread", "cost of naming 3 institutions, in CPU time (median of 300 alternated pairs of rounds)",
                "+%.0f%% (p10 +%.0f%%, p90 +%.0f%%)".formatted(100 * (ratio[1] - 1), 100 * (ratio[0] - 1), 100 * (ratio[2] - 1)), "≤ +30%");
        for (RunResult run : jmh(EvaluationBenchmark.class.getName() + ".service$", Mode.SampleTime, 5, 5, 2, false)) {
            var statistics = run.getPrimaryResult().getStatistics();
            row("in-process, 5 offerings, 1 thread", "service: latency per evaluation",
                    "p50 %.0f µs, p99 %.0f µs".formatted(statistics.getPercentile(50), statistics.getPercentile(99)), "");
        }
        for (RunResult run : jmh(MetricsCostBenchmark.class.getName() + ".*", Mode.AverageTime, 5, 5, 2, false)) {
            row("in-process, 5 offerings, 1 thread", "recording the metrics of one evaluation",
                    "%.0f ± %.0f ns".formatted(run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreError()), "");
        }
    }

    /**
     * Compile time and retained heap here, throughput in JMH forks, for both shapes of generated rules
     * ({@link GeneratedRules.Shape}); "real" is rules/ alone.
     */
    private static void scalingWithRules() throws Exception {
        compile(Path.of("rules")); // warms this JVM up, so the first size measured pays no class loading
        List<String> sizes = List.of("100", "1000", "10000");
        List<String> shapes = List.of("joined", "indexed");
        java.util.Map<String, String> built = new java.util.HashMap<>();
        built.put("real", measureCompile(Path.of("rules"), ShippedRules.ruleCount(), ShippedRules.ruleCount() + " rules (real)"));
        for (String shape : shapes) {
            for (String size : sizes) {
                Path folder = GeneratedRules.write(Path.of("target/bench/rules-" + shape + "-" + size), Integer.parseInt(size),
                        GeneratedRules.Shape.valueOf(shape.toUpperCase(java.util.Locale.ROOT)));
                built.put(shape + size, measureCompile(folder, Integer.parseInt(size), size + " rules, " + shape));
            }
        }
        RunResult real = jmh(options(5, 5).include(ScalingBenchmark.class.getName() + ".evaluate")
                .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)).iterator().next();
        row("scaling with rules, 5 offerings", built.get("real"), decisions(real), "");
        // One fork per size and shape: each fork compiles its rulebase (38 s for 10,000 joined rules on a busy day), and
        // the sweep in two forks took 9.5 of the run's 35.7 minutes on 2026-12-06; the error is then the iterations'.
        Collection<RunResult> runs = jmh(options(5, 5).forks(1).include(ScalingBenchmark.class.getName())
                .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).param("rules", sizes.toArray(String[]::new))
                .param("shape", shapes.toArray(String[]::new)));
        for (String shape : shapes) {
            for (String size : sizes) {
                RunResult run = runs.stream().filter(result -> result.getParams().getParam("rules").equals(size)
                        && result.getParams().getParam("shape").equals(shape)).findFirst().orElseThrow();
                row("scaling with rules, 5 offerings", built.get(shape + size), decisions(run),
                        size.equals("10000") ? "compile < 30 s" + (shape.equals("indexed") ? "; sub-linear" : "") : "");
            }
        }
    }

    /** Compiles the folder (of this many rules) and says, after the label, how long it took and how much heap the rulebase keeps. */
    private static String measureCompile(Path folder, int rules, String label) throws Exception {
        Runtime.getRuntime().gc();
        long heapBefore = heapUsed();
        long started = System.nanoTime();
        Rulebase rulebase = compile(folder);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Runtime.getRuntime().gc();
        long retained = heapUsed() - heapBefore;
        assertEquals(rules, rulebase.rules().size(), folder.toString());
        return "%s: compiled in %,d ms, %.1f MiB of heap".formatted(label, millis, retained / 1048576.0);
    }

    /** A JMH throughput of evaluations of the 5-offering request as offering decisions per second, with its error. */
    private static String decisions(RunResult run) {
        return "%,.0f ± %,.0f offering decisions/s".formatted(run.getPrimaryResult().getScore() * BenchRequests.MIXED,
                run.getPrimaryResult().getScoreError() * BenchRequests.MIXED);
    }

    private static void scalingWithOfferings() throws Exception {
        Collection<RunResult> runs = jmh(options(5, 5).forks(1).include(ScalingBenchmark.class.getName())
                .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).param("offerings", "1", "10", "100", "500"));
        for (RunResult run : runs.stream().sorted(java.util.Comparator.comparingInt(
                result -> Integer.parseInt(result.getParams().getParam("offerings")))).toList()) {
            int offerings = Integer.parseInt(run.getParams().getParam("offerings"));
            double evaluations = run.getPrimaryResult().getScore();
            row("scaling with offerings, real rules", offerings + " offerings per request",
                    "%,.0f ± %,.0f offering decisions/s (%,.1f µs per evaluation)".formatted(evaluations * offerings,
                            run.getPrimaryResult().getScoreError() * offerings, 1e6 / evaluations), "");
        }
    }

    /**
     * Transfer options (TO) for the five offerings against generated institutions files
     * ({@link org.advising.eligibility.GeneratedInstitutions}, seed 42) of 200, 2,000 and 20,000
     * institutions: the time of a request on one thread, what it allocates, the growth, and what the
     * largest file costs to compile and keep.
     */
    /** Credential proofs (LC-8), nothing kept between checks: a badge with one proof, a CLR with eight. */
    private static void proofs() throws Exception {
        for (RunResult run : jmh(options(3, 5).include(ProofBenchmark.class.getName()).mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS).addProfiler(GCProfiler.class))) {
            String name = run.getParams().getBenchmark().replaceAll(".*\\.", "");
            row("credential proofs, 1 thread, nothing kept", name.equals("badge") ? "verify a badge (1 proof)" : "verify a CLR with 8 proofs",
                    "%.1f ± %.1f ms (%.1f MB allocated)".formatted(run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreError(),
                            run.getSecondaryResults().get("gc.alloc.rate.norm").getScore() / 1e6), "");
        }
    }

    private static void transferOptions() throws Exception {
        String area = "transfer options, 5 offerings, 1 thread";
        Map<Integer, Double> millis = new java.util.TreeMap<>();
        Collection<RunResult> runs = jmh(options(3, 5).include(TransferOptionsBenchmark.class.getName()).mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS).param("institutions", "200", "2000", "20000").addProfiler(GCProfiler.class));
        for (RunResult run : runs.stream().sorted(java.util.Comparator.comparingInt(
                result -> Integer.parseInt(result.getParams().getParam("institutions")))).toList()) {
            int institutions = Integer.parseInt(run.getParams().getParam("institutions"));
            millis.put(institutions, run.getPrimaryResult().getScore());
            row(area, "%,d institutions: time per request".formatted(institutions), "%.1f ± %.1f ms (%.0f MB allocated)".formatted(
                    run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreError(),
                    run.getSecondaryResults().get("gc.alloc.rate.norm").getScore() / 1e6), institutions == 2000 ? "≤ 50 ms" : institutions == 20000 ? "≤ 100 ms" : "");
        }
        double[] at20000 = numbers(cpuTime("to20000", 60), "min ([0-9.]+), p10 ([0-9.]+), median ([0-9.]+)");
        row(area, "20,000 institutions: CPU time per request (CpuTime, 60 rounds of 2)", cpu(at20000, "ms"), "≤ 100 ms");
        row(area, "growth from 200 to 2,000 and to 20,000 institutions", "×%.1f and ×%.1f".formatted(millis.get(2000) / millis.get(200),
                millis.get(20000) / millis.get(200)), "linear or better (×10, ×100)");
        Path folder = org.advising.eligibility.GeneratedInstitutions.rulesFolder(Path.of("target/bench/rules-institutions-20000"), 20_000, 42);
        row(area, measureCompile(folder, ShippedRules.ruleCount(), "rules/ with 20,000 institutions"), "", "< 10 s");
    }

    /** The same request posted to /api/v1/transfer-options of the service started on 2,000 generated institutions. */
    private static void transferOptionsOverHttp() throws Exception {
        Path folder = org.advising.eligibility.GeneratedInstitutions.rulesFolder(Path.of("target/bench/rules-institutions-2000"), 2_000, 42);
        String body = BenchRequests.json(BenchRequests.MIXED).put("limit", 20).toString();
        try (RunningService service = new RunningService(BENCH_APP, Map.of("ELIGIBILITY_RULES_FOLDER", folder.toAbsolutePath().toString()),
                BenchRequests.body(BenchRequests.MIXED))) {
            String options = service.url("/api/v1/transfer-options");
            Wrk wrk = new Wrk(body);
            wrk.load(options, 2, 5); // warm-up
            for (int connections : List.of(1, 2)) {
                row("HTTP, transfer options, 5 offerings, 2,000 institutions, " + connections + (connections == 1 ? " connection" : " connections"),
                        "service", http(wrk.load(options, connections, HTTP_SECONDS)), "median ≤ 100 ms");
            }
        }
    }

    private static void httpAndFootprint() throws Exception {
        String body = BenchRequests.body(BenchRequests.MIXED);
        try (RunningService service = new RunningService(BENCH_APP, Map.of(), body)) {
            Thread.sleep(3_000);
            double idle = service.memoryMiB("VmRSS");
            HttpClient client = HttpClient.newHttpClient();
            String answer = service.post(client, "/api/v1/evaluations", body).body();
            assertEquals(answer, service.post(client, "/bench/ceiling", body).body(), "the ceiling must write the same JSON");
            Wrk wrk = new Wrk(body);
            String ceiling = service.url("/bench/ceiling");
            String evaluations = service.url("/api/v1/evaluations");
            wrk.load(ceiling, 16, 8); // warm-up of both paths
            wrk.load(evaluations, 16, 8);
            for (int connections : List.of(1, 16)) {
                Wrk.Result top = wrk.load(ceiling, connections, HTTP_SECONDS);
                Wrk.Result real = wrk.load(evaluations, connections, HTTP_SECONDS);
                String area = "HTTP, 5 offerings, " + connections + (connections == 1 ? " connection" : " connections");
                row(area, "ceiling (same JSON, no rules)", http(top), "");
                row(area, "service", http(real), connections == 16 ? "p99 < 5 ms" : "");
                row(area, "service / ceiling", "%.0f%%".formatted(100 * real.requestsPerSecond() / top.requestsPerSecond()), "≥ 80%");
            }
            nextStepsOverHttp(evaluations);
            double underLoad = service.memoryMiB("VmRSS");
            row("footprint", "startup to first answered request", "%,d ms (Quarkus started in %s s, rulebase loaded in %s ms)"
                    .formatted(service.millisToFirstAnswer, service.logged(Pattern.compile("started in ([0-9.]+)s")),
                            service.logged(Pattern.compile("activated \\(startup\\).*\\(([0-9]+) ms\\)"))), "< 2 s");
            row("footprint", "RSS idle, after the first answer", "%.0f MiB".formatted(idle), "");
            long[] fromCache = startupFromCache(body);
            row("footprint", "startup to first answered request, from the rulebase cache", "median %,d ms of %s".formatted(fromCache[2],
                    java.util.Arrays.stream(fromCache).mapToObj(value -> "%,d".formatted(value)).collect(java.util.stream.Collectors.joining(" / "))),
                    "< 2 s");
            row("footprint", "restart from the rulebase cache / first start (medians)", "%.0f%%".formatted(100.0 * fromCache[2]
                    / service.millisToFirstAnswer), "≤ 60%");
            row("footprint", "RSS under load: at the end / highest", "%.0f / %.0f MiB".formatted(underLoad,
                    service.memoryMiB("VmHWM")), "< 256 MB");
        }
    }

    /**
     * The request with three institutions with and without its next steps (NS), one connection at a
     * time: what a portal waits for, and the cost of the steps as the ratio of the two medians.
     */
    private static void nextStepsOverHttp(String evaluations) throws Exception {
        var request = BenchRequests.json(BenchRequests.MIXED);
        request.putArray("receivingInstitutions").add("example-state").add("lakeside-cc").add("harbor-grad");
        Wrk plain = new Wrk(request.toString());
        Wrk withSteps = new Wrk(request.put("nextSteps", true).toString());
        plain.load(evaluations, 1, 5); // warm-up of both
        withSteps.load(evaluations, 1, 5);
        Wrk.Result without = plain.load(evaluations, 1, HTTP_SECONDS);
        Wrk.Result with = withSteps.load(evaluations, 1, HTTP_SECONDS);
        String area = "HTTP, 5 offerings, 3 institutions, 1 connection";
        row(area, "service", http(without), "");
        row(area, "service with next steps", http(with), "");
        row(area, "cost of next steps (median time)", "×%.1f".formatted(with.p50Millis() / without.p50Millis()), "≤ ×20");
    }

    /** Five starts on an unchanged rules folder after a first one that filled the rulebase cache: each time to the first answer, in order of start, then sorted. */
    private static long[] startupFromCache(String body) throws Exception {
        Path cache = Files.createTempDirectory("rulebase-cache");
        try {
            return startupFromCache(body, cache);
        } finally {
            org.advising.eligibility.Folders.delete(cache);
        }
    }

    private static long[] startupFromCache(String body, Path cache) throws Exception {
        Map<String, String> environment = Map.of("ELIGIBILITY_RULES_CACHE_FOLDER", cache.toString());
        try (RunningService first = new RunningService(BENCH_APP, environment, body)) {
            // The first start fills the cache just after it activates the rulebase.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> first.logged(Pattern.compile("(kept in the rulebase cache)")).equals("kept in the rulebase cache"));
        }
        long[] millis = new long[5];
        for (int start = 0; start < 5; start++) {
            try (RunningService service = new RunningService(BENCH_APP, environment, body)) {
                millis[start] = service.millisToFirstAnswer;
            }
        }
        java.util.Arrays.sort(millis);
        return millis;
    }

    /**
     * The container image (Java 25), where root, podman and debootstrap are there: from {@code podman
     * run} to the first answer, three starts each compiling the rules (an empty rulebase cache), from
     * the image's rulebase cache without its AOT cache, and with both as the image starts; then the
     * resident memory under load with the pod's settings (512 MiB, one CPU).
     */
    private static void image() throws Exception {
        if (!Boolean.getBoolean("bench.image")) { // building the image alone takes up to a quarter of an hour
            row("image (Java 25)", "first answer", "not measured: run with -Dbench.image=true (ContainerImageIT checks the image)", "");
            return;
        }
        if (!System.getProperty("user.name").equals("root") || !Podman.available()) {
            row("image (Java 25)", "first answer", "not measured: needs root, podman and debootstrap", "");
            return;
        }
        Podman podman = Podman.build("localhost/eligibility-service:bench");
        String body = BenchRequests.body(BenchRequests.MIXED);
        String options = podman.javaOptions();
        String noAot = "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar";
        row("image (Java 25)", "first answer, compiling the rules (empty rulebase cache), with the AOT cache",
                podman.firstAnswers(body, List.of("-e", "ELIGIBILITY_RULES_CACHE_FOLDER=/tmp/empty-cache"), null), "");
        row("image (Java 25)", "first answer, from the rulebase cache, without the AOT cache", podman.firstAnswers(body, List.of(), noAot), "");
        row("image (Java 25)", "first answer, from the rulebase cache, with the AOT cache (as the image starts)",
                podman.firstAnswers(body, List.of(), null), "");
        row("image (Java 25)", "RSS under load (16 connections, 10 s), the pod's 512 MiB and one CPU: at the end / highest",
                podman.memoryUnderLoad(body, List.of("-e", "JAVA_OPTS=" + options + " -XX:MaxRAM=512m -XX:ActiveProcessorCount=1"),
                        new Wrk(body), HTTP_SECONDS), "< 256 MB");
        podman.remove();
    }

    /**
     * What {@link CpuTime} prints, run in a JVM of its own with the JMH forks' options on this class path (its output
     * also stays in target/bench).
     */
    private static String cpuTime(String modes, int rounds) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(FORK_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CpuTime.class.getName(), modes, String.valueOf(rounds)));
        Path output = Path.of("target/bench/cputime-" + modes.replace(',', '-') + ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("CpuTime " + modes + " still running after 10 minutes; its output: " + output);
            }
        } finally {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("CpuTime " + modes + " failed:\n" + Files.readString(output));
        }
        return Files.readString(output);
    }

    /** The three numbers of a line CpuTime printed. */
    private static double[] numbers(String printed, String line) {
        Matcher found = Pattern.compile(line).matcher(printed);
        if (!found.find()) {
            throw new IllegalStateException("CpuTime printed no line like " + line + ":\n" + printed);
        }
        return new double[] {Double.parseDouble(found.group(1)), Double.parseDouble(found.group(2)), Double.parseDouble(found.group(3))};
    }

    /** CpuTime's numbers in µs, or in ms. */
    private static String cpu(double[] micros, String unit) {
        double scale = unit.equals("ms") ? 1000 : 1;
        return "min %.1f %s, p10 %.1f %s, median %.1f %s".formatted(micros[0] / scale, unit, micros[1] / scale, unit, micros[2] / scale, unit);
    }

    private static String http(Wrk.Result result) {
        return "%,.0f requests/s, p50 %.2f ms, p99 %.2f ms".formatted(result.requestsPerSecond(), result.p50Millis(),
                result.p99Millis());
    }

    private static Rulebase compile(Path folder) throws Exception {
        return new RulebaseCompiler().compile(RulesFolder.read(folder));
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void row(String area, String measure, String result, String target) {
        ROWS.add("| %s | %s | %s | %s |".formatted(area, measure, result, target));
    }

    private static Collection<RunResult> jmh(String include, Mode mode, int warmups, int measurements, int forks, boolean gc)
            throws Exception {
        ChainedOptionsBuilder options = options(warmups, measurements).forks(forks).include(include).mode(mode)
                .timeUnit(mode == Mode.SampleTime ? TimeUnit.MICROSECONDS : mode == Mode.AverageTime ? TimeUnit.NANOSECONDS
                        : TimeUnit.SECONDS);
        if (gc) {
            options.addProfiler(GCProfiler.class);
        }
        return jmh(options);
    }

    private static Collection<RunResult> jmh(ChainedOptionsBuilder options) throws Exception {
        return new Runner(options.build()).run();
    }

    private static ChainedOptionsBuilder options(int warmups, int measurements) {
        // Two forks: one JVM's JIT can settle on a slower plan than the next; the error bars cover both. Three for the
        // service's own rows (above) only, so that the whole run ends within 30 minutes on 2 cores.
        return new OptionsBuilder()
                .forks(2).threads(1)
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(2))
                .measurementIterations(measurements).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend(FORK_OPTIONS.toArray(String[]::new))
                .shouldFailOnError(true);
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.replaceAll(".*:\\s*", "")).orElse("unknown CPU");
        return "Machine: %d cores (%s), %s %s, %.0f GiB of memory.".formatted(Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / 1073741824.0);
    }
}
