package org.advising.eligibility;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import org.advising.eligibility.cli.CheckCommand;
import org.advising.eligibility.cli.EvaluateCommand;
import org.advising.eligibility.cli.GenerateCommand;
import org.advising.eligibility.cli.ImpactCommand;
import org.advising.eligibility.cli.Standalone;
import org.advising.eligibility.cli.VerifyCredentialCommand;
import org.advising.eligibility.engine.activate.HeadStart;

/**
 * The entry point of {@code quarkus-run.jar}. With no arguments it starts the service; with
 * {@code check [rules-folder]} it checks a rules folder, with {@code evaluate --input FILE …} it
 * answers a file of requests, with {@code impact --baseline DIR --proposed DIR --input FILE …} it
 * reports what a rule change would change, with {@code verify-credential FILE} it checks a
 * credential's proofs offline, and exits, without starting a server.
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
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("impact")) {
            System.exit(ImpactCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("verify-credential")) {
            System.exit(VerifyCredentialCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        HeadStart.begin(Standalone::configuration);
        Quarkus.run(args);
    }
}
