package org.advising.eligibility.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.advising.eligibility.engine.Evaluator;
import org.advising.eligibility.engine.Rulebase;
import org.advising.eligibility.engine.RulebaseCompiler;
import org.advising.eligibility.engine.RulebaseException;
import org.advising.eligibility.engine.RulesFolder;
import org.advising.eligibility.engine.ScenarioRunner;

/**
 * {@code check [rules-folder]}: compiles a rules folder and runs its scenarios, printing one line
 * per failing case and a closing {@code N passed, M failed}. Exit status 0 when everything passes,
 * 1 when a scenario fails, 2 when the rules do not load.
 */
public final class CheckCommand {

    /** Drools reports each build at INFO; an author running check wants only the outcome. */
    private static final Logger DROOLS = Logger.getLogger("org.drools");

    private CheckCommand() {
    }

    public static int run(Path rulesFolder, PrintStream out) {
        DROOLS.setLevel(Level.WARNING);
        out.println("Checking " + rulesFolder.toAbsolutePath().normalize());
        Rulebase rulebase;
        RulesFolder folder;
        try {
            folder = RulesFolder.read(rulesFolder);
            rulebase = new RulebaseCompiler().compile(folder);
        } catch (RulebaseException e) {
            e.errors().forEach(out::println);
            out.println("The rules do not load: " + e.errors().size() + (e.errors().size() == 1 ? " error" : " errors"));
            return 2;
        }
        out.println(rulebase.version() + ": " + rulebase.rules().size() + " rules in " + folder.ruleFiles().size()
                + " files, " + folder.scenarioFiles().size() + " scenario files");
        ScenarioRunner.Report report = ScenarioRunner.run(rulebase, new Evaluator(Evaluator.DEFAULT_MAX_FIRINGS_PER_OFFERING),
                folder.scenarioFiles());
        report.failures().forEach(out::println);
        out.println(report.summary());
        return report.failures().isEmpty() ? 0 : 1;
    }
}
