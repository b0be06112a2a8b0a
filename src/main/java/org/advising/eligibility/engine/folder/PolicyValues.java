package org.advising.eligibility.engine.folder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.advising.eligibility.model.PassingGrade;
import org.advising.eligibility.model.PolicyFact;
import org.advising.eligibility.model.RecognizedAccreditor;
import org.advising.eligibility.model.Topic;

/**
 * The policy values of a rules folder (policy-values.yaml), read into the facts the rules match
 * on, each with the dates it is in effect. A passing grade is one value, or a list of values each
 * applying from its date until the next one's; an accreditor may be recognized from or until a date.
 */
public record PolicyValues(List<Grade> passingGrade, List<Accreditor> recognizedAccreditors, List<JsonNode> topicOrder) {

    /** How a topic (an agenda group, named after its rule file) may be named in topicOrder. */
    private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /** A passing grade from a date on; written as a plain number when it never changes. */
    record Grade(Double gpa, LocalDate from) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Grade always(double gpa) {
            return new Grade(gpa, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        Grade {
        }
    }

    record Accreditor(String code, String name, LocalDate from, LocalDate until) {
    }

    /**
     * What a policy-values file holds for the rules: the facts they match on, the order of the topics
     * and how each topic decides (in that order).
     */
    public record Read(List<PolicyFact> facts, Map<String, HitPolicy> topics) {

        /** The topics in the order they are decided, the first first. */
        public List<String> topicOrder() {
            return List.copyOf(topics.keySet());
        }
    }

    /** Reads the file once; every mistake in it is reported together, each at its line. */
    public static Read read(RulesFolder.RuleFile file) {
        PolicyValues values = parse(file);
        List<String> errors = new ArrayList<>();
        List<PolicyFact> facts = facts(values, file, errors);
        Map<String, HitPolicy> topics = topics(values, file, errors);
        if (!errors.isEmpty()) {
            throw new RulebaseException(errors);
        }
        return new Read(facts, topics);
    }

    private static List<PolicyFact> facts(PolicyValues values, RulesFolder.RuleFile file, List<String> errors) {
        List<PolicyFact> facts = new ArrayList<>();
        int gradesLine = Yaml.lineOfKey(file.content(), "passingGrade", Integer.MAX_VALUE);
        int accreditorsLine = Yaml.lineOfKey(file.content(), "recognizedAccreditors", Integer.MAX_VALUE);
        if (values == null || values.passingGrade() == null || values.passingGrade().isEmpty()) {
            errors.add(file.name() + ":1: passingGrade is missing");
        } else {
            facts.addAll(grades(values.passingGrade(), file.name() + ":" + gradesLine + ": ", errors));
        }
        if (values == null || values.recognizedAccreditors() == null || values.recognizedAccreditors().isEmpty()) {
            errors.add(file.name() + ":1: recognizedAccreditors is missing or empty");
        } else {
            List<Accreditor> accreditors = values.recognizedAccreditors();
            for (int i = 0; i < accreditors.size(); i++) {
                Accreditor accreditor = accreditors.get(i);
                String where = file.name() + ":" + accreditorsLine + ": recognizedAccreditors[" + i + "]";
                List<String> dates = new ArrayList<>();
                if (accreditor != null) {
                    PolicyBounds.date("from", accreditor.from(), dates);
                    PolicyBounds.date("until", accreditor.until(), dates);
                }
                if (accreditor == null || accreditor.code() == null || accreditor.code().isBlank()) {
                    errors.add(where + " has no code");
                } else if (!dates.isEmpty()) {
                    dates.forEach(problem -> errors.add(where + " (" + accreditor.code() + ") " + problem));
                } else if (accreditor.from() != null && accreditor.until() != null && accreditor.until().isBefore(accreditor.from())) {
                    errors.add(where + " (" + accreditor.code() + ") ends before it starts");
                } else {
                    facts.add(new RecognizedAccreditor(accreditor.code(), Objects.requireNonNullElse(accreditor.name(), accreditor.code()),
                            accreditor.from(), accreditor.until()));
                }
            }
        }
        return List.copyOf(facts);
    }

    /**
     * The order in which the topics are decided (topicOrder), each with its hit policy (PR-1): each
     * entry, {@code - credit: FIRST}, names the agenda group of one rule file, the first decided first.
     * Empty when the file states none (then every rule is in the one default group).
     */
    private static Map<String, HitPolicy> topics(PolicyValues values, RulesFolder.RuleFile file, List<String> errors) {
        Map<String, HitPolicy> topics = new LinkedHashMap<>();
        if (values == null || values.topicOrder() == null) {
            return topics;
        }
        List<Integer> lines = Yaml.linesOfItems(file.content(), "topicOrder");
        List<JsonNode> entries = values.topicOrder();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = file.name() + ":" + (i < lines.size() ? lines.get(i) : topicOrderLine(file)) + ": topicOrder[" + i + "]";
            String topic = entry != null && entry.isObject() && entry.size() == 1 ? entry.fieldNames().next()
                    : entry != null && entry.isTextual() ? entry.asText() : null;
            if (topic == null || !TOPIC.matcher(topic).matches()) {
                errors.add(where + " must name a topic in lower case and its hit policy, such as \"- credit: FIRST\""
                        + (topic == null ? "" : ", not \"" + topic + "\""));
                continue;
            }
            if (topics.containsKey(topic)) {
                errors.add(where + " names " + topic + " twice");
                continue;
            }
            HitPolicy policy = hitPolicy(topic, entry.isObject() ? entry.get(topic) : null, where, errors);
            if (policy != null) {
                topics.put(topic, policy);
            }
        }
        return topics;
    }

    private static HitPolicy hitPolicy(String topic, JsonNode declared, String where, List<String> errors) {
        String known = String.join(", ", Arrays.stream(HitPolicy.values()).map(Enum::name).toList());
        if (declared == null || declared.isNull()) {
            errors.add(where + " " + topic + " states no hit policy: write \"- " + topic + ": FIRST\" (or " + known
                    + "), so that how its rules decide is declared once");
            return null;
        }
        HitPolicy policy = Arrays.stream(HitPolicy.values()).filter(each -> each.name().equals(declared.asText())).findFirst().orElse(null);
        if (!declared.isTextual() || policy == null) {
            errors.add(where + " " + topic + ": \"" + declared.asText() + "\" is not a hit policy; known: " + known);
            return null;
        }
        Topic answers = answerOf(topic);
        if (answers == Topic.ADVICE && policy != HitPolicy.COLLECT) {
            errors.add(where + " advice is always COLLECT: every advice rule that holds adds its note (PR-1)");
            return null;
        }
        if (answers == null && policy != HitPolicy.COLLECT) {
            errors.add(where + " " + topic + " draws no answer of its own (no conclusion has that topic), so every rule "
                    + "of it fires whenever it holds: write COLLECT");
            return null;
        }
        if (answers != null && answers != Topic.ADVICE && policy == HitPolicy.COLLECT) {
            errors.add(where + " " + topic + " gives one answer per offering" + (answers == Topic.TRANSFER ? " and institution" : "")
                    + ", so its rules cannot all conclude: write FIRST or UNIQUE, not COLLECT");
            return null;
        }
        return policy;
    }

    /** The topic of the conclusions a topic of topicOrder draws (credit: CREDIT), or null for one that draws none (transfer-caps). */
    public static Topic answerOf(String topic) {
        String name = topic.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return Arrays.stream(Topic.values()).filter(each -> each.name().equals(name)).findFirst().orElse(null);
    }

    private static PolicyValues parse(RulesFolder.RuleFile file) {
        try {
            return Yaml.MAPPER.readValue(file.content(), PolicyValues.class);
        } catch (JsonProcessingException e) {
            throw new RulebaseException(file.name() + ":" + Yaml.problem(e, file.content(), "policy value"));
        }
    }

    /** The line of topicOrder in the file, for errors about it; 1 when it is not there. */
    public static int topicOrderLine(RulesFolder.RuleFile file) {
        int line = Yaml.lineOfKey(file.content(), "topicOrder", Integer.MAX_VALUE);
        return line == Integer.MAX_VALUE ? 1 : line;
    }

    /** Each grade applies from its date until the day before the next one's, so exactly one is in effect on any date. */
    private static List<PolicyFact> grades(List<Grade> grades, String where, List<String> errors) {
        List<Grade> sorted = grades.stream()
                .sorted(Comparator.comparing(Grade::from, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        List<PolicyFact> facts = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Grade grade = sorted.get(i);
            if (grade.gpa() == null || grade.gpa() < 0.0 || grade.gpa() > 4.0) {
                errors.add(where + "passingGrade " + grade.gpa() + " must be a number from 0.0 to 4.0");
            }
            List<String> bounds = new ArrayList<>();
            PolicyBounds.decimals("passingGrade", grade.gpa(), bounds);
            PolicyBounds.date("passingGrade from", grade.from(), bounds);
            bounds.forEach(problem -> errors.add(where + "it " + problem));
            if (i == 0 && grade.from() != null) {
                errors.add(where + "the earliest passingGrade must have no 'from' date, so that every date has one");
            }
            if (i > 0 && grade.from() == null) {
                errors.add(where + "only the earliest passingGrade may have no 'from' date");
            }
            LocalDate next = i + 1 < sorted.size() ? sorted.get(i + 1).from() : null;
            if (next != null && next.equals(grade.from())) {
                errors.add(where + "two passingGrade values start on " + next);
            }
            facts.add(new PassingGrade(grade.gpa() == null ? 0.0 : grade.gpa(), grade.from(),
                    next == null ? null : next.minusDays(1)));
        }
        return facts;
    }
}
