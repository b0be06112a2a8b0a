package org.advising.eligibility.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.prove.Prover;
import org.advising.eligibility.engine.prove.RuleCoverage;
import org.advising.eligibility.engine.prove.RulebaseCache;
import org.advising.eligibility.engine.prove.ScenarioRunner;

/**
 * {@code check [--coverage] [--min-coverage P] [rules-folder]}: compiles a rules folder and runs its
 * scenarios, as the service does before it activates rules, and with the same settings: the rules
 * folder (unless given), the scenarios folder and the evaluation limits come from
 * {@link EligibilityConfig}. Prints one line per failing case and a closing {@code N passed, M failed};
 * with {@code --coverage}, per rule file each rule with the number of cases in which it fired, and
 * the rules no case fires. Exit status 0 when every scenario passes (and at least P percent of the
 * rules fired), 1 when one fails, none is found or the coverage is below P, 2 when the rules do not
 * load, 64 for arguments it does not understand.
 */
public final class CheckCommand {

    /** Drools reports each build at INFO; an author running check wants only the outcome. */
    private static final Logger DROOLS = Logger.getLogger("org.drools");

    private CheckCommand() {
    }

    private static final String USAGE = "usage: check [--coverage] [--min-coverage P, 0 <= P <= 100] [rules-folder]";

    /** What to report beyond the scenarios: the coverage, and the least coverage that passes. */
    record Options(boolean coverage, BigDecimal minCoverage, Optional<RulebaseCache> cache) {
        static final Options SCENARIOS_ONLY = new Options(false, null, Optional.empty());
    }

    /** Checks the folder named by the last argument, or the configured rules folder. */
    public static int run(String[] args, PrintStream out) {
        Path named = null;
        boolean coverage = false;
        BigDecimal minimum = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--coverage")) {
                coverage = true;
            } else if (args[i].equals("--min-coverage") && i + 1 < args.length && args[i + 1].matches("\\d+(\\.\\d+)?")
                    && new BigDecimal(args[i + 1]).compareTo(BigDecimal.valueOf(100)) <= 0) {
                minimum = new BigDecimal(args[++i]);
                coverage = true;
            } else if (!args[i].startsWith("--") && named == null) {
                named = Path.of(args[i]);
            } else {
                out.println(USAGE);
                return 64;
            }
        }
        EligibilityConfig config = Standalone.configuration();
        Path rulesFolder = named != null ? named : config.rules().folder();
        return run(rulesFolder, config.rules().scenariosFor(rulesFolder), Standalone.runner(config),
                new Options(coverage, minimum, RulebaseCache.in(config.rules().cacheFolder(), config.rules().cacheKey())), out);
    }

    static int run(Path rulesFolder, Path scenarioFolder, RulebaseRunner runner, PrintStream out) {
        return run(rulesFolder, scenarioFolder, runner, Options.SCENARIOS_ONLY, out);
    }

    static int run(Path rulesFolder, Path scenarioFolder, RulebaseRunner runner, Options options, PrintStream out) {
        DROOLS.setLevel(Level.WARNING);
        out.println("Checking " + absolute(rulesFolder) + " with the scenarios in " + absolute(scenarioFolder));
        Prover.Verdict verdict;
        try {
            RulesFolder folder = RulesFolder.read(rulesFolder, scenarioFolder);
            // check always compiles and runs every scenario (it is how an author sees them pass); the cache only receives,
            // and never a rulebase that no scenario proves.
            verdict = new Prover(runner, folder.scenarioFiles().isEmpty() ? Optional.empty() : options.cache()).compileAndProve(folder);
        } catch (RulebaseException e) {
            e.errors().forEach(out::println);
            out.println("The rules do not load: " + e.count());
            return 2;
        }
        out.println(heading(verdict.rulebase(), verdict.folder()));
        if (verdict.folder().scenarioFiles().isEmpty()) {
            out.println("No scenario file (*.yaml) in " + absolute(scenarioFolder) + ": nothing proves these rules. "
                    + "Put the scenarios there, or set ELIGIBILITY_RULES_SCENARIOS_FOLDER to where they are.");
            return 1;
        }
        ScenarioRunner.Report report = verdict.report().orElseThrow();
        report.failures().forEach(out::println);
        out.println(report.summary());
        RuleCoverage coverage = verdict.coverage();
        if (report.failures().isEmpty() && options.cache().isPresent()) {
            // The proven rulebase a service on the same folder, build and limits takes instead of compiling (the image's build does this).
            out.println(verdict.keptInCache() ? "Kept in the rulebase cache: a service started on these files skips the compile and the scenarios."
                    : "Could not keep the rulebase in the rulebase cache (see the warning above).");
        }
        boolean covered = true;
        if (options.coverage()) {
            print(coverage, out);
            if (options.minCoverage() != null && coverage.percent().compareTo(options.minCoverage()) < 0) {
                out.println("Coverage " + coverage.percent() + "% is below the minimum of " + options.minCoverage().stripTrailingZeros().toPlainString() + "%");
                covered = false;
            }
        }
        return report.failures().isEmpty() && covered ? 0 : 1;
    }

    private static String heading(Rulebase rulebase, RulesFolder folder) {
        return rulebase.version() + ": " + rulebase.rules().size() + " rules in " + (folder.ruleFiles().size() + folder.tables().size())
                + " files, " + folder.scenarioFiles().size() + " scenario files";
    }

    /** Per rule file, each rule with the cases that fired it; then the rules none fired. */
    private static void print(RuleCoverage coverage, PrintStream out) {
        out.println();
        out.println("Coverage: " + coverage.rulesFired() + " of " + coverage.rules().size() + " rules fired in at least one of the "
                + coverage.cases() + " cases (" + coverage.percent() + "%)");
        String file = null;
        for (RuleCoverage.RuleCases rule : coverage.rules()) {
            if (!rule.rule().file().equals(file)) {
                file = rule.rule().file();
                out.println(file);
            }
            out.printf("  %5d  %-7s %-9s %s%n", rule.cases(), rule.rule().policy(), place(rule.rule()), rule.rule().name());
        }
        List<RuleInfo> never = coverage.neverFired();
        out.println(never.isEmpty() ? "Every rule fired in at least one case." : "Never fired (" + never.size() + "):");
        never.forEach(rule -> out.println("  " + rule.file() + ":" + rule.line() + ": \"" + rule.name() + "\" (" + rule.policy() + ")"));
    }

    private static String place(RuleInfo rule) {
        return (rule.row() == null ? "line " : "row ") + rule.line();
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
