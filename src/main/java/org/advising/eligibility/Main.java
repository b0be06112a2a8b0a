package org.advising.eligibility;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.advising.eligibility.cli.CheckCommand;

/**
 * The entry point of {@code quarkus-run.jar}. With no arguments it starts the service; with
 * {@code check [rules-folder]} it checks a rules folder and exits, without starting a server.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("check")) {
            String folder = args.length > 1 ? args[1] : System.getenv().getOrDefault("ELIGIBILITY_RULES_FOLDER", "rules");
            System.exit(CheckCommand.run(Path.of(folder), System.out));
        }
        Quarkus.run(args);
    }
}
