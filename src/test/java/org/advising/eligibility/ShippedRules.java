package org.advising.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.folder.RulesFolder;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Counts read off the project's rules folder as a policy author would count them (rule headers in
 * the DRL files, rows under the column labels of the CSV decision tables, cases in the scenario
 * files), so tests follow the rules as they grow.
 */
public final class ShippedRules {

    public static final Path FOLDER = Path.of("rules");
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^rule \"");
    private static final Pattern SCENARIO = Pattern.compile("(?m)^- name: ");

    private ShippedRules() {
    }

    /** The shipped rules compiled once per JVM and shared by the tests that only read them (a compile takes seconds). */
    public static Rulebase rulebase() {
        return Compiled.RULEBASE;
    }

    private static final class Compiled {
        static final Rulebase RULEBASE = new RulebaseCompiler().compile(RulesFolder.read(FOLDER));
    }

    /** The rules in every {@code *.drl} file and {@code *.drl.csv} decision table of rules/. */
    public static int ruleCount() {
        return count(FOLDER, ".drl", RULE_HEADER) + tableRowCount();
    }

    /** The rules of the decision tables: the rows under a RuleTable's four header rows, up to the first empty row. */
    public static int tableRowCount() {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            return files.filter(file -> file.toString().endsWith(".drl.csv")).mapToInt(file -> {
                List<String> lines = read(file).lines().toList();
                int rows = 0;
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("RuleTable")) {
                        for (int r = i + 5; r < lines.size() && !lines.get(r).replace(",", "").isBlank(); r++) {
                            rows++;
                        }
                    }
                }
                return rows;
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule files of rules/: DRL files and decision tables. */
    public static int ruleFileCount() {
        return count(FOLDER, ".drl", Pattern.compile("\\A")) + count(FOLDER, ".drl.csv", Pattern.compile("\\A"));
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
