package org.advising.eligibility.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.Evaluator;
import org.advising.eligibility.engine.Rulebase;
import org.advising.eligibility.engine.RulebaseCompiler;
import org.advising.eligibility.engine.RulebaseException;
import org.advising.eligibility.engine.RulesFolder;
import org.advising.eligibility.engine.ScenarioRunner;

/**
 * {@code check [rules-folder]}: compiles a rules folder and runs its scenarios, as the service
 * does before it activates rules, and with the same settings: the rules folder (unless given), the
 * scenarios folder and the evaluation limits come from {@link EligibilityConfig}. Prints one line
 * per failing case and a closing {@code N passed, M failed}. Exit status 0 when every scenario
 * passes, 1 when one fails or none is found, 2 when the rules do not load.
 */
public final class CheckCommand {

    /** Drools reports each build at INFO; an author running check wants only the outcome. */
    private static final Logger DROOLS = Logger.getLogger("org.drools");

    private CheckCommand() {
    }

    /** Checks the folder named by the first argument, or the configured rules folder. */
    public static int run(String[] args, PrintStream out) {
        EligibilityConfig config = Standalone.configuration();
        Path rulesFolder = args.length > 0 ? Path.of(args[0]) : config.rules().folder();
        return run(rulesFolder, config.rules().scenariosFor(rulesFolder), Standalone.evaluator(config), out);
    }

    static int run(Path rulesFolder, Path scenarioFolder, Evaluator evaluator, PrintStream out) {
        DROOLS.setLevel(Level.WARNING);
        out.println("Checking " + absolute(rulesFolder) + " with the scenarios in " + absolute(scenarioFolder));
        Rulebase rulebase;
        RulesFolder folder;
        try {
            folder = RulesFolder.read(rulesFolder, scenarioFolder);
            rulebase = new RulebaseCompiler().compile(folder);
        } catch (RulebaseException e) {
            e.errors().forEach(out::println);
            out.println("The rules do not load: " + e.count());
            return 2;
        }
        out.println(rulebase.version() + ": " + rulebase.rules().size() + " rules in " + folder.ruleFiles().size()
                + " files, " + folder.scenarioFiles().size() + " scenario files");
        if (folder.scenarioFiles().isEmpty()) {
            out.println("No scenario file (*.yaml) in " + absolute(scenarioFolder) + ": nothing proves these rules. "
                    + "Put the scenarios there, or set ELIGIBILITY_RULES_SCENARIOS_FOLDER to where they are.");
            return 1;
        }
        ScenarioRunner.Report report = ScenarioRunner.run(rulebase, evaluator, folder.scenarioFiles());
        report.failures().forEach(out::println);
        out.println(report.summary());
        return report.failures().isEmpty() ? 0 : 1;
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
