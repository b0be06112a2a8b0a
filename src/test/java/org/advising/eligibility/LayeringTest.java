package org.advising.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's layout, as docs/architecture.md states it, read off the sources: calls flow one way
 * (api → decisions → intake → nextsteps, options and credentials → engine's stages → model), only api/ speaks HTTP
 * (JAX-RS, Vert.x, Mutiny), problems/ alone turns refusals into HTTP statuses for api/ and cli/, cli/ never uses api/, and no
 * package but model/ holds more than 15 classes.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/org/advising/eligibility");
    private static final Set<String> ENGINE = Set.of("engine.folder", "engine.compile", "engine.evaluate", "engine.prove", "engine.activate");
    /** Per package, the project's packages it may import (its own and the root package's configuration always). */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("engine.folder", Set.of("model")),
            Map.entry("engine.compile", Set.of("engine.folder", "model")),
            Map.entry("engine.evaluate", Set.of("engine.folder", "engine.compile", "model")),
            Map.entry("engine.prove", Set.of("engine.folder", "engine.compile", "engine.evaluate", "model")),
            Map.entry("engine.activate", union(ENGINE, Set.of("model"))),
            Map.entry("nextsteps", Set.of("engine.compile", "engine.evaluate", "model")),
            Map.entry("options", Set.of("engine.compile", "engine.evaluate", "model")),
            Map.entry("credentials.proof", Set.of("engine.folder", "model")),
            Map.entry("credentials", Set.of("credentials.proof", "engine.folder", "model")),
            Map.entry("ops", union(ENGINE, Set.of("model"))),
            Map.entry("intake", union(ENGINE, Set.of("nextsteps", "credentials", "credentials.proof", "model"))),
            Map.entry("decisions", union(ENGINE, Set.of("intake", "nextsteps", "options", "credentials", "credentials.proof", "model", "ops"))),
            Map.entry("problems", Set.of("decisions", "intake")),
            Map.entry("cli", union(ENGINE, Set.of("intake", "decisions", "problems", "nextsteps", "options", "credentials", "credentials.proof", "model", "ops"))),
            Map.entry("api", Set.of("api.openapi", "intake", "decisions", "problems", "nextsteps", "options", "credentials", "credentials.proof", "model", "ops")),
            Map.entry("api.openapi", Set.of("intake", "decisions", "problems")));
    private static final Pattern PROJECT_IMPORT = Pattern.compile("(?m)^import (?:static )?org\\.advising\\.eligibility\\.([a-z.]+)\\.[A-Z]");
    private static final Pattern HTTP_IMPORT = Pattern.compile("(?m)^import (?:static )?(jakarta\\.ws\\.rs|io\\.vertx|io\\.smallrye\\.mutiny|io\\.quarkus\\.vertx)\\.");

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new java.util.HashSet<>(a);
        both.addAll(b);
        return both;
    }

    @Test
    void calls_flow_one_way_only_api_speaks_http_and_packages_stay_small() throws IOException {
        Map<String, Integer> classes = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                if (pkg.isEmpty()) {
                    continue; // the root package: the application's entry point and its configuration
                }
                classes.merge(pkg, 1, Integer::sum);
                String source = Files.readString(file);
                Set<String> allowed = MAY_USE.get(pkg);
                if (allowed == null) {
                    wrong.add(file + ": a package docs/architecture.md does not name");
                    continue;
                }
                Matcher used = PROJECT_IMPORT.matcher(source);
                while (used.find()) {
                    if (!used.group(1).equals(pkg) && !allowed.contains(used.group(1))) {
                        wrong.add(file + " imports " + used.group(1));
                    }
                }
                if (!pkg.startsWith("api") && HTTP_IMPORT.matcher(source).find()) {
                    wrong.add(file + " imports the HTTP layer");
                }
            }
        }
        classes.forEach((pkg, count) -> {
            if (count > 15 && !pkg.equals("model")) {
                wrong.add(pkg + " holds " + count + " classes, more than 15");
            }
        });
        assertEquals(List.of(), wrong, classes.toString());
    }
}
