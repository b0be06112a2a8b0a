package org.advising.eligibility;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.folder.RulesFolder;

/**
 * Every {@code eligibility.*} setting, read once by the service and by the {@code check} command
 * alike. The values, each with why it is what it is, are in application.properties; an operator
 * overrides them with environment variables ({@code ELIGIBILITY_RULES_FOLDER}, …), as
 * docs/operations.md lists.
 */
@ConfigMapping(prefix = "eligibility")
public interface EligibilityConfig {

    Rules rules();

    Evaluation evaluation();

    NextSteps nextSteps();

    TransferOptions transferOptions();

    Api api();

    Batch batch();

    Admin admin();

    Audit audit();

    Credentials credentials();

    interface Rules {
        /** The rules folder, relative to the working directory. */
        Path folder();

        /** Where the scenarios are when they are not in the rules folder's {@code tests} (a second ConfigMap). */
        Optional<Path> scenariosFolder();

        /** How often the rules folder is read for changes; 0 turns watching off. */
        Duration watchInterval();

        /** Where proven rulebases are kept, so a restart on an unchanged folder skips the compile and the scenarios; unset keeps none. */
        Optional<Path> cacheFolder();

        /** The key cache entries are signed with (HMAC-SHA256), from a Secret; unset, entries carry a plain digest. */
        Optional<String> cacheKey();

        /** The folder the scenarios are read from: the scenarios folder when set, otherwise {@code <folder>/tests}. */
        default Path scenarios() {
            return scenariosFor(folder());
        }

        /** The same for another rules folder (one a command names): the scenarios folder when set, otherwise its {@code tests}. */
        default Path scenariosFor(Path rulesFolder) {
            return scenariosFolder().orElse(rulesFolder.resolve(RulesFolder.SCENARIOS));
        }
    }

    interface Evaluation {
        /** Rule firings allowed per offering in one evaluation; past it the evaluation stops as a rulebase defect. */
        int maxRuleFiringsPerOffering();

        /** An evaluation whose rules run longer is stopped (503 evaluation-timeout). */
        Duration timeLimit();

        /** Evaluations running at once; unset, two per core. */
        Optional<Integer> workers();

        /** The workers when none are set: two per core, for evaluations use the CPU and each holds its request's facts. */
        default int workersOrDefault() {
            return workers().orElse(2 * Runtime.getRuntime().availableProcessors());
        }

        /** Evaluations waiting for a worker; past them, 503 busy. */
        int queueSize();
    }

    /** Next steps: dozens of evaluations per offering, admitted on workers of their own. */
    interface NextSteps {
        /** Requests with next steps answered at once; unset, half the cores (at least one). */
        Optional<Integer> workers();

        /** Such requests waiting for a worker; past them, or when the wait would outlast their budget, 503 busy. */
        int queueSize();
    }

    /** Transfer options: every institution of the file ranked, admitted on workers of their own. */
    interface TransferOptions {
        /** A transfer-options request's whole budget, from its arrival to its answer. */
        Duration timeLimit();

        /** Transfer-options requests answered at once; unset, half the cores (at least one). */
        Optional<Integer> workers();

        /** Such requests waiting for a worker; past them, or when the wait would outlast their budget, 503 busy. */
        int queueSize();
    }

    interface Api {
        /** The largest request body (413 past it). */
        MemorySize maxBodySize();

        /** How long after its headers a request body must have arrived (408 past it). */
        Duration bodyTimeLimit();

        /** The bytes of request bodies the requests in progress may hold together; past it, 503 busy at once. */
        MemorySize bodyBudget();
    }

    interface Batch {
        /** The most requests one batch may hold; past it the batch ends with a 413 line. */
        long maxLines();

        /** Batches evaluated at once; past it, 503 busy at once. */
        int maxConcurrent();

        /** How long the service waits for each line of a batch; past it the connection is closed. */
        Duration lineTimeLimit();
    }

    interface Admin {
        /** The token POST /api/v1/rulebase/reload requires; unset keeps that endpoint closed. A short one is refused at start. */
        Optional<@Size(min = 32, message = "must be at least {min} characters long (make one with: openssl rand -hex 32)") String> token();
    }

    interface Credentials {
        /** Steps of RDFC-1.0 work one credential's canonicalization may take; past them its proof is UNVERIFIABLE (LC-11). */
        long maxCanonicalizationWork();

        /** Credentials whose proof checks are kept by their digest, so that one sent again is not verified again (LC-11). */
        int proofCacheSize();

        /** Credentials verified at once; past them a request needing a new check is answered 503 busy. Unset, half the cores (at least 1). */
        Optional<Integer> proofWorkers();

        default int proofWorkersOrDefault() {
            return proofWorkers().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        }
    }

    interface Audit {
        /** The key that pseudonymises learner ids in the audit log; unset leaves them out. */
        Optional<String> learnerKey();
    }
}
