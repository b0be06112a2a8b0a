package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.advising.eligibility.RequiredTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document portal developers generate their clients from passes Redocly CLI's
 * recommended rules with no error and no warning (operation ids, security stated for every
 * operation, servers, a 4xx answer per operation, licence). Needs Node.js (npx), which fetches the
 * pinned Redocly CLI from the npm registry; skipped, saying why, where either is missing.
 */
@QuarkusTest
@ExtendWith(OpenApiLintTest.NeedsNode.class)
class OpenApiLintTest {

    /** Pinned, so a new release's new rules cannot turn a build red on its own. */
    static final String REDOCLY = "@redocly/cli@2.77.0";

    static final class NeedsNode implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return RequiredTools.skipIfMissing(context, RequiredTools.onPath("npx") ? null : "Node.js (npx) is not installed");
        }
    }

    @Test
    void the_document_has_no_lint_error_or_warning(@TempDir Path folder) throws Exception {
        Path document = folder.resolve("openapi.json");
        Files.writeString(document, given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString());
        Result version = npx(folder, REDOCLY, "--version");
        if (version.status() != 0) {
            System.out.println("SKIPPED OpenApiLintTest: could not fetch " + REDOCLY + " from the npm registry: " + version.output());
        }
        Assumptions.assumeTrue(version.status() == 0, "could not fetch " + REDOCLY + " from the npm registry");

        Result lint = npx(folder, REDOCLY, "lint", "--format=summary", document.toString());
        assertEquals(0, lint.status(), lint.output());
        // The summary lists each rule broken as "error <rule>: n" or "warning <rule>: n"; a warning alone exits 0.
        assertEquals(List.of(), lint.output().lines().filter(line -> line.matches("(error|warning) +[a-z0-9-]+: \\d+")).toList(),
                lint.output());
        assertTrue(lint.output().contains("Your API description is valid"), lint.output());
    }

    record Result(int status, String output) {
    }

    private static Result npx(Path folder, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("npx", "--yes"));
        command.addAll(List.of(arguments));
        Path output = folder.resolve("npx.out");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, "npx did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
