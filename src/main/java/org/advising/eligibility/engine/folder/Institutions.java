package org.advising.eligibility.engine.folder;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advising.eligibility.model.ReceivingInstitution;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The receiving institutions of a rules folder (institutions.yaml, owned by policy staff), each
 * entry in effect from its {@code from} to its {@code until} date (inclusive, either open). An id
 * may have several entries whose dates do not overlap; a request uses the one in effect on its
 * as-of date. A rules folder without the file has no institutions.
 */
public final class Institutions {

    public static final String FILE = "institutions.yaml";
    public static final Institutions NONE = new Institutions(List.of());

    private final List<ReceivingInstitution> entries;
    /** The entries of each id, in file order: a request naming institutions looks them up without reading the whole file. */
    private final Map<String, List<ReceivingInstitution>> byId;

    private Institutions(List<ReceivingInstitution> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<ReceivingInstitution>> index = new HashMap<>();
        for (ReceivingInstitution entry : this.entries) {
            index.computeIfAbsent(entry.id(), id -> new ArrayList<>(1)).add(entry);
        }
        this.byId = index;
    }

    /** Every entry, in file order. */
    public List<ReceivingInstitution> entries() {
        return entries;
    }

    /** The institution of this id in effect on the date, if there is one. */
    public Optional<ReceivingInstitution> inEffectOn(String id, LocalDate date) {
        for (ReceivingInstitution entry : byId.getOrDefault(id, List.of())) {
            if (entry.inEffectOn(date)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** How many institutions are in effect on the date. */
    public int countInEffectOn(LocalDate date) {
        int count = 0;
        for (ReceivingInstitution entry : entries) {
            if (entry.inEffectOn(date)) {
                count++;
            }
        }
        return count;
    }

    /** The file as policy staff write it. */
    record File(List<ReceivingInstitution> institutions) {
    }

    /** The institutions in effect on a date, by id, in file order. */
    public Map<String, ReceivingInstitution> inEffectOn(LocalDate date) {
        Map<String, ReceivingInstitution> inEffect = new LinkedHashMap<>();
        for (ReceivingInstitution entry : entries) {
            if (entry.inEffectOn(date)) {
                inEffect.put(entry.id(), entry);
            }
        }
        return inEffect;
    }

    /** The file read strictly; every mistake is reported with its line, all at once. */
    public static Institutions read(RulesFolder.RuleFile file) {
        if (file == null) {
            return NONE;
        }
        File read;
        try {
            read = Yaml.MAPPER.readValue(file.content(), File.class);
        } catch (JsonProcessingException e) {
            throw new RulebaseException(file.name() + ":" + Yaml.problem(e, file.content(), "institution key"));
        }
        if (read == null || read.institutions() == null) {
            throw new RulebaseException(file.name() + ":1: institutions is missing; list the receiving institutions under it");
        }
        List<Integer> lines = entryLines(file.content());
        List<String> errors = new ArrayList<>();
        List<ReceivingInstitution> entries = new ArrayList<>();
        Map<String, List<Integer>> earlierOfId = new HashMap<>(); // positions in entries, so a file of thousands is checked in one pass
        for (int i = 0; i < read.institutions().size(); i++) {
            ReceivingInstitution entry = read.institutions().get(i);
            int line = i < lines.size() ? lines.get(i) : 1;
            String where = file.name() + ":" + line + ": institutions[" + i + "]"
                    + (entry == null || entry.id() == null ? "" : " (" + entry.id() + ")");
            List<String> problems = problems(entry);
            problems.forEach(problem -> errors.add(where + " " + problem));
            if (!problems.isEmpty()) {
                continue;
            }
            List<Integer> sameId = earlierOfId.computeIfAbsent(entry.id(), id -> new ArrayList<>(1));
            for (int j : sameId) {
                if (overlap(entries.get(j), entry)) {
                    errors.add(where + " is in effect on some of the same dates as the entry of line " + (j < lines.size() ? lines.get(j) : 1)
                            + "; entries of one id need from/until dates that do not overlap");
                }
            }
            sameId.add(entries.size());
            entries.add(entry);
        }
        if (!errors.isEmpty()) {
            throw new RulebaseException(errors);
        }
        return new Institutions(entries);
    }

    /** The entry's mistakes, as its constraints find them, in the order its fields are written. */
    private static List<String> problems(ReceivingInstitution entry) {
        if (entry == null) {
            return List.of("is empty");
        }
        return Checks.VALIDATOR.validate(entry).stream()
                .sorted(Comparator.comparingInt(Institutions::position)).map(Institutions::problem).toList();
    }

    /** Bean Validation without expression language: these messages are plain text, and it starts sooner. */
    private static final class Checks {
        static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    }

    /**
     * A broken constraint as a policy author reads it: "has no name", "has minimumGrade 5.0; it must
     * be from 0.0 to 4.0", "has from 2027-01-01 after until 2026-12-31" (the entry's own).
     */
    private static String problem(ConstraintViolation<ReceivingInstitution> violation) {
        String field = violation.getPropertyPath().toString();
        if (field.isEmpty()) {
            return violation.getMessage();
        }
        Object value = violation.getInvalidValue();
        String hint = violation.getMessage().isEmpty() ? "" : "; " + violation.getMessage();
        if (value == null || value instanceof Collection<?> items && items.isEmpty() || value instanceof String text && text.isBlank()) {
            return "has no " + field + hint;
        }
        return "has " + field + " " + (value instanceof String text ? "\"" + text + "\"" : value) + hint;
    }

    /**
     * Where a broken constraint is written: its field's place among the record's (a nested field's
     * within its own), then the constraint's among the field's; the entry's own constraints last.
     */
    private static int position(ConstraintViolation<ReceivingInstitution> violation) {
        int position = 0;
        Class<?> type = ReceivingInstitution.class;
        Method accessor = null;
        for (Path.Node node : violation.getPropertyPath()) {
            RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(node.getName())) {
                    position = position * 32 + i + 1;
                    accessor = components[i].getAccessor();
                    type = components[i].getType();
                }
            }
        }
        if (accessor == null) {
            return Integer.MAX_VALUE;
        }
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        return position * 32 + Arrays.stream(accessor.getAnnotations()).map(Annotation::annotationType).toList().indexOf(constraint);
    }

    private static boolean overlap(ReceivingInstitution earlier, ReceivingInstitution entry) {
        boolean startsBeforeItEnds = earlier.until() == null || entry.from() == null || !entry.from().isAfter(earlier.until());
        boolean endsAfterItStarts = earlier.from() == null || entry.until() == null || !entry.until().isBefore(earlier.from());
        return startsBeforeItEnds && endsAfterItStarts;
    }

    /** The line each entry of the institutions list starts on: its "- " at the list's own indentation. */
    private static List<Integer> entryLines(String content) {
        List<String> text = content.lines().toList();
        List<Integer> lines = new ArrayList<>();
        int indentation = -1;
        boolean inList = false;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            String stripped = line.strip();
            if (stripped.startsWith("institutions:")) {
                inList = true;
                continue;
            }
            if (!inList || stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int indent = line.indexOf(stripped);
            if (stripped.startsWith("- ") && (indentation < 0 || indent == indentation)) {
                indentation = indent;
                lines.add(i + 1);
            } else if (indent == 0) {
                inList = false;
            }
        }
        return lines;
    }
}
