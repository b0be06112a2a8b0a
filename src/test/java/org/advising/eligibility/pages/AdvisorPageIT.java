package org.advising.eligibility.pages;

import org.advising.eligibility.ContractExamples;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.advising.eligibility.pages.EvaluationPage.ShownConclusion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The advisor's page at /, in a real browser against the packaged application: the form is
 * filled by its visible labels, and the answers and reasons on screen are checked against the
 * contract examples and against what the API itself answers for the same request.
 */
@QuarkusIntegrationTest
class AdvisorPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SUMMARY_FIELDS =
            List.of("accredited", "credential", "transfersCredit", "degreeAdmission", "industryCertification");

    @RegisterExtension
    static final Browser browser = new Browser();

    private EvaluationPage page;

    @BeforeEach
    void openThePage() {
        page = new EvaluationPage(browser).open();
    }

    @Test
    void an_example_learner_who_completed_a_mastertrack_is_shown_eligible_with_every_reason() throws IOException {
        page.loadExample("learner-1");
        page.submit();

        assertEquals(Map.of(
                "Accredited", "Yes",
                "Credential", "University certificate",
                "Transfers credit", "Yes",
                "Degree admission", "Eligible",
                "Industry certification", "No"), page.answers("mt-ds"));
        List<ShownConclusion> shown = page.conclusions("mt-ds");
        assertEquals(new ShownConclusion("ACC-3", "Accreditation: Accredited",
                "Example State University is accredited by HLC (Higher Learning Commission) and awards this MasterTrack itself.",
                "A degree or MasterTrack of an accredited university is accredited", "accreditation.drl"), shown.get(0));
        // Decided by a row of the decision table credential.drl.csv: the why names the row.
        assertTrue(shown.contains(new ShownConclusion("CRED-2", "Credential: University certificate",
                "Completing this MasterTrack gives an official certificate from Example State University, whether or not the learner "
                        + "goes on to the degree.",
                "A MasterTrack gives an official university certificate", "credential.drl.csv", "row 12 of the decision table")),
                shown.toString());
        assertEquals(conclusionsFromTheApi(example("01-mastertrack-completed-eligible.json").get("request")).get("mt-ds"), shown);
        assertTrue(page.decidedBy().matches("Decided as policy stood on \\d{4}-\\d{2}-\\d{2} by rulebase sha256:[0-9a-f]{64}, loaded \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\\."),
                page.decidedBy());
    }

    @Test
    void an_audited_course_typed_in_by_hand_earns_no_credit_and_says_why() throws IOException {
        WebElement learner = page.learner();
        page.fill(learner, "Learner id", "learner-3");
        WebElement course = page.offering(1);
        page.fill(course,
                "Offering id", "c-stats",
                "Title", "Statistics with Python",
                "Type", "Course",
                "Description says it counts toward a degree", "Yes",
                "Name", "Northbridge College",
                "Kind", "University",
                "Accreditor", "MSCHE",
                "Web domain", "northbridge.edu",
                "Country", "US",
                "Status", "Completed",
                "Paid for the certificate", "No, auditing");
        page.submit();

        assertEquals(Map.of(
                "Accredited", "Yes",
                "Credential", "None",
                "Transfers credit", "No",
                "Degree admission", "Not applicable",
                "Industry certification", "No"), page.answers("c-stats"));
        List<ShownConclusion> shown = page.conclusions("c-stats");
        assertTrue(shown.contains(new ShownConclusion("CR-5", "Credit: No",
                "The learner audits this course without buying the certificate, so it earns no credit.",
                "A learner who audits earns no credit", "credit.drl")), shown.toString());
        // PR-3: what the audit rule outranked, with the answer and reason it would have given
        JsonNode overruled = null;
        for (JsonNode c : answerFromTheApi(example("03-course-audited.json").get("request")).at("/results/0/conclusions")) {
            overruled = c.get("policy").asText().equals("CR-5") ? c.get("overruled").get(0) : overruled;
        }
        assertEquals("Why not CR-2? A rule before it in this topic's order held, so it decided. "
                + "Outranked:\nCR-2 (rule “" + overruled.get("rule").asText() + "”, credit.drl:" + overruled.get("line").asInt()
                + ") would have answered Yes: " + overruled.get("reason").asText(), page.whyNot("c-stats", "CR-5"));
        assertEquals("", page.whyNot("c-stats", "ACC-4"), "nothing outranked, no why-not line");
        JsonNode typed = JSON.readTree(page.requestJson());
        assertSameJson(example("03-course-audited.json").get("request"), typed, "the form sends exactly the contract example's request");
        assertEquals(conclusionsFromTheApi(typed).get("c-stats"), shown);
    }

    @Test
    void offerings_are_added_and_removed_freely_and_each_gets_its_own_card_in_request_order() throws IOException {
        page.fill(page.learner(), "Learner id", "learner-6");
        browser.find("#add-offering").click();
        browser.find("#add-offering").click();
        assertEquals(3, page.offeringCount());
        assertEquals(page.offering(3).findElement(By.tagName("input")), browser.driver().switchTo().activeElement(),
                "a new offering takes the focus");
        page.offering(2).findElement(By.cssSelector("button.remove")).click();
        assertEquals(2, page.offeringCount());
        assertEquals("Offering 2", page.offering(2).findElement(By.tagName("legend")).getText().trim());

        WebElement degree = page.offering(1);
        page.fill(degree,
                "Offering id", "deg-bsc",
                "Title", "BSc Computer Science",
                "Type", "Degree",
                "Description says it counts toward a degree", "Yes",
                "Name", "Lakeside University",
                "Kind", "University",
                "Web domain", "lakeside.edu",
                "Country", "US");
        WebElement mastertrack = page.offering(2);
        page.fill(mastertrack,
                "Offering id", "mt-cs",
                "Title", "MasterTrack in Computing",
                "Type", "MasterTrack",
                "Description says it counts toward a degree", "Yes",
                "Name", "Lakeside University",
                "Kind", "University",
                "Web domain", "lakeside.edu",
                "Country", "US",
                "Degree id", "deg-bsc",
                "Degree title", "BSc Computer Science",
                "Minimum GPA", "2.5");
        page.submit();

        assertEquals(List.of("deg-bsc", "mt-cs"), page.cardOfferingIds());
        assertEquals(Map.of(
                "Accredited", "Yes",
                "Credential", "Degree and transcript",
                "Transfers credit", "Yes",
                "Degree admission", "Not applicable",
                "Industry certification", "No"), page.answers("deg-bsc"));
        assertEquals(Map.of(
                "Accredited", "Yes",
                "Credential", "University certificate",
                "Transfers credit", "Yes",
                "Degree admission", "Pathway",
                "Industry certification", "No"), page.answers("mt-cs"));
        JsonNode typed = JSON.readTree(page.requestJson());
        assertSameJson(example("06-degree-presumed-and-route.json").get("request"), typed, "the form sends the contract example's request");
        Map<String, List<ShownConclusion>> fromTheApi = conclusionsFromTheApi(typed);
        assertEquals(fromTheApi.get("deg-bsc"), page.conclusions("deg-bsc"));
        assertEquals(fromTheApi.get("mt-cs"), page.conclusions("mt-cs"));
        assertTrue(page.conclusions("mt-cs").stream().anyMatch(c -> c.policy().equals("ADM-3") && c.reason().contains("BSc Computer Science")),
                page.conclusions("mt-cs").toString());
    }

    @Test
    void institutions_chosen_on_the_page_give_each_card_a_line_per_institution_and_a_totals_table() throws IOException {
        page.loadExample("learner-9");
        assertEquals(List.of("Lakeside Community College"), page.chosenInstitutionNames(), "the example's institution is ticked");
        page.chooseInstitutions("Example State University");
        page.submit();

        JsonNode typed = JSON.readTree(page.requestJson());
        assertEquals(JSON.readTree("[\"lakeside-cc\", \"example-state\"]"), typed.get("receivingInstitutions"), "asked in the order ticked");
        JsonNode answer = JSON.readTree(given().contentType(ContentType.JSON).body(typed.toString())
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString());
        for (JsonNode result : answer.get("results")) {
            String offeringId = result.get("offeringId").asText();
            List<EvaluationPage.ShownTransfer> expected = new ArrayList<>();
            for (JsonNode transfer : result.get("transfers")) {
                JsonNode conclusion = null;
                for (JsonNode c : result.get("conclusions")) {
                    conclusion = c.get("topic").asText().equals("TRANSFER") && c.get("institution").equals(transfer.get("institution")) ? c : conclusion;
                }
                String id = transfer.get("institution").asText();
                expected.add(new EvaluationPage.ShownTransfer(id, id.equals("lakeside-cc") ? "Lakeside Community College" : "Example State University",
                        transfer.get("outcome").asText(), "Accepted", hours(transfer.get("semesterHours").asText()), conclusion.get("reason").asText()));
            }
            assertEquals(expected, page.transfers(offeringId), offeringId);
        }
        assertEquals(List.of("6 semester hours", "6 semester hours"), page.transfers("pc-a").stream().map(EvaluationPage.ShownTransfer::hours).toList());
        assertEquals(List.of("3 semester hours", "6 semester hours"), page.transfers("pc-b").stream().map(EvaluationPage.ShownTransfer::hours).toList(),
                "Lakeside's cap of 9 recommended hours leaves the second certificate 3");
        assertEquals(List.of(List.of("Lakeside Community College", "9", "0"), List.of("Example State University", "12", "0")), page.totals());
        assertTrue(page.conclusions("pc-b").stream().anyMatch(c -> c.policy().equals("TR-8")
                && c.topicAndOutcome().equals("Transfer (Lakeside Community College): Accepted")), page.conclusions("pc-b").toString());
    }

    @Test
    void where_it_counts_most_ranks_every_institution_draws_their_hours_and_adds_one_to_the_ones_asked_about() throws IOException {
        page.loadExample("learner-15");
        page.submit();
        JsonNode asked = JSON.readTree(page.requestJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) asked).put("limit", 10);
        JsonNode ranked = JSON.readTree(given().contentType(ContentType.JSON).body(asked.toString())
                .when().post("/api/v1/transfer-options").then().statusCode(200).extract().asString());
        List<List<String>> expected = new ArrayList<>();
        List<String> bars = new ArrayList<>();
        double most = 0;
        for (JsonNode option : ranked.get("options")) {
            most = Math.max(most, option.get("acceptedSemesterHours").asDouble() + option.get("expectedSemesterHours").asDouble());
        }
        for (JsonNode option : ranked.get("options")) {
            expected.add(List.of(option.get("name").asText(), option.get("acceptedSemesterHours").asText(),
                    option.get("expectedSemesterHours").asText(), option.get("matches").asText(), option.get("reviews").asText(),
                    option.get("misses").asText()));
            for (String kind : List.of("accepted", "expected")) {
                double hours = option.get(kind + "SemesterHours").asDouble();
                bars.add(option.get("id").asText() + " " + kind + " " + option.get(kind + "SemesterHours").asText() + " "
                        + Math.round(360 * hours / most));
            }
        }
        assertEquals(List.of(List.of("Example State University", "12", "3", "2", "0", "1"),
                List.of("Northbridge College", "12", "3", "2", "0", "1")), expected.subList(0, 2), "the contract example's two best");
        assertEquals(expected, page.options(), "the ranking shown is the API's");
        assertEquals(bars, page.chartBars(), "a bar for each institution's accepted and expected hours, on one scale");
        assertTrue(browser.find("#options-considered").getText().startsWith("Ranked: the 4 best of 4 institutions in effect on 2026-11-20"),
                browser.find("#options-considered").getText());

        page.askAbout("northbridge-college");
        assertEquals(List.of("Northbridge College"), page.chosenInstitutionNames(), "the institution is now asked about");
        assertEquals(JSON.readTree("[\"northbridge-college\"]"), JSON.readTree(page.requestJson()).get("receivingInstitutions"));
        assertEquals(List.of("northbridge-college"), page.transfers("pc-da").stream().map(EvaluationPage.ShownTransfer::institution).toList());
        assertEquals(List.of(List.of("Northbridge College", "12", "3")), page.totals());
        assertEquals("Asked about", browser.find("#options tr[data-institution='northbridge-college'] button").getText());
    }

    @Test
    void a_pasted_credential_becomes_the_record_and_its_reading_is_shown_above_the_cards() throws IOException {
        JsonNode example = JSON.readTree(java.nio.file.Path.of(
                "src/test/resources/credential-examples/16-certificate-badge-with-ace-recommendation.json").toFile());
        page.fill(page.learner(), "Learner id", "learner-16", "Answer as of", "2026-11-20");
        page.fill(page.offering(1),
                "Offering id", "pc-cloud",
                "Title", "Cloud Associate Professional Certificate",
                "Type", "Professional certificate",
                "Achievement id", "https://badges.examplecloud.com/achievements/cloud-associate",
                "Name", "Example Cloud Co",
                "Kind", "Company");
        page.pasteCredentials(example.at("/request/learner/credentials/0").toString());
        page.chooseInstitutions("Example State University", "Lakeside Community College");
        page.submit();

        assertSameJson(example.at("/request/learner/credentials"), JSON.readTree(page.requestJson()).at("/learner/credentials"),
                "a credential pasted alone is sent as a list of one, as issued");
        assertEquals(List.of(List.of("RECORD", "Cloud Associate Professional Certificate",
                "read as the record of pc-cloud: completed on 2026-06-30, no grade; ACE recommends 9 semester hours.")), page.readings());
        assertEquals("No proof \u00b7 issuer not confirmed", browser.find("#readings .reading .proof").getText());
        assertTrue(browser.find("#readings").getText().contains("It carries no proof, so nothing shows who issued it or that it was not changed."),
                browser.find("#readings").getText());
        assertEquals(List.of(List.of("Example State University", "9", "0"), List.of("Lakeside Community College", "9", "0")), page.totals());
        assertEquals(List.of("ACCEPTED", "ACCEPTED"), page.transfers("pc-cloud").stream().map(EvaluationPage.ShownTransfer::outcome).toList());
    }

    @Test
    void what_would_change_this_shows_each_step_the_move_and_grade_first_then_what_gets_better() {
        page.loadExample("learner-12");
        assertTrue(browser.find("#ask-next-steps").isSelected(), "an example about next steps loads with them asked for");
        page.askForNextSteps();
        page.submit();
        assertEquals("neutral", browser.find("[data-answer=industryCertification] dd").getAttribute("class"),
                "no industry certification is the normal case, not shown as a refusal");
        assertEquals(List.of(new EvaluationPage.ShownStep("COMPLETE", "3.0",
                "Complete this MasterTrack with a grade of at least 3.0: degree admission becomes eligible (ADM-1) and "
                        + "Harbor Graduate School of Engineering accepts 9 of its hours (TR-8).",
                List.of("Better: Degree admission (mt-ds): Pathway → Eligible (ADM-1)",
                        "Better: transfer to Harbor Graduate School of Engineering (mt-ds): Expected, 9 semester hours → "
                                + "Accepted, 9 semester hours (TR-8)"))), page.steps("mt-ds"));

        page.loadExample("learner-14");
        page.askForNextSteps();
        page.submit();
        assertEquals(List.of("COMPLETE 0.0", "COMPLETE 2.0"),
                page.steps("mt-ai").stream().map(step -> step.move() + " " + step.gpa()).toList());
        assertEquals("Complete this MasterTrack with any grade: the credential becomes a university certificate (CRED-2).",
                page.steps("mt-ai").get(0).reason());
    }

    @Test
    void a_card_where_nothing_can_change_says_so() {
        page.loadExample("learner-9");
        page.askForNextSteps();
        page.submit();
        assertEquals("Nothing the learner can still do changes these answers.", page.noSteps("pc-a"));
    }

    private static String hours(String value) {
        return value + (value.equals("1") ? " semester hour" : " semester hours");
    }

    @Test
    void every_example_learner_loads_the_contract_request_and_shows_the_contract_answers() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.walk(ContractExamples.FOLDER)) {
            files = listing.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(files.size(), browser.findAll("#preset option").size() - 1, "one ready-made learner per contract example");
        for (Path file : files) {
            JsonNode example = JSON.readTree(file.toFile());
            page.loadExample(example.get("request").get("learner").get("id").asText());
            page.submit();
            JsonNode sent = example.get("request").deepCopy();
            if (example.has("expectNextSteps")) { // an example about next steps loads with them asked for
                ((com.fasterxml.jackson.databind.node.ObjectNode) sent).put("nextSteps", true);
            }
            assertSameJson(sent, JSON.readTree(page.requestJson()), file + ": the form sends the example's request unchanged");
            for (JsonNode expected : example.get("expect")) {
                String offeringId = expected.get("offeringId").asText();
                Map<String, String> wanted = new LinkedHashMap<>();
                SUMMARY_FIELDS.forEach(field -> wanted.put(field, expected.get(field).asText()));
                assertEquals(wanted, page.answerValues(offeringId), file + " " + offeringId);
                List<String> policies = page.conclusions(offeringId).stream().map(ShownConclusion::policy).toList();
                expected.get("policies").forEach(policy -> assertTrue(policies.contains(policy.asText()),
                        file + " " + offeringId + " shows no " + policy.asText() + " in " + policies));
                List<List<String>> wantedTransfers = new ArrayList<>();
                if (expected.has("transfers")) {
                    expected.get("transfers").forEach(transfer -> wantedTransfers.add(List.of(transfer.get("institution").asText(),
                            transfer.get("outcome").asText(), hours(transfer.get("semesterHours").asText()))));
                }
                assertEquals(wantedTransfers, page.transfers(offeringId).stream()
                        .map(shown -> List.of(shown.institution(), shown.outcome(), shown.hours())).toList(), file + " " + offeringId);
            }
            List<List<String>> wantedTotals = new ArrayList<>();
            if (example.has("expectInstitutions")) {
                example.get("expectInstitutions").forEach(totals -> wantedTotals.add(List.of(totals.get("name").asText(),
                        totals.get("acceptedSemesterHours").asText(), totals.get("expectedSemesterHours").asText())));
            }
            assertEquals(wantedTotals, page.totals(), file + ": the totals per institution");
        }
    }

    @Test
    void a_bad_form_shows_each_problem_next_to_its_field_and_in_a_summary_then_answers_once_fixed() throws IOException {
        page.loadExample("learner-1");
        WebElement mastertrack = page.offering(1);
        page.fill(mastertrack,
                "GPA", "5",
                "Minimum GPA", "three",
                "Type", "Choose…");
        page.submit();

        assertFalse(page.answersShown());
        assertEquals("Invalid request", page.problemTitle());
        assertEquals("must be less than or equal to 4.0", page.messageFor(page.control(mastertrack, "GPA")));
        assertEquals("\"three\" is not allowed: must be a number", page.messageFor(page.control(mastertrack, "Minimum GPA")));
        assertEquals("is required", page.messageFor(page.control(mastertrack, "Type")));
        assertEquals("true", page.control(mastertrack, "GPA").getAttribute("aria-invalid"));
        assertNull(page.messageFor(page.control(mastertrack, "Title")), "a valid field carries no message");
        browser.screenshot("AdvisorPageIT-a_bad_form-problems-shown");
        assertEquals(List.of(
                "Offering 1 › What the learner did › GPA: must be less than or equal to 4.0",
                "Offering 1 › Pathway into a degree › Minimum GPA: \"three\" is not allowed: must be a number",
                "Offering 1 › Type: is required"),
                page.problemSummary());

        browser.findAll("#error-summary li a").get(0).click();
        assertEquals(page.control(mastertrack, "GPA"), browser.driver().switchTo().activeElement(), "the summary link focuses the field");

        page.fill(mastertrack,
                "GPA", "3.4",
                "Minimum GPA", "3.0",
                "Type", "MasterTrack");
        page.submit();
        assertTrue(page.answersShown());
        assertEquals("Eligible", page.answers("mt-ds").get("Degree admission"));
        assertTrue(browser.findAll(".field-error").isEmpty(), "the old messages are gone");
        assertNull(page.control(mastertrack, "GPA").getAttribute("aria-invalid"));
    }

    @Test
    void a_credential_that_is_not_json_is_named_at_the_credentials_box_and_the_answers_on_screen_stay() {
        page.loadExample("learner-1");
        page.submit();
        assertTrue(page.answersShown());
        page.pasteCredentials("this is not a credential");
        page.submit();
        assertEquals("Invalid request", page.problemTitle());
        assertEquals(List.of("Learner › Credentials the learner holds: must be a list, not a string"), page.problemSummary());
        assertEquals("must be a list, not a string", page.messageFor(browser.find("#learner-credentials")), "the message sits at the box");
        assertEquals("true", browser.find("#learner-credentials").getAttribute("aria-invalid"));
        assertTrue(page.answersShown(), "the earlier answers stay until a new answer replaces them");
        assertFalse(page.options().isEmpty(), "and so does their own ranking");
    }

    @Test
    void a_form_without_offerings_names_the_missing_offerings() {
        page.fill(page.learner(), "Learner id", "learner-9");
        page.offering(1).findElement(By.cssSelector("button.remove")).click();
        page.submit();
        assertEquals(List.of("Offerings: must hold between 1 and 500 offerings"), page.problemSummary());
        assertEquals("must hold between 1 and 500 offerings", browser.find("#offerings .field-error").getText());
    }

    @Test
    void the_request_is_shown_as_json_and_as_a_curl_command_that_gets_the_same_answers() throws Exception {
        page.loadExample("learner-4");
        page.submit();
        String json = page.requestJson();
        assertSameJson(example("04-professional-certificate-ace.json").get("request"), JSON.readTree(json), "the request shown");

        browser.find("#request summary").click();
        browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.find("#copy-curl").click();
        browser.waitFor(driver -> !browser.find("#copy-status").getText().isEmpty());
        assertEquals("curl command copied.", browser.find("#copy-status").getText());
        Object clipboard = browser.driver().executeAsyncScript("navigator.clipboard.readText().then(arguments[0]);");
        assertEquals(page.requestCurl(), clipboard);

        Process curl = new ProcessBuilder("bash", "-c", page.requestCurl()).redirectErrorStream(true).start();
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
        JsonNode answer = JSON.readTree(new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> fromCurl = new LinkedHashMap<>();
        SUMMARY_FIELDS.forEach(field -> fromCurl.put(field, answer.get("results").get(0).get(field).asText()));
        assertEquals(fromCurl, page.answerValues("pc-it"), "the copied command gets the answers the page shows");
    }

    @Test
    void every_control_has_a_label_and_the_form_works_from_the_keyboard() {
        browser.find("#add-offering").click();
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.script(
                "return [...document.querySelectorAll('input, select, button:not([type]), textarea')]"
                        + ".filter(c => c.tagName !== 'BUTTON' && (c.labels.length !== 1 || c.labels[0].textContent.trim() === ''))"
                        + ".map(c => c.id || c.outerHTML);");
        assertEquals(List.of(), unlabelled);
        Long duplicateIds = (Long) browser.script(
                "const ids = [...document.querySelectorAll('[id]')].map(e => e.id); return ids.length - new Set(ids).size;");
        assertEquals(0L, duplicateIds);

        // Tab from the example list to Load, Enter loads; Enter in a text field submits.
        browser.find("#preset").sendKeys(Keys.END);
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("load-preset", browser.driver().switchTo().activeElement().getAttribute("id"));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        // The last example learner: a MasterTrack asked about at two institutions.
        browser.waitFor(driver -> page.offeringCount() == 1 && "mt-ds".equals(page.control(page.offering(1), "Offering id").getAttribute("value")));
        page.control(page.learner(), "Learner id").sendKeys(Keys.ENTER);
        browser.waitFor(driver -> "answers-heading".equals(driver.switchTo().activeElement().getAttribute("id")));
        assertEquals("Not applicable", page.answers("mt-ds").get("Degree admission"));
        assertEquals(List.of("Accepted", "Not accepted"), page.transfers("mt-ds").stream().map(EvaluationPage.ShownTransfer::outcomeWords).toList());
    }

    @Test
    void on_a_phone_sized_screen_the_form_and_the_answers_fit_without_sideways_scrolling() {
        browser.screen(390, 844);
        page.open();
        page.loadExample("learner-6");
        page.submit();
        assertEquals(2, page.cardOfferingIds().size());
        Long overflow = (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow, "the page is wider than the screen");
    }

    /** Equal JSON, numbers compared by value: a browser writes 3.0 as 3. */
    private static void assertSameJson(JsonNode expected, JsonNode actual, String message) {
        Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1;
        assertTrue(expected.equals(numbersByValue, actual), message + "\nexpected: " + expected + "\n     got: " + actual);
    }

    private static JsonNode example(String file) throws IOException {
        return ContractExamples.read(file);
    }

    private static JsonNode answerFromTheApi(JsonNode request) throws IOException {
        return JSON.readTree(given().contentType(ContentType.JSON).body(request.toString())
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString());
    }

    /** What the API answers for this request, in the shape the page shows it. */
    private static Map<String, List<ShownConclusion>> conclusionsFromTheApi(JsonNode request) throws IOException {
        Map<String, List<ShownConclusion>> byOffering = new LinkedHashMap<>();
        for (JsonNode result : answerFromTheApi(request).get("results")) {
            List<ShownConclusion> conclusions = new ArrayList<>();
            for (JsonNode c : result.get("conclusions")) {
                String topic = words(c.get("topic").asText());
                conclusions.add(new ShownConclusion(c.get("policy").asText(),
                        topic.equals("Advice") ? topic : topic + ": " + words(c.get("outcome").asText()),
                        c.get("reason").asText(), c.get("rule").asText(), c.get("file").asText(),
                        c.has("row") ? "row " + c.get("row").asInt() + " of the decision table" : ""));
            }
            byOffering.put(result.get("offeringId").asText(), conclusions);
        }
        return byOffering;
    }

    /** "INDUSTRY_CERTIFICATION" as the page writes it: "Industry certification". */
    private static String words(String code) {
        String words = code.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
