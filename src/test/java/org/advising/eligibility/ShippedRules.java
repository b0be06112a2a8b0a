package org.advising.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Counts read off the project's rules folder as a policy author would count them (rule headers in
 * the DRL files, cases in the scenario files), so tests follow the rules as they grow.
 */
public final class ShippedRules {

    public static final Path FOLDER = Path.of("rules");
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^rule \"");
    private static final Pattern SCENARIO = Pattern.compile("(?m)^- name: ");

    private ShippedRules() {
    }

    /** The rules in every {@code *.drl} file of rules/. */
    public static int ruleCount() {
        return count(FOLDER, ".drl", RULE_HEADER);
    }

    /** The DRL files of rules/. */
    public static int ruleFileCount() {
        return count(FOLDER, ".drl", Pattern.compile("\\A"));
    }

    /** The cases in every scenario file of rules/tests/. */
    public static int scenarioCount() {
        return count(FOLDER.resolve("tests"), ".yaml", SCENARIO);
    }

    private static int count(Path folder, String ending, Pattern pattern) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(ending))
                    .mapToInt(file -> (int) pattern.matcher(read(file)).results().count()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
