package org.advising.eligibility.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The evaluation page at /, operated the way an advisor does: by the words on the screen. */
final class EvaluationPage {

    /** One institution's line on an offering's card: the institution's id and name, the outcome's value and words, the hours and the reason. */
    record ShownTransfer(String institution, String name, String outcome, String outcomeWords, String hours, String reason) {
    }

    /** One conclusion as the page shows it. */
    /** A conclusion as the page shows it; {@code row} is the decision table's row it names, or "" for a DRL rule. */
    record ShownConclusion(String policy, String topicAndOutcome, String reason, String rule, String file, String row) {

        ShownConclusion(String policy, String topicAndOutcome, String reason, String rule, String file) {
            this(policy, topicAndOutcome, reason, rule, file, "");
        }
    }

    private final Browser browser;

    EvaluationPage(Browser browser) {
        this.browser = browser;
    }

    EvaluationPage open() {
        browser.open("/");
        browser.waitFor(driver -> browser.findAll("#preset option").size() > 1 && !browser.findAll("#institution-choices input").isEmpty());
        return this;
    }

    /** Chooses the ready-made learner with this id and loads it into the form. */
    void loadExample(String learnerId) {
        Select presets = new Select(browser.find("#preset"));
        presets.getOptions().stream().filter(option -> option.getText().startsWith(learnerId + ": ")).findFirst()
                .orElseThrow(() -> new AssertionError("no example learner " + learnerId)).click();
        browser.find("#load-preset").click();
    }

    /** The learner's part of the form. */
    WebElement learner() {
        return browser.find("#learner");
    }

    /** The offering fieldset at this position, counting from 1 as the page does. */
    WebElement offering(int number) {
        return browser.findAll("#offerings .offering").get(number - 1);
    }

    int offeringCount() {
        return browser.findAll("#offerings .offering").size();
    }

    /** The control labelled with these words (its label without the hint) inside this part of the form. */
    WebElement control(WebElement scope, String label) {
        WebElement found = scope.findElement(By.xpath(".//label[normalize-space(text())=\"" + label + "\"]"));
        return browser.find("#" + found.getAttribute("for"));
    }

    /** For each label and value: types into the text field, or picks the option with this text in the list. */
    void fill(WebElement scope, String... labelsAndValues) {
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            WebElement control = control(scope, labelsAndValues[i]);
            if (control.getTagName().equals("select")) {
                new Select(control).selectByVisibleText(labelsAndValues[i + 1]);
            } else {
                control.clear();
                control.sendKeys(labelsAndValues[i + 1]);
            }
        }
    }

    /** Presses "Get answers" and waits until the answers or the problems are shown (the page moves focus there). */
    void submit() {
        browser.find("button[type=submit]").click();
        browser.waitFor(driver -> (Boolean) browser.script(
                "const id = document.activeElement.id; return id === 'answers-heading' || id === 'error-summary';"));
    }

    boolean answersShown() {
        return browser.find("#answers").isDisplayed();
    }

    /** The five answers of one offering's card: label → the words shown. */
    Map<String, String> answers(String offeringId) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (List<String> answer : browser.parts(card(offeringId), ".answers > div", "dt", "dd")) {
            answers.put(answer.get(0), answer.get(1));
        }
        return answers;
    }

    /** The five answers of one offering's card as the API's values: field → value. */
    Map<String, String> answerValues(String offeringId) {
        Map<String, String> values = new LinkedHashMap<>();
        for (List<String> answer : browser.parts(card(offeringId), ".answers > div", "@data-answer", "dd@data-value")) {
            values.put(answer.get(0), answer.get(1));
        }
        return values;
    }

    List<ShownConclusion> conclusions(String offeringId) {
        return browser.parts(card(offeringId), ".conclusion", ".policy", ".topic", ".reason", ".rule-name", ".file", "?.row").stream()
                .map(item -> new ShownConclusion(item.get(0), item.get(1), item.get(2), item.get(3), item.get(4), item.get(5)))
                .toList();
    }

    /** The "Why not …?" text under the conclusion of this policy on the offering's card (PR-3), or "" when it has none. */
    String whyNot(String offeringId, String policy) {
        return card(offeringId).findElements(By.cssSelector(".conclusion[data-policy='" + policy + "'] .why-not")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    /** Ticks the receiving institutions with these names, in this order (the order they are asked about). */
    void chooseInstitutions(String... names) {
        for (String name : names) {
            WebElement label = browser.find("#institution-choices").findElement(By.xpath(".//label[normalize-space(text())=\"" + name + "\"]"));
            WebElement box = browser.find("#" + label.getAttribute("for"));
            if (!box.isSelected()) {
                label.click();
            }
        }
    }

    /** The names of the institutions ticked, in the order the page lists them. */
    List<String> chosenInstitutionNames() {
        return browser.findAll("#institution-choices .choice").stream()
                .filter(choice -> choice.findElement(By.tagName("input")).isSelected())
                .map(choice -> choice.findElement(By.tagName("label")).getText()).toList();
    }

    List<ShownTransfer> transfers(String offeringId) {
        return browser.parts(card(offeringId), ".transfer", "@data-institution", ".institution", ".outcome@data-value", ".outcome", ".hours",
                ".reason").stream()
                .map(line -> new ShownTransfer(line.get(0), line.get(1), line.get(2), line.get(3), line.get(4), line.get(5)))
                .toList();
    }

    /** One step of "What would change this": its move and grade, its reason and each change as the page words it. */
    record ShownStep(String move, String gpa, String reason, List<String> changes) {
    }

    /** Ticks "Show what would change each answer". */
    void askForNextSteps() {
        if (!browser.find("#ask-next-steps").isSelected()) {
            browser.find("label[for='ask-next-steps']").click();
        }
    }

    /** The card's next steps, in the order shown; empty when the card shows none. */
    List<ShownStep> steps(String offeringId) {
        return card(offeringId).findElements(By.cssSelector(".step")).stream()
                .map(step -> new ShownStep(step.getAttribute("data-move"), step.getAttribute("data-gpa"),
                        step.findElement(By.cssSelector(".reason")).getText(),
                        step.findElements(By.cssSelector(".change")).stream().map(WebElement::getText).toList()))
                .toList();
    }

    /** What the card says under "What would change this" when nothing would; empty when it says something else. */
    String noSteps(String offeringId) {
        return card(offeringId).findElements(By.cssSelector(".steps.none")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    /** Types credentials (JSON as issued) into "Credentials the learner holds". */
    void pasteCredentials(String json) {
        WebElement box = control(learner(), "Credentials the learner holds");
        box.clear();
        box.sendKeys(json);
    }

    /** What "Credentials read" says of each credential: its name, then what it became. */
    List<List<String>> readings() {
        return browser.findAll("#readings .reading").stream()
                .map(reading -> List.of(reading.getAttribute("data-use"), reading.findElement(By.tagName("strong")).getText(),
                        reading.findElement(By.cssSelector(".use")).getText()))
                .toList();
    }

    /** Waits until "Where would it count most?" shows its ranking, then gives its rows: name, accepted, expected, match, review, miss. */
    List<List<String>> options() {
        browser.waitFor(driver -> browser.find("#options").isDisplayed() && !browser.findAll("#options tbody tr").isEmpty());
        return browser.findAll("#options tbody tr").stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().limit(6).map(WebElement::getText).toList()).toList();
    }

    /** The chart's bars, in drawing order: institution id, accepted or expected, hours, width. */
    List<String> chartBars() {
        return browser.findAll("#options-chart rect").stream()
                .map(bar -> bar.getAttribute("data-institution") + " " + bar.getAttribute("class").replace("bar-", "") + " "
                        + bar.getAttribute("data-hours") + " " + Math.round(Double.parseDouble(bar.getAttribute("width"))))
                .toList();
    }

    /** Presses "Ask about" on the ranking's row of this institution and waits for the answers asked again. */
    void askAbout(String institutionId) {
        browser.find("#options tr[data-institution='" + institutionId + "'] button").click();
        // asked again: the cards have the institution's transfer lines, and the ranking, fetched again, says so
        browser.waitFor(driver -> (Boolean) browser.script("return document.querySelectorAll('#results .transfer').length > 0 && "
                + "[...document.querySelectorAll('#options tr[data-institution=\"" + institutionId + "\"] button')]"
                + ".some(button => button.getAttribute('aria-disabled') === 'true');"));
    }

    /** The totals table, a row per institution: name, accepted hours, expected hours; empty when it is not shown. */
    List<List<String>> totals() {
        if (!browser.find("#totals").isDisplayed()) {
            return List.of();
        }
        return browser.findAll("#totals tbody tr").stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList()).toList();
    }

    List<String> cardOfferingIds() {
        return browser.findAll("#results .result").stream().map(card -> card.getAttribute("data-offering")).toList();
    }

    /** The one-line summary in the page's status region (role=status), which screen readers announce. */
    String resultStatus() {
        return browser.find("#result-status").getText();
    }

    /** The id, or else the text, of the element that has the keyboard focus. */
    String focused() {
        WebElement active = browser.driver().switchTo().activeElement();
        String id = active.getAttribute("id");
        return id == null || id.isEmpty() ? active.getText() : id;
    }

    String decidedBy() {
        return browser.find("#decided-by").getText();
    }

    /** The message shown next to a control, found the way a screen reader finds it (aria-describedby). */
    String messageFor(WebElement control) {
        String describedBy = control.getAttribute("aria-describedby");
        return describedBy == null ? null : browser.find("#" + describedBy).getText();
    }

    List<String> problemSummary() {
        return browser.findAll("#error-summary li").stream().map(WebElement::getText).toList();
    }

    String problemTitle() {
        return browser.find("#error-summary h2").getText();
    }

    /** The JSON the page sent, as shown for portal developers. */
    String requestJson() {
        return (String) browser.script("return document.getElementById('request-json').textContent;");
    }

    String requestCurl() {
        return (String) browser.script("return document.getElementById('request-curl').textContent;");
    }

    private WebElement card(String offeringId) {
        return browser.find("#results .result[data-offering='" + offeringId + "']");
    }
}
