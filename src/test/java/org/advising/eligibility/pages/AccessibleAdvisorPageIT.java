package org.advising.eligibility.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The advisor's page as advisors at a public university must be able to use it (WCAG 2.1 AA):
 * axe-core finds no violation in any state, every problem the service names is shown at its
 * control and linked from an announced summary, the answers arrive in view and announced, the
 * main path works from the keyboard alone, the focus ring stands out on every background, and a
 * phone shows the ranking whole.
 */
@QuarkusIntegrationTest
class AccessibleAdvisorPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The rule sets the page is held to: WCAG 2.0 and 2.1, levels A and AA, and Deque's best practices. */
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    @RegisterExtension
    static final Browser browser = new Browser();

    private final EvaluationPage page = new EvaluationPage(browser);

    @BeforeEach
    void openThePage() {
        page.open();
    }

    @Test
    void axe_finds_no_violation_empty_with_problems_answers_next_steps_ranking_or_credentials() throws IOException {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        violations.put("empty", axe());

        page.fill(page.learner(), "Learner id", "learner-0");
        page.submit();
        assertTrue(page.problemSummary().size() >= 3, page.problemSummary().toString());
        violations.put("problems", axe());

        page.loadExample("learner-1");
        page.submit();
        violations.put("answers", axe());

        page.loadExample("learner-12");
        page.submit();
        assertFalse(page.steps("mt-ds").isEmpty());
        violations.put("next steps", axe());

        page.loadExample("learner-15");
        page.submit();
        page.options();
        browser.find("#request summary").click();
        violations.put("ranking, the request shown", axe());

        fillWith(Path.of("src/test/resources/credential-examples/17-transcript-and-an-expired-badge.json"));
        page.submit();
        assertEquals(4, page.readings().size());
        String heldByTheClr = "It has no proof of its own and is read with that of the CLR holding it (learner.credentials[0]): it carries "
                + "no proof, so nothing shows who issued it or that it was not changed.";
        assertEquals(List.of("Of 3 credentials: " + heldByTheClr), browser.findAll("#readings .shared-note").stream().map(WebElement::getText).toList(),
                "a proof's note said of several credentials is said once");
        assertEquals(List.of(), browser.findAll("#readings .reading .notes li").stream().map(WebElement::getText)
                .filter(heldByTheClr::equals).toList(), "and not again under each");
        violations.put("credentials", axe());

        assertEquals(Map.of("empty", List.of(), "problems", List.of(), "answers", List.of(), "next steps", List.of(),
                "ranking, the request shown", List.of(), "credentials", List.of()), violations);
    }

    @Test
    void after_get_answers_the_one_line_summary_and_the_first_card_are_in_view_and_the_rulebase_is_small_print() throws IOException {
        browser.screen(1280, 800);
        page.open();
        page.loadExample("learner-1");
        page.submit();
        assertEquals("status", browser.find("#result-status").getAttribute("role"));
        assertEquals("Answers for 1 offering as policy stood on " + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                + ". Transfers credit \u2014 MasterTrack Certificate in Data Science: yes.", page.resultStatus());
        assertInView("#result-status");
        assertInView("#results .result .answers");
        assertEquals("answers-heading", page.focused());
        assertTrue((Boolean) browser.script("const p = document.getElementById('decided-by');"
                + "return parseFloat(getComputedStyle(p).fontSize) < parseFloat(getComputedStyle(document.body).fontSize)"
                + " && p.compareDocumentPosition(document.getElementById('results')) === Node.DOCUMENT_POSITION_PRECEDING;"),
                "the rulebase line comes after the answers, in small print");
        browser.viewportScreenshot("AccessibleAdvisorPageIT-answers-in-view-1280x800");
    }

    @Test
    void from_the_keyboard_alone_an_example_is_loaded_answered_and_an_institution_added_from_the_ranking_without_losing_the_place()
            throws IOException {
        int tabs = 0;
        while (!"preset".equals(page.focused()) && tabs < 10) {
            tab();
            tabs++;
        }
        assertEquals("preset", page.focused(), "the example list is within the first Tab presses");
        // learner-15 is the eleventh example after "Blank form"
        for (int i = 0; i < 11; i++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.DOWN);
        }
        assertTrue(new Select(browser.find("#preset")).getFirstSelectedOption().getText().startsWith("learner-15: "));
        tab();
        assertEquals("load-preset", page.focused());
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitFor(driver -> "learner-15".equals(page.control(page.learner(), "Learner id").getAttribute("value")));

        int toSubmit = 0;
        do {
            tab();
            toSubmit++;
        } while (!"submit".equals(browser.driver().switchTo().activeElement().getAttribute("type")) && toSubmit < 100);
        assertTrue(toSubmit <= 10, toSubmit + " Tab presses from Load to Get answers");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitFor(driver -> "answers-heading".equals(page.focused()));
        assertTrue(page.resultStatus().startsWith("Answers for 3 offerings"), page.resultStatus());
        assertFalse(page.options().isEmpty());

        int toAsk = 0;
        do {
            tab();
            toAsk++;
        } while (!"northbridge-college".equals(browser.driver().switchTo().activeElement().getAttribute("data-institution")) && toAsk < 300);
        WebElement ask = browser.driver().switchTo().activeElement();
        assertEquals("Ask about Northbridge College", ask.getAttribute("aria-label"));
        ask.sendKeys(Keys.ENTER);
        browser.waitFor(driver -> (Boolean) browser.script("return document.querySelectorAll('#results .transfer').length > 0;"));
        WebElement focused = browser.driver().switchTo().activeElement();
        assertEquals("northbridge-college", focused.getAttribute("data-institution"), "the focus stays on the button pressed");
        assertEquals("Asked about", focused.getText());
        assertEquals("true", focused.getAttribute("aria-disabled"));
        assertTrue((Boolean) browser.script("const box = document.activeElement.getBoundingClientRect();"
                + "return box.top >= 0 && box.bottom <= window.innerHeight;"), "and the button is still in view");
        assertTrue(page.resultStatus().startsWith("Northbridge College is now asked about: each card has a line for it, and the totals "
                + "table its hours. Answers for 3 offerings"), page.resultStatus());
        browser.viewportScreenshot("AccessibleAdvisorPageIT-asked-about-keeps-focus");
        focused.sendKeys(Keys.ENTER);
        assertEquals(List.of("Northbridge College"), page.chosenInstitutionNames(), "pressing it again adds nothing");
    }

    @Test
    void the_focus_ring_stands_out_at_least_3_to_1_from_every_background_it_is_drawn_on() {
        page.fill(page.learner(), "Learner id", "learner-0");
        page.submit();
        List<String> withProblems = weakFocusRings();
        page.loadExample("learner-15");
        page.submit();
        page.options();
        browser.find("#request summary").click();
        List<String> withRanking = weakFocusRings();
        assertEquals(List.of(), withProblems, "on the page with problems shown");
        assertEquals(List.of(), withRanking, "on the page with answers and the ranking");
    }

    @Test
    void on_a_phone_the_ranking_is_a_list_with_ask_about_beside_each_name_and_the_chart_text_stays_readable() throws IOException {
        browser.screen(390, 844);
        page.open();
        page.loadExample("learner-15");
        page.submit();
        List<List<String>> ranking = page.options();
        assertEquals(4, ranking.size());
        assertEquals(0L, browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"),
                "nothing is off-screen to the right");
        @SuppressWarnings("unchecked")
        List<String> misplaced = (List<String>) browser.script(
                "return [...document.querySelectorAll('#options tbody tr')].filter(row => {"
                        + "  const name = row.querySelector('th').getBoundingClientRect();"
                        + "  const ask = row.querySelector('button').getBoundingClientRect();"
                        + "  const middle = (ask.top + ask.bottom) / 2;"
                        + "  return ask.right > window.innerWidth || middle < name.top || middle > name.bottom + 8;"
                        + "}).map(row => row.dataset.institution);");
        assertEquals(List.of(), misplaced, "each Ask about button is on screen, beside its institution's name");
        assertEquals(List.of("Accepted", "Expected", "Match", "Review", "Miss"),
                browser.findAll("#options tr[data-institution='example-state'] td[data-label]").stream()
                        .map(cell -> cell.getAttribute("data-label")).toList(), "each number says what it counts");
        Double smallest = ((Number) browser.script(
                "const svg = document.getElementById('options-chart');"
                        + "const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
                        + "return Math.min(...[...svg.querySelectorAll('text')].map(t => scale * parseFloat(getComputedStyle(t).fontSize)));"))
                .doubleValue();
        assertTrue(smallest >= 12, "the chart's smallest text is " + smallest + " px on screen");
        assertEquals(List.of(), labelsCutOff(), "every name in the chart is whole or shortened with …, never cut at an edge");

        // A 1366 px laptop at 200% zoom: 683 CSS px, the ranking still a list, nothing scrolls sideways.
        browser.screen(683, 768);
        browser.waitFor(driver -> (Boolean) browser.script("const s = document.querySelector('#options .scroll');"
                + "return s.scrollWidth <= s.clientWidth && document.documentElement.scrollWidth <= document.documentElement.clientWidth;"));
        assertEquals(List.of(), labelsCutOff());
        browser.script("document.getElementById('options').scrollIntoView();");
        browser.viewportScreenshot("AccessibleAdvisorPageIT-phone-ranking");
    }

    @Test
    void a_new_request_never_shows_the_previous_learners_ranking_even_while_the_new_one_is_on_its_way() {
        page.loadExample("learner-15");
        page.submit();
        List<List<String>> before = page.options();
        // The ranking is slow to come (a busy service): it arrives 2 s after it is asked for.
        browser.script("const fetched = window.fetch; window.fetch = (url, init) => String(url).includes('transfer-options')"
                + " ? new Promise(resolve => setTimeout(resolve, 2000)).then(() => fetched(url, init)) : fetched(url, init);");
        page.fill(page.offering(2), "GPA", "1.0");
        page.submit();
        assertTrue(page.answersShown());
        assertTrue(browser.findAll("#options tbody tr").isEmpty(), "no row of the earlier ranking is left under the new answers");
        assertEquals("Ranking every institution in effect…", browser.find("#options-loading").getText());
        assertEquals("", browser.find("#options-considered").getText(), "the live line speaks only when the ranking comes");
        assertEquals(List.of(), axe(), "while the ranking is on its way");
        List<List<String>> after = page.options();
        assertFalse(after.equals(before), "the new ranking is the new learner's: " + after);
    }

    @Test
    void each_problem_is_shown_at_its_control_linked_from_the_announced_summary_and_the_earlier_answers_stay() throws IOException {
        page.loadExample("learner-1");
        page.submit();
        assertTrue(page.answersShown());
        // The summary is not a live region: moving the focus to it reads it once.
        assertEquals("error-summary-title", browser.find("#error-summary").getAttribute("aria-labelledby"));

        // A credential without a type: at the credentials box.
        page.pasteCredentials("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"id\": \"urn:uuid:1\"}");
        page.submit();
        String missingType = "credential 1 › type: is missing; it must name one of OpenBadgeCredential, AchievementCredential, ClrCredential";
        assertEquals(List.of("Learner › Credentials the learner holds: " + missingType), page.problemSummary());
        assertEquals(missingType, page.messageFor(browser.find("#learner-credentials")));
        assertEquals("error-summary", page.focused(), "the summary takes the focus, so it is read out");
        browser.viewportScreenshot("AccessibleAdvisorPageIT-problem-summary");
        followFirstLink("learner-credentials");
        assertTrue(page.answersShown(), "the answers on screen stay until a new answer replaces them");
        page.pasteCredentials("");

        // An institution the service does not know (a portal's stale id, sent as the second one asked about): at its box.
        page.chooseInstitutions("Example State University", "Northbridge College");
        browser.script("const fetched = window.fetch; window.fetch = (url, init) => {"
                + "  if (String(url).endsWith('api/v1/evaluations')) {"
                + "    const request = JSON.parse(init.body); request.receivingInstitutions[1] = 'closed-college';"
                + "    init = { ...init, body: JSON.stringify(request) }; window.fetch = fetched; }"
                + "  return fetched(url, init); };");
        page.submit();
        WebElement northbridge = browser.find("#institution-northbridge-college");
        List<String> summary = page.problemSummary();
        assertEquals(1, summary.size());
        assertTrue(summary.get(0).startsWith("Receiving institutions › Northbridge College: names no receiving institution in effect on "),
                summary.get(0));
        assertTrue(page.messageFor(northbridge).contains("\"closed-college\""), page.messageFor(northbridge));
        assertEquals("true", northbridge.getAttribute("aria-invalid"));
        followFirstLink("institution-northbridge-college");
        assertTrue(page.answersShown());

        // Next steps for more offerings than they are found for: at the box that asks for them.
        for (int i = 0; i < 20; i++) {
            browser.find("#add-offering").click();
        }
        page.askForNextSteps();
        page.submit();
        String tooMany = "asks for the next steps of 21 offerings; at most 20 per request (send the others in another request)";
        assertTrue(page.problemSummary().contains("Show what would change each answer: " + tooMany), page.problemSummary().toString());
        assertEquals(tooMany, page.messageFor(browser.find("#ask-next-steps")));
        assertTrue(page.answersShown());

        // No provider at all: at the Provider group; its link leads to the group's first field.
        page.loadExample("learner-1");
        WebElement offering = page.offering(1);
        page.fill(offering, "Name", "", "Kind", "Choose…", "Accreditor", "", "Web domain", "", "Country", "");
        page.submit();
        assertEquals(List.of("Offering 1 › Provider: is required"), page.problemSummary());
        WebElement group = offering.findElement(By.cssSelector("[data-group=provider]"));
        assertEquals("is required", browser.find("#" + group.getAttribute("aria-describedby")).getText());
        WebElement name = page.control(offering, "Name");
        assertEquals("is required", page.messageFor(name));
        followFirstLink(name.getAttribute("id"));
        browser.viewportScreenshot("AccessibleAdvisorPageIT-provider-required");
    }

    @Test
    void only_the_latest_request_is_answered_on_screen_however_the_earlier_ones_arrive() {
        page.loadExample("learner-15");
        page.submit();
        page.options();
        // The evaluations are slow: the first (AAA) slower than the second (BBB), so it arrives last; the two asked from the
        // ranking slow enough that the second is sent before the first comes back.
        browser.script("const fetched = window.fetch; const delays = [1500, 200, 2000, 2000]; let sent = 0; window.fetch = (url, init) => {"
                + "  if (!String(url).endsWith('api/v1/evaluations')) return fetched(url, init);"
                + "  const wait = delays[sent++] || 0;"
                + "  return new Promise(resolve => setTimeout(resolve, wait)).then(() => fetched(url, init)); };");
        page.fill(page.offering(1), "Title", "AAA");
        browser.find("button[type=submit]").click();
        page.fill(page.offering(1), "Title", "BBB");
        browser.find("button[type=submit]").click();
        browser.waitFor(driver -> (Boolean) browser.script("return document.querySelector('#results .result h3') !== null"
                + " && document.querySelector('#results .result h3').textContent.startsWith('BBB');"));
        // Two institutions added from the ranking (BBB's, once it has come) at once: both get their lines.
        page.options();
        browser.find("#options tr[data-institution='example-state'] button").click();
        browser.find("#options tr[data-institution='lakeside-cc'] button").click();
        browser.waitFor(driver -> (Boolean) browser.script("return document.querySelectorAll('#results .result[data-offering=\"pc-da\"] .transfer').length === 2;"));
        // the first answer (AAA) has had time to arrive: it is not shown
        assertTrue(browser.find("#results .result h3").getText().startsWith("BBB"), browser.find("#results .result h3").getText());
        assertEquals(2, browser.findAll("#results .result[data-offering='pc-da'] .transfer").size());
        assertTrue(page.resultStatus().startsWith("Example State University and Lakeside Community College are now asked about"),
                page.resultStatus());
    }

    @Test
    void ask_about_after_an_edit_gives_the_focus_back_to_the_same_institution_in_the_new_ranking() {
        page.loadExample("learner-15");
        page.submit();
        page.options();
        page.fill(page.offering(2), "GPA", "1.0");
        WebElement ask = browser.find("#options tr[data-institution='lakeside-cc'] button");
        browser.script("arguments[0].dataset.pressed = 'before the edit'; arguments[0].focus();", ask);
        ask.sendKeys(Keys.ENTER);
        // the new learner's ranking drawn (the row pressed was taken away with the old one), and the focus back on its button
        browser.waitFor(driver -> (Boolean) browser.script("const b = document.activeElement;"
                + "return document.getElementById('options-considered').textContent.startsWith('Ranked') && b && !b.dataset.pressed"
                + " && b.matches('button.ask') && b.dataset.institution === 'lakeside-cc' && b.getAttribute('aria-disabled') === 'true';"));
        String status = page.resultStatus();
        assertTrue(status.startsWith("Lakeside Community College is now asked about"), status);
        assertEquals("Lakeside Community College is now asked about: each card has a line for it, and the totals table its hours.",
                browser.find("#options-added").getText(), "said beside the ranking too, where the advisor is");
    }

    @Test
    void a_summary_link_to_an_offering_removed_since_is_gone_with_it() {
        browser.script("window.__errors = []; window.addEventListener('error', e => window.__errors.push(e.message));");
        browser.find("#add-offering").click();
        page.submit();
        assertFalse(page.problemSummary().isEmpty());
        page.offering(2).findElement(By.cssSelector("button.remove")).click();
        assertTrue(browser.findAll("#error-summary li").isEmpty() && !browser.find("#error-summary").isDisplayed(),
                "the problems named offerings by a place that has changed");
        @SuppressWarnings("unchecked")
        List<Object> errors = (List<Object>) browser.script("return window.__errors || [];");
        assertEquals(List.of(), errors);
    }

    // ---- helpers ----

    @SuppressWarnings("unchecked")
    private List<String> labelsCutOff() {
        return (List<String>) browser.script("const svg = document.getElementById('options-chart');"
                + "const box = svg.getBoundingClientRect();"
                + "return [...svg.querySelectorAll('text')].filter(t => { const r = t.getBoundingClientRect();"
                + "  return r.left < box.left - 0.5 || r.right > box.right + 0.5; }).map(t => t.textContent);");
    }

    private List<String> axe() {
        Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(browser.driver());
        assertFalse(results.isErrored(), results.getErrorMessage());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                    + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
        }
        return found;
    }

    /** Fills the form with a credential example's request, as a portal hands the page a learner. */
    private void fillWith(Path example) throws IOException {
        JsonNode request = JSON.readTree(example.toFile()).get("request");
        browser.script("fill(JSON.parse(arguments[0]));", request.toString());
    }

    private void tab() {
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
    }

    private void assertInView(String css) {
        assertTrue((Boolean) browser.script("const box = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return box.top >= 0 && box.bottom <= window.innerHeight;", css), css + " is in view");
    }

    /** Follows the summary's first link and checks it took the focus to the control with this id. */
    private void followFirstLink(String controlId) {
        browser.findAll("#error-summary li a").get(0).click();
        assertEquals(controlId, page.focused(), "the summary's link leads to the control");
    }

    /**
     * Focuses every visible control, link and focusable block (after one real Tab, so the browser draws the ring it
     * draws for the keyboard) and gives each whose ring is thinner than 2 px or under 3:1 against the background
     * around it (WCAG 1.4.11).
     */
    @SuppressWarnings("unchecked")
    private List<String> weakFocusRings() {
        browser.find("#preset").sendKeys(Keys.TAB);
        return (List<String>) browser.script(
                "const rgb = s => s.match(/[\\d.]+/g).map(Number);"
                        + "const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
                        + "  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
                        + "const behind = node => { for (let n = node.parentElement; n; n = n.parentElement) {"
                        + "  const c = rgb(getComputedStyle(n).backgroundColor); if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };"
                        + "const weak = [];"
                        + "for (const node of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) {"
                        + "  if (node.getClientRects().length === 0 || node.disabled) continue;"
                        + "  node.focus();"
                        + "  if (document.activeElement !== node) continue;"
                        + "  const style = getComputedStyle(node);"
                        + "  const a = lum(rgb(style.outlineColor)), b = lum(behind(node));"
                        + "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
                        + "  if (!node.matches(':focus-visible') || style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2 || ratio < 3)"
                        + "    weak.push((node.id || node.tagName + ' ' + node.textContent.trim().slice(0, 30)) + ': ' + style.outlineStyle + ' '"
                        + "      + style.outlineWidth + ' ' + style.outlineColor + ', ' + ratio.toFixed(2) + ':1');"
                        + "}"
                        + "return weak;");
    }
}
