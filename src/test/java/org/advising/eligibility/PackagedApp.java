package org.advising.eligibility;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged application (target/quarkus-app) as an operator or a policy author would, compiling quickly. */
final class PackagedApp {

    record Run(int exitCode, String output) {
    }

    /**
     * The JVM compiles only quickly (C1), as docs/rules.md advises for {@code check}, {@code impact} and
     * {@code evaluate} on a few thousand requests: the same commands, about a third less CPU for these short runs.
     */
    private static final String QUICK_COMPILER = "-XX:TieredStopAtLevel=1";

    private PackagedApp() {
    }

    /** Runs the jar with these arguments and environment until it exits by itself (at most a minute). */
    static Run run(Path workFolder, Map<String, String> environment, String... arguments) throws Exception {
        return run(workFolder, environment, List.of(), arguments);
    }

    /** The same, with these options for the JVM (a heap limit, say). */
    static Run run(Path workFolder, Map<String, String> environment, List<String> jvmOptions, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add(QUICK_COMPILER);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(workFolder, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        RulebaseCacheHome.keepNoneUnlessNamed(environment, builder.environment());
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("still running after a minute: " + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            process.destroyForcibly();
        }
    }
}
