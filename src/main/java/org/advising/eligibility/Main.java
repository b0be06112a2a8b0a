package org.advising.eligibility;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import org.advising.eligibility.cli.CheckCommand;
import org.advising.eligibility.cli.EvaluateCommand;

/**
 * The entry point of {@code quarkus-run.jar}. With no arguments it starts the service; with
 * {@code check [rules-folder]} it checks a rules folder, with {@code evaluate --input FILE …} it
 * answers a file of requests, and exits, without starting a server.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("check")) {
            System.exit(CheckCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals("evaluate")) {
            System.exit(EvaluateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Quarkus.run(args);
    }
}
