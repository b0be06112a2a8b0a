package org.advising.eligibility.pages;

import org.advising.eligibility.ContractExamples;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The pages come from the service itself and load nothing from elsewhere: deployments may have
 * no internet. The browser tests (AdvisorPageIT, RuleCataloguePageIT) check what they do.
 */
@QuarkusTest
class PagesServedTest {

    private static final Path PAGES = Path.of("src/main/resources/META-INF/resources");
    /** Anything that makes a browser fetch: src/href attributes, CSS url(), @import, fetch(). */
    private static final Pattern FETCHES = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"|url\\(([^)]*)\\)|@import\\s+([^;]+)|fetch\\(([^)]*)\\)");

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/rules.html"})
    void the_pages_are_html_with_a_policy_that_allows_only_the_services_own_files(String path) {
        given().when().get(path)
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo("default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void no_page_script_or_stylesheet_refers_to_another_host() throws IOException {
        List<String> external = new ArrayList<>();
        try (Stream<Path> files = Files.list(PAGES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher fetch = FETCHES.matcher(Files.readString(file));
                while (fetch.find()) {
                    for (int group = 1; group <= fetch.groupCount(); group++) {
                        String target = fetch.group(group);
                        if (target != null && target.matches("(?s).*(//|https?:).*")) {
                            external.add(file.getFileName() + ": " + target);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), external);
    }

    @Test
    void the_example_learners_index_lists_every_contract_example_and_each_is_served() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.walk(ContractExamples.FOLDER)) {
            files = listing.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> "examples/" + ContractExamples.FOLDER.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
        List<String> index = given().when().get("/examples.json").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(files, index);
        for (String file : index) {
            given().when().get("/" + file).then().statusCode(200).body("request.learner.id", containsString("learner-"));
        }
    }
}
