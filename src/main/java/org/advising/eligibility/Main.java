package org.advising.eligibility;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
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
            System.exit(CheckCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        Quarkus.run(args);
    }
}
