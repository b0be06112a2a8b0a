package org.advising.eligibility;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that need a tool this machine may not have (podman, chromium): their JUnit
 * condition skips them where it is missing, so their tests count as skipped, and says why in the
 * build output, once per class, because Surefire prints the count but not the reason. CI
 * installs every tool (.ci/run), so there nothing is skipped.
 */
public final class RequiredTools {

    private RequiredTools() {
    }

    /** Enabled when {@code missing} is null; otherwise skipped, printing "SKIPPED Class: missing". */
    public static ConditionEvaluationResult skipIfMissing(ExtensionContext context, String missing) {
        if (missing == null) {
            return ConditionEvaluationResult.enabled("every tool it needs is installed");
        }
        if (context.getTestMethod().isEmpty()) {
            System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + ": " + missing);
        }
        return ConditionEvaluationResult.disabled(missing);
    }

    /** Whether a command of this name is an executable file on the PATH. */
    public static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
