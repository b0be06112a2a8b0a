package org.advising.eligibility.pages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The rule catalogue page in a real browser, checked against GET /api/v1/rules of the same service. */
@QuarkusIntegrationTest
class RuleCataloguePageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    /** A rule as the catalogue shows it. */
    record ShownRule(String topic, String policy, String name, String source, String description) {
    }

    private static List<ShownRule> catalogue;

    /** Read once per class, in the first test: the packaged application is started for the tests, not before them. */
    @BeforeEach
    void readTheCatalogueFromTheApi() {
        if (catalogue != null) {
            return;
        }
        JsonPath rules = given().when().get("/api/v1/rules").then().statusCode(200).extract().jsonPath();
        catalogue = rules.<Map<String, Object>>getList("rules").stream()
                .map(rule -> new ShownRule((String) rule.get("topic"), (String) rule.get("policy"), (String) rule.get("name"),
                        rule.containsKey("row") ? rule.get("file") + ", row " + rule.get("row") : rule.get("file") + ":" + rule.get("line"),
                        (String) rule.get("description")))
                .toList();
    }

    @Test
    void every_rule_is_listed_under_its_topic_with_policy_name_file_and_description() {
        open("");
        assertEquals(catalogue, shownRules());
        // The decision table's rules are listed with the DRL rules of their topic, by file and row.
        assertTrue(shownRules().contains(new ShownRule("credential", "CRED-1", "A degree gives an official degree and transcript",
                "credential.drl.csv, row 11", "An online degree gives the same degree and transcript as its on-campus equivalent.")));
        assertEquals("Showing " + catalogue.size() + " of " + catalogue.size() + " rules.", browser.find("#count").getText());
        // One group per topic in catalogue order, headed by the topic as words and its number of rules.
        Map<String, Long> perTopic = catalogue.stream()
                .collect(Collectors.groupingBy(ShownRule::topic, LinkedHashMap::new, Collectors.counting()));
        assertEquals(perTopic.entrySet().stream()
                        .map(topic -> Character.toUpperCase(topic.getKey().charAt(0)) + topic.getKey().substring(1).replace('-', ' ')
                                + " " + topic.getValue() + (topic.getValue() == 1 ? " rule" : " rules"))
                        .toList(),
                browser.findAll(".topic-group h2").stream().map(WebElement::getText).toList());
        assertTrue(browser.find("#version").getText().matches("Rulebase sha256:[0-9a-f]{64}"), browser.find("#version").getText());
        // Each topic with its hit policy as the API declares it, and each rule with its rank in the topic's order (PR-1).
        List<String> hitPolicies = given().when().get("/api/v1/rules").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("topics").stream().map(topic -> topic.get("topic") + " " + topic.get("hitPolicy")).toList();
        assertEquals(hitPolicies, browser.findAll(".topic-group").stream().map(group -> group.getAttribute("data-topic") + " "
                + group.findElement(By.cssSelector(".hit-policy")).getAttribute("data-hit-policy")).toList());
        assertTrue(browser.find(".topic-group[data-topic='credit'] .hit-policy").getText().startsWith("FIRST — First rule that holds decides."),
                browser.find(".topic-group[data-topic='credit'] .hit-policy").getText());
        assertEquals("Order 1", browser.find(".topic-group[data-topic='credit'] .rule .rank").getText());
    }

    @Test
    void typing_filters_by_policy_name_description_or_file_and_the_address_keeps_the_filter() {
        open("");
        browser.find("#filter-text").sendKeys("audit");
        List<ShownRule> expected = only(rule -> (rule.policy() + " " + rule.name() + " " + rule.description() + " " + rule.source())
                .toLowerCase().contains("audit"));
        assertTrue(expected.size() >= 2 && expected.size() < catalogue.size(), expected.toString());
        assertEquals(expected, shownRules());
        assertEquals("Showing " + expected.size() + " of " + catalogue.size() + " rules.", browser.find("#count").getText());
        assertTrue(browser.driver().getCurrentUrl().endsWith("/rules.html?q=audit"), browser.driver().getCurrentUrl());
    }

    @Test
    void choosing_a_topic_shows_only_its_rules_and_combines_with_the_text() {
        open("");
        new Select(browser.find("#filter-topic")).selectByVisibleText("Credit");
        List<ShownRule> credit = only(rule -> rule.topic().equals("credit"));
        assertEquals(credit, shownRules());
        assertEquals("Showing " + credit.size() + " of " + catalogue.size() + " rules.", browser.find("#count").getText());

        browser.find("#filter-text").sendKeys("CR-5");
        assertEquals(only(rule -> rule.topic().equals("credit") && rule.policy().equals("CR-5")), shownRules());

        browser.find("#filter-text").sendKeys(" no such words");
        assertEquals(List.of(), shownRules());
        assertEquals("No rule matches this filter.", browser.find("#count").getText());
    }

    @Test
    void a_policy_link_from_an_answer_opens_the_catalogue_filtered_to_that_policy() {
        open("?q=ADM-3");
        assertEquals("ADM-3", browser.find("#filter-text").getAttribute("value"));
        assertEquals(only(rule -> rule.policy().equals("ADM-3")), shownRules());

        open("?topic=industry-certification");
        assertEquals("industry-certification", new Select(browser.find("#filter-topic")).getFirstSelectedOption().getAttribute("value"));
        assertEquals(only(rule -> rule.topic().equals("industry-certification")), shownRules());
    }

    @Test
    void on_a_phone_sized_screen_the_catalogue_fits_without_sideways_scrolling() {
        browser.screen(390, 844);
        open("");
        assertEquals(catalogue.size(), shownRules().size());
        Long overflow = (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow, "the page is wider than the screen");
    }

    private static void open(String query) {
        browser.open("/rules.html" + query);
        browser.waitFor(driver -> !browser.find("#count").getText().isEmpty());
    }

    private static List<ShownRule> only(Predicate<ShownRule> filter) {
        return catalogue.stream().filter(filter).toList();
    }

    private static List<ShownRule> shownRules() {
        return browser.findAll(".topic-group").stream().flatMap(group -> {
            String topic = group.getAttribute("data-topic");
            return browser.parts(group, ".rule", ".policy", "h3", ".file", ".description").stream()
                    .map(rule -> new ShownRule(topic, rule.get(0), rule.get(1), rule.get(2), rule.get(3)));
        }).toList();
    }
}
