package org.advising.eligibility.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.TwoDecimals;

/**
 * A learner's credentials as issued, parsed into the typed achievements LC reads (an Open Badges 3.0
 * achievement credential, or each one a CLR 2.0 credential holds; the VC 2.0 and the VC 1.1 data
 * model): id, name, issuer, dates, grade, ACE recommendations and, for a CLR's, the CLR's window.
 * Every malformed credential is a {@link CredentialProblem} at its path, all of them at once; sizes
 * are counted before anything is read. What the achievements then give is {@link CredentialReader}'s
 * policy step.
 */
public final class CredentialParser {

    /** The most characters of a number a credential writes as text, and the most digits after its point, before it is read. */
    static final int MAX_NUMBER_TEXT = 32;

    /** The most elements a credential's list may hold (endorsements, recommendations, results) before it is read. */
    static final int MAX_LIST = 100;

    private CredentialParser() {
    }

    /** The achievements of the credentials, in request order (a CLR's in its place), or the problems of the malformed ones. */
    record Parsed(List<Achievement> achievements, List<CredentialProblem> problems) {
    }

    static Parsed parse(List<JsonNode> credentials) {
        List<CredentialProblem> problems = new ArrayList<>();
        int counted = count(credentials);
        if (counted > Learner.MAX_CREDENTIALS) { // counted before any of them is read
            problems.add(new CredentialProblem("learner.credentials", "holds " + counted
                    + " credentials, those inside CLRs counted; at most " + Learner.MAX_CREDENTIALS + " (none was read)"));
            return new Parsed(List.of(), problems);
        }
        List<Achievement> achievements = new ArrayList<>();
        for (int i = 0; i < credentials.size(); i++) {
            collect(credentials.get(i), "learner.credentials[" + i + "]", null, achievements, problems);
        }
        return problems.isEmpty() ? new Parsed(List.copyOf(achievements), List.of()) : new Parsed(List.of(), problems);
    }

    /** One achievement credential as LC reads it. */
    record Achievement(JsonNode credential, String path, String id, String name, String issuer, String issuerId,
            LocalDate validFrom, LocalDate validUntil, LocalDate completedOn, String completedFrom, Double gpa, List<String> gradeNotes,
            List<Recommended> recommendations, Window holder) {
    }

    /** An ACE recommendation of an endorsement, with the endorsement's dates. */
    record Recommended(BigDecimal semesterHours, String level, LocalDate validFrom, LocalDate validUntil, JsonNode endorsement,
            String path) {
    }

    /** The validity of the CLR that holds an achievement credential (null for one sent on its own). */
    record Window(JsonNode clr, String path, String issuerId, LocalDate validFrom, LocalDate validUntil) {
    }

    /** The credentials sent, each CLR counted as the credentials it holds (its list's length, whatever it holds). */
    private static int count(List<JsonNode> credentials) {
        int count = 0;
        for (JsonNode credential : credentials) {
            JsonNode inside = credential == null ? null : credential.path("credentialSubject").get("verifiableCredential");
            count += inside != null && inside.isArray() && types(credential.get("type")).contains("ClrCredential") ? inside.size() : 1;
        }
        return count;
    }

    /** Adds the achievement credentials of one credential of the request (one, or a CLR's), or its problems. */
    private static void collect(JsonNode credential, String path, Window holder, List<Achievement> achievements,
            List<CredentialProblem> problems) {
        if (credential == null || !credential.isObject()) {
            problems.add(new CredentialProblem(path, "must be a credential: a JSON object"));
            return;
        }
        Set<String> types = types(credential.get("type"));
        if (holder == null && types.contains("ClrCredential")) {
            int before = problems.size();
            LocalDate validFrom = date(credential, "validFrom", "issuanceDate", path, problems);
            LocalDate validUntil = date(credential, "validUntil", "expirationDate", path, problems);
            JsonNode inside = credential.path("credentialSubject").get("verifiableCredential");
            if (inside == null || !inside.isArray()) {
                problems.add(new CredentialProblem(path + ".credentialSubject.verifiableCredential",
                        "is missing; a CLR credential lists the achievement credentials it holds there"));
                return;
            }
            if (problems.size() > before) {
                return;
            }
            Window window = new Window(credential, path, issuerId(credential), validFrom, validUntil);
            for (int j = 0; j < inside.size(); j++) {
                collect(inside.get(j), path + ".credentialSubject.verifiableCredential[" + j + "]", window, achievements, problems);
            }
        } else if (types.contains("OpenBadgeCredential") || types.contains("AchievementCredential")) {
            Achievement achievement = achievement(credential, path, holder, problems);
            if (achievement != null) {
                achievements.add(achievement);
            }
        } else {
            problems.add(new CredentialProblem(path + ".type", (credential.has("type") ? "names none of " : "is missing; it must name one of ")
                    + (holder == null ? "OpenBadgeCredential, AchievementCredential, ClrCredential"
                            : "OpenBadgeCredential, AchievementCredential (inside a CLR)")));
        }
    }

    private static Achievement achievement(JsonNode credential, String path, Window holder, List<CredentialProblem> problems) {
        int before = problems.size();
        JsonNode subject = credential.path("credentialSubject");
        JsonNode achievement = subject.path("achievement");
        JsonNode id = achievement.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            problems.add(new CredentialProblem(path + ".credentialSubject.achievement.id",
                    "is missing; an achievement credential names the achievement it is evidence of"));
        }
        LocalDate validFrom = date(credential, "validFrom", "issuanceDate", path, problems);
        String validFromName = credential.has("validFrom") ? "validFrom" : "issuanceDate";
        LocalDate validUntil = date(credential, "validUntil", "expirationDate", path, problems);
        LocalDate activityEnd = date(subject, "activityEndDate", path + ".credentialSubject", problems);
        LocalDate awarded = credential.has("awardedDate") ? date(credential, "awardedDate", path, problems)
                : date(subject, "awardedDate", path + ".credentialSubject", problems);
        List<Recommended> recommendations = new ArrayList<>();
        endorsements(achievement.get("endorsement"), path + ".credentialSubject.achievement.endorsement", recommendations, problems);
        endorsements(credential.get("endorsement"), path + ".endorsement", recommendations, problems);
        if (problems.size() > before) {
            return null;
        }
        LocalDate completedOn = activityEnd != null ? activityEnd : awarded != null ? awarded : validFrom;
        String completedFrom = activityEnd != null ? "activityEndDate" : awarded != null ? "awardedDate" : validFromName;
        List<String> gradeNotes = new ArrayList<>();
        Double gpa = grade(achievement, subject.get("result"), gradeNotes, path, problems);
        if (problems.size() > before) {
            return null;
        }
        String name = achievement.hasNonNull("name") ? achievement.get("name").asText()
                : credential.hasNonNull("name") ? credential.get("name").asText() : null;
        JsonNode issuer = credential.get("issuer");
        String issuerName = issuer == null ? null : issuer.isTextual() ? issuer.asText()
                : issuer.hasNonNull("name") ? issuer.get("name").asText() : issuer.hasNonNull("id") ? issuer.get("id").asText() : null;
        return new Achievement(credential, path, id.asText(), name, issuerName, issuerId(credential), validFrom, validUntil, completedOn,
                completedFrom, gpa, gradeNotes, List.copyOf(recommendations), holder);
    }

    /** The credential's issuer id: {@code issuer} as a string, or its {@code id}. */
    public static String issuerId(JsonNode credential) {
        JsonNode issuer = credential.get("issuer");
        return issuer == null ? null : issuer.isTextual() ? issuer.asText() : issuer.path("id").isTextual() ? issuer.get("id").asText() : null;
    }

    /** LC-3: a grade-point-average result first, else a letter grade; the first of each counts. */
    private static Double grade(JsonNode achievement, JsonNode results, List<String> notes, String path,
            List<CredentialProblem> problems) {
        if (results == null || !results.isArray() || results.isEmpty()) {
            notes.add("It states no result, so the record has no grade.");
            return null;
        }
        JsonNode descriptions = achievement.path("resultDescription");
        if (!withinBound(results, path + ".credentialSubject.result", problems)
                || descriptions.isArray() && !withinBound(descriptions, path + ".credentialSubject.achievement.resultDescription", problems)) {
            return null;
        }
        Map<String, String> typeOfDescription = new HashMap<>();
        for (JsonNode description : achievement.path("resultDescription")) {
            if (description.hasNonNull("id") && description.hasNonNull("resultType")) {
                typeOfDescription.put(description.get("id").asText(), description.get("resultType").asText());
            }
        }
        JsonNode letter = null;
        List<String> others = new ArrayList<>();
        for (int r = 0; r < results.size(); r++) {
            JsonNode result = results.get(r);
            String type = result.hasNonNull("resultType") ? result.get("resultType").asText()
                    : typeOfDescription.get(result.path("resultDescription").asText(null));
            if ("GradePointAverage".equals(type)) {
                return gradePoints(result.get("value"), notes, path + ".credentialSubject.result[" + r + "].value", problems);
            }
            if ("LetterGrade".equals(type) && letter == null) {
                letter = result;
            } else if (type != null && !type.equals("LetterGrade")) {
                others.add(type);
            }
        }
        if (letter != null) {
            String value = letter.path("value").asText("");
            Double points = Grades.points(value);
            if (points == null) {
                notes.add("The letter grade \"" + quoted(value) + "\" is none of A+ to F, so the record has no grade.");
            } else {
                notes.add("The letter grade " + value.strip() + " is read as " + points + ".");
            }
            return points;
        }
        notes.add(others.isEmpty() ? "None of its results says what kind of result it is, so the record has no grade."
                : "Its results are of the kinds " + String.join(", ", new LinkedHashSet<>(others))
                        + ", none a grade point average or a letter grade, so the record has no grade.");
        return null;
    }

    private static Double gradePoints(JsonNode value, List<String> notes, String path, List<CredentialProblem> problems) {
        BigDecimal points;
        String text = value == null || !(value.isTextual() || value.isNumber()) ? null : value.asText().strip();
        if (text != null && text.length() > MAX_NUMBER_TEXT) { // refused before it is parsed
            problems.add(new CredentialProblem(path, "is " + text.length() + " characters long; a grade point average is a number of at most "
                    + MAX_NUMBER_TEXT + " characters, such as 3.75"));
            return null;
        }
        try {
            points = text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            points = null;
        }
        if (points != null && Math.abs((long) points.scale()) > MAX_NUMBER_TEXT) { // 1e-30000000: rounding it would take minutes
            problems.add(new CredentialProblem(path, "\"" + quoted(text) + "\" is not a grade point average: a number from 0.0 to 4.0 "
                    + "written with at most " + MAX_NUMBER_TEXT + " digits, such as 3.75"));
            return null;
        }
        if (points == null || points.signum() < 0 || points.compareTo(BigDecimal.valueOf(4)) > 0) {
            notes.add("The grade point average " + (value == null ? "(none)" : "\"" + quoted(value.asText()) + "\"")
                    + " is not a number from 0.0 to 4.0, so the record has no grade.");
            return null;
        }
        if (points.scale() > 2) {
            BigDecimal rounded = points.setScale(2, RoundingMode.HALF_UP);
            notes.add("The grade point average " + points.toPlainString() + " is read as " + rounded.toPlainString() + " (two decimals).");
            points = rounded;
        }
        return points.doubleValue();
    }

    /** LC-5: the ACE recommendations of ACE endorsements, in order. */
    private static void endorsements(JsonNode endorsements, String path, List<Recommended> recommendations, List<CredentialProblem> problems) {
        if (endorsements == null || !endorsements.isArray() || !withinBound(endorsements, path, problems)) {
            return;
        }
        for (int e = 0; e < endorsements.size(); e++) {
            JsonNode endorsement = endorsements.get(e);
            JsonNode subject = endorsement.path("credentialSubject");
            if (!types(endorsement.get("type")).contains("EndorsementCredential") || !types(subject.get("type")).contains("ACEEndorsementSubject")) {
                continue; // not ACE's: other endorsements say nothing LC reads
            }
            String at = path + "[" + e + "]";
            LocalDate validFrom = date(endorsement, "validFrom", "issuanceDate", at, problems);
            LocalDate validUntil = date(endorsement, "validUntil", "expirationDate", at, problems);
            if (validFrom != null && validUntil != null && validFrom.isAfter(validUntil)) { // CR-6's window, as offerings[] state it
                problems.add(new CredentialProblem(at + "." + (endorsement.has("validFrom") ? "validFrom" : "issuanceDate"),
                        "must not be after " + (endorsement.has("validUntil") ? "validUntil" : "expirationDate") + " (" + validUntil + ")"));
            }
            JsonNode items = subject.path("creditRecommendations");
            if (!items.isArray()) {
                problems.add(new CredentialProblem(at + ".credentialSubject.creditRecommendations",
                        "must be a list of ACE credit recommendations"));
                continue;
            }
            if (!withinBound(items, at + ".credentialSubject.creditRecommendations", problems)) {
                continue;
            }
            for (int r = 0; r < items.size(); r++) {
                JsonNode item = items.get(r);
                if (!types(item.get("type")).contains("ACECreditRecommendation")) {
                    continue;
                }
                // The bounds of offerings[].creditRecommendation.semesterHours: 0 to 1000, at most 2 decimals.
                BigDecimal hours = item.path("semesterHours").isNumber() ? item.get("semesterHours").decimalValue() : null;
                if (hours == null || hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(1000)) > 0 || !TwoDecimals.Check.holds(hours)) {
                    problems.add(new CredentialProblem(at + ".credentialSubject.creditRecommendations[" + r + "].semesterHours",
                            "must be a number of semester hours from 0 to 1000 with at most 2 decimals"));
                    continue;
                }
                hours = hours.stripTrailingZeros();
                recommendations.add(new Recommended(hours.scale() < 0 ? hours.setScale(0) : hours, item.path("level").asText(null),
                        validFrom, validUntil, endorsement, at));
            }
        }
    }

    /** A value of the credential as a note or problem quotes it: at most 40 characters, so that no answer echoes a long one. */
    static String quoted(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 40) + "… (" + value.length() + " characters)";
    }

    /** Whether a list of a credential is within {@link #MAX_LIST}; a problem naming it when it is not. */
    private static boolean withinBound(JsonNode list, String path, List<CredentialProblem> problems) {
        if (list.size() <= MAX_LIST) {
            return true;
        }
        problems.add(new CredentialProblem(path, "holds " + list.size() + " elements; at most " + MAX_LIST + " (none was read)"));
        return false;
    }

    /** A date of the VC 2.0 data model's member, or where a credential has none, of the VC 1.1 one. */
    private static LocalDate date(JsonNode node, String member, String olderMember, String path, List<CredentialProblem> problems) {
        return date(node, node.has(member) ? member : olderMember, path, problems);
    }

    /** The date part of an ISO 8601 date or date-time member, as written (no time-zone conversion); null when absent. */
    private static LocalDate date(JsonNode node, String member, String path, List<CredentialProblem> problems) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_DATE_TIME, DateTimeFormatter.ISO_DATE)) {
                try {
                    TemporalAccessor parsed = format.parse(text);
                    LocalDate date = LocalDate.from(parsed);
                    if (date.getYear() >= 1900 && date.getYear() <= 2200) {
                        return date;
                    }
                } catch (DateTimeParseException e) {
                    // the next form, else the problem below
                }
            }
        }
        problems.add(new CredentialProblem(path + "." + member, "is not an ISO 8601 date or date-time from 1900 to 2200, such as "
                + "2026-06-30T00:00:00Z"));
        return null;
    }

    /** A {@code type} as the specifications allow it: one string or a list of them. */
    static Set<String> types(JsonNode type) {
        Set<String> types = new HashSet<>();
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(item -> types.add(item.asText()));
        }
        return types;
    }
}
