package org.advising.eligibility.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.advising.eligibility.model.PassingGrade;
import org.advising.eligibility.model.RecognizedAccreditor;

/**
 * The policy values of a rules folder (policy-values.yaml), read into the facts the rules
 * match on: one {@link PassingGrade} and a {@link RecognizedAccreditor} per listed accreditor.
 */
record PolicyValues(Double passingGrade, List<RecognizedAccreditor> recognizedAccreditors) {

    static List<Object> facts(RulesFolder.RuleFile file) {
        PolicyValues values;
        try {
            values = Yaml.MAPPER.readValue(file.content(), PolicyValues.class);
        } catch (UnrecognizedPropertyException e) {
            throw new RulebaseException(file.name() + ":" + Yaml.lineOfKey(file.content(), e.getPropertyName(), e.getLocation().getLineNr()) + ": unknown policy value '"
                    + e.getPropertyName() + "'; known: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RulebaseException(file.name() + ":" + line + ": " + e.getOriginalMessage());
        }
        List<String> errors = new ArrayList<>();
        if (values == null || values.passingGrade() == null) {
            errors.add(file.name() + ":1: passingGrade is missing");
        } else if (values.passingGrade() < 0.0 || values.passingGrade() > 4.0) {
            errors.add(file.name() + ":1: passingGrade " + values.passingGrade() + " is outside 0.0-4.0");
        }
        if (values == null || values.recognizedAccreditors() == null || values.recognizedAccreditors().isEmpty()) {
            errors.add(file.name() + ":1: recognizedAccreditors is missing or empty");
        } else {
            List<RecognizedAccreditor> accreditors = values.recognizedAccreditors();
            for (int i = 0; i < accreditors.size(); i++) {
                if (accreditors.get(i) == null || accreditors.get(i).code() == null || accreditors.get(i).code().isBlank()) {
                    errors.add(file.name() + ":1: recognizedAccreditors[" + i + "] has no code");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RulebaseException(errors);
        }
        List<Object> facts = new ArrayList<>(values.recognizedAccreditors());
        facts.add(new PassingGrade(values.passingGrade()));
        return List.copyOf(facts);
    }
}
