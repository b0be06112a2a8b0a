package org.advising.eligibility.engine.folder;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.advising.eligibility.model.CreditLevel;
import org.advising.eligibility.model.ReceivingInstitution;

/**
 * The receiving institutions of a rules folder (institutions.yaml, owned by policy staff), each
 * entry in effect from its {@code from} to its {@code until} date (inclusive, either open). An id
 * may have several entries whose dates do not overlap; a request uses the one in effect on its
 * as-of date. A rules folder without the file has no institutions.
 */
public final class Institutions {

    public static final String FILE = "institutions.yaml";
    public static final Institutions NONE = new Institutions(List.of());
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

    private final List<PolicyFact> entries;
    /** The entries of each id, in file order: a request naming institutions looks them up without reading the whole file. */
    private final Map<String, List<PolicyFact>> byId;

    private Institutions(List<PolicyFact> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<PolicyFact>> index = new HashMap<>();
        for (PolicyFact entry : this.entries) {
            index.computeIfAbsent(((ReceivingInstitution) entry.fact()).id(), id -> new ArrayList<>(1)).add(entry);
        }
        this.byId = index;
    }

    /** Every entry, in file order. */
    public List<PolicyFact> entries() {
        return entries;
    }

    /** The institution of this id in effect on the date, if there is one. */
    public Optional<ReceivingInstitution> inEffectOn(String id, LocalDate date) {
        for (PolicyFact entry : byId.getOrDefault(id, List.of())) {
            if (entry.inEffectOn(date)) {
                return Optional.of((ReceivingInstitution) entry.fact());
            }
        }
        return Optional.empty();
    }

    /** How many institutions are in effect on the date. */
    public int countInEffectOn(LocalDate date) {
        int count = 0;
        for (PolicyFact entry : entries) {
            if (entry.inEffectOn(date)) {
                count++;
            }
        }
        return count;
    }

    /** The file as policy staff write it. */
    record File(List<Entry> institutions) {
    }

    record Entry(String id, String name, Double minimumGrade, List<CreditLevel> acceptedLevels, Recommendations creditRecommendations,
            BigDecimal maxTransferSemesterHours, Integer creditValidForYears, Boolean acceptsPresumedAccreditation,
            Boolean requiresAuthenticatedCredentials, LocalDate from, LocalDate until) {
    }

    record Recommendations(List<String> sources, BigDecimal maxSemesterHours) {
    }

    /** The institutions in effect on a date, by id, in file order. */
    public Map<String, ReceivingInstitution> inEffectOn(LocalDate date) {
        Map<String, ReceivingInstitution> inEffect = new LinkedHashMap<>();
        for (PolicyFact entry : entries) {
            if (entry.inEffectOn(date)) {
                ReceivingInstitution institution = (ReceivingInstitution) entry.fact();
                inEffect.put(institution.id(), institution);
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
        List<PolicyFact> entries = new ArrayList<>();
        Map<String, List<Integer>> earlierOfId = new HashMap<>(); // positions in entries, so a file of thousands is checked in one pass
        for (int i = 0; i < read.institutions().size(); i++) {
            Entry entry = read.institutions().get(i);
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
            entries.add(new PolicyFact(institution(entry), entry.from(), entry.until()));
        }
        if (!errors.isEmpty()) {
            throw new RulebaseException(errors);
        }
        return new Institutions(entries);
    }

    private static List<String> problems(Entry entry) {
        List<String> problems = new ArrayList<>();
        if (entry == null) {
            return List.of("is empty");
        }
        if (entry.id() == null || !ID.matcher(entry.id()).matches()) {
            problems.add(entry.id() == null ? "has no id" : "has the id \"" + entry.id() + "\"; an id is 1 to 64 of a-z, 0-9 and -");
        }
        if (entry.name() == null || entry.name().isBlank()) {
            problems.add("has no name");
        }
        if (entry.minimumGrade() == null) {
            problems.add("has no minimumGrade");
        } else if (entry.minimumGrade() < 0.0 || entry.minimumGrade() > 4.0) {
            problems.add("has minimumGrade " + entry.minimumGrade() + "; it must be from 0.0 to 4.0");
        }
        if (entry.acceptedLevels() == null || entry.acceptedLevels().isEmpty()) {
            problems.add("has no acceptedLevels; list at least one of VOCATIONAL, LOWER_DIVISION, UPPER_DIVISION, GRADUATE");
        }
        if (entry.creditRecommendations() != null && (entry.creditRecommendations().sources() == null
                || entry.creditRecommendations().sources().isEmpty())) {
            problems.add("has creditRecommendations without sources; list the sources it accepts, or leave creditRecommendations out");
        }
        BigDecimal recommendedCap = entry.creditRecommendations() == null ? null : entry.creditRecommendations().maxSemesterHours();
        if (recommendedCap != null && recommendedCap.signum() < 0) {
            problems.add("has creditRecommendations.maxSemesterHours " + recommendedCap + "; it must be 0 or more");
        }
        if (entry.maxTransferSemesterHours() != null && entry.maxTransferSemesterHours().signum() < 0) {
            problems.add("has maxTransferSemesterHours " + entry.maxTransferSemesterHours() + "; it must be 0 or more");
        }
        if (entry.creditValidForYears() != null && entry.creditValidForYears() < 1) {
            problems.add("has creditValidForYears " + entry.creditValidForYears() + "; it must be 1 or more");
        }
        PolicyBounds.decimals("minimumGrade", entry.minimumGrade(), problems);
        PolicyBounds.hours("creditRecommendations.maxSemesterHours", recommendedCap, problems);
        PolicyBounds.hours("maxTransferSemesterHours", entry.maxTransferSemesterHours(), problems);
        PolicyBounds.date("from", entry.from(), problems);
        PolicyBounds.date("until", entry.until(), problems);
        if (entry.from() != null && entry.until() != null && entry.from().isAfter(entry.until())) {
            problems.add("has from " + entry.from() + " after until " + entry.until());
        }
        return problems;
    }

    private static ReceivingInstitution institution(Entry entry) {
        Set<String> sources = entry.creditRecommendations() == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(entry.creditRecommendations().sources()));
        return new ReceivingInstitution(entry.id(), entry.name(), entry.minimumGrade(),
                Collections.unmodifiableSet(new LinkedHashSet<>(entry.acceptedLevels())),
                sources, entry.creditRecommendations() == null ? null : entry.creditRecommendations().maxSemesterHours(),
                entry.maxTransferSemesterHours(), entry.creditValidForYears(),
                entry.acceptsPresumedAccreditation() == null || entry.acceptsPresumedAccreditation(),
                Boolean.TRUE.equals(entry.requiresAuthenticatedCredentials()));
    }

    private static boolean overlap(PolicyFact earlier, Entry entry) {
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
