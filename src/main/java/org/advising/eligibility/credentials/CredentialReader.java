package org.advising.eligibility.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.advising.eligibility.credentials.proof.Proof;
import org.advising.eligibility.credentials.proof.ProofVerifier;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.advising.eligibility.model.CredentialRecord;
import org.advising.eligibility.model.CreditLevel;
import org.advising.eligibility.model.CreditRecommendation;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.LearnerRecord;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.RecordStatus;
import org.advising.eligibility.model.TwoDecimals;

/**
 * Reads a learner's credentials as issued (Open Badges 3.0 achievement credentials, CLR 2.0
 * credentials holding them; the VC 2.0 and the VC 1.1 data model) into what the rules read: a
 * record per offering and, where the offering states none, the ACE recommendation a credential
 * carries (LC-1 .. LC-7), once their proofs are checked (LC-8 .. LC-10: a credential whose proof
 * does not hold gives nothing). Only the members LC names are read; every other member is ignored
 * (the proof covers them all). Revocation is not looked up (LC-4): a credential that names a status
 * list gets a note saying so.
 */
public final class CredentialReader {

    private static final String STATUS_NOT_CHECKED = "It names a status list (credentialStatus), which the service does not read: "
            + "whether it was revoked or suspended was not checked (that needs the network).";
    private static final Map<String, CreditLevel> ACE_LEVELS = Map.of(
            "VocationalCertificate", CreditLevel.VOCATIONAL,
            "LowerDivisionBaccalaureate", CreditLevel.LOWER_DIVISION,
            "UpperDivisionBaccalaureate", CreditLevel.UPPER_DIVISION,
            "Graduate", CreditLevel.GRADUATE);

    private CredentialReader() {
    }

    /**
     * What the credentials gave: a reading per achievement credential in request order (a CLR's in
     * its place), the records of the request with those the credentials gave after them, the
     * offerings with the recommendations taken, per record a credential gave its issuer id and
     * whether its proof authenticated that issuer (TR-9 reads them), and the problems of malformed
     * credentials (when there are any, nothing else is read).
     */
    public record Read(List<CredentialReading> readings, List<LearnerRecord> records, List<Offering> offerings,
            List<CredentialRecord> credentialRecords, List<CredentialProblem> problems) {
    }

    /** How the proofs are checked: the verifier, the trusted issuers of the rules folder, and when to stop (the request's budget). */
    public record Proofs(ProofVerifier verifier, TrustedIssuers issuers, BooleanSupplier stop) {
    }

    /** One achievement credential as LC reads it. */
    private record Achievement(JsonNode credential, String path, String id, String name, String issuer, String issuerId,
            LocalDate validFrom, LocalDate validUntil, LocalDate completedOn, String completedFrom, Double gpa, List<String> gradeNotes,
            List<Recommended> recommendations, Window holder) {
    }

    /** An ACE recommendation of an endorsement, with the endorsement's dates. */
    private record Recommended(BigDecimal semesterHours, String level, LocalDate validFrom, LocalDate validUntil, JsonNode endorsement,
            String path) {
    }

    /** The validity of the CLR that holds an achievement credential (null for one sent on its own). */
    private record Window(JsonNode clr, String path, String issuerId, LocalDate validFrom, LocalDate validUntil) {
    }

    public static Read read(List<JsonNode> credentials, List<Offering> offerings, List<LearnerRecord> records, LocalDate asOf,
            Proofs proofs) {
        List<CredentialProblem> problems = new ArrayList<>();
        int counted = count(credentials);
        if (counted > Learner.MAX_CREDENTIALS) { // counted before any of them is read
            problems.add(new CredentialProblem("learner.credentials", "holds " + counted
                    + " credentials, those inside CLRs counted; at most " + Learner.MAX_CREDENTIALS + " (none was read)"));
            return new Read(List.of(), records, offerings, List.of(), problems);
        }
        List<Achievement> achievements = new ArrayList<>();
        for (int i = 0; i < credentials.size(); i++) {
            collect(credentials.get(i), "learner.credentials[" + i + "]", null, achievements, problems);
        }
        if (!problems.isEmpty()) {
            return new Read(List.of(), records, offerings, List.of(), problems);
        }
        Map<String, Offering> byAchievement = new HashMap<>();
        for (Offering offering : offerings) {
            if (offering != null && offering.achievementId() != null) {
                byAchievement.putIfAbsent(offering.achievementId(), offering);
            }
        }
        Map<String, String> recordedBy = new HashMap<>(); // offering id -> where its record came from
        for (LearnerRecord record : records) {
            if (record != null) {
                recordedBy.putIfAbsent(record.offeringId(), "learner.records");
            }
        }
        List<CredentialReading> readings = new ArrayList<>();
        List<LearnerRecord> allRecords = new ArrayList<>(records);
        List<CredentialRecord> credentialRecords = new ArrayList<>();
        Map<String, CreditRecommendation> taken = new HashMap<>();
        Map<String, ProofVerifier.Checked> clrChecks = new HashMap<>();
        for (Achievement achievement : achievements) {
            ProofVerifier.Checked checked = proof(achievement, proofs, clrChecks);
            CredentialReading reading = reading(achievement, checked, byAchievement.get(achievement.id()), recordedBy, asOf, allRecords,
                    taken, proofs);
            readings.add(reading);
            if (reading.use() == CredentialReading.Use.RECORD) {
                credentialRecords.add(new CredentialRecord(reading.offeringId(), achievement.issuerId(),
                        reading.proof().issuerAuthenticated()));
            }
        }
        List<Offering> withRecommendations = offerings.stream()
                .map(offering -> offering != null && taken.containsKey(offering.id())
                        ? withRecommendation(offering, taken.get(offering.id())) : offering)
                .toList();
        return new Read(List.copyOf(readings), List.copyOf(allRecords), withRecommendations, List.copyOf(credentialRecords), List.of());
    }

    /**
     * LC-8: the credential's own proof; for one inside a CLR without a proof of its own, the CLR's
     * (checked once per CLR), which authenticates it only when both name the same issuer.
     */
    private static ProofVerifier.Checked proof(Achievement achievement, Proofs proofs, Map<String, ProofVerifier.Checked> clrChecks) {
        Window holder = achievement.holder();
        if (holder == null || achievement.credential().has("proof")) {
            return proofs.verifier().check(achievement.credential(), proofs.issuers(), proofs.stop());
        }
        ProofVerifier.Checked clr = clrChecks.computeIfAbsent(holder.path(),
                path -> proofs.verifier().check(holder.clr(), proofs.issuers(), proofs.stop()));
        return clr.heldBy(holder.path(), holder.issuerId() != null && holder.issuerId().equals(achievement.issuerId()));
    }

    private static String lowerFirst(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
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

    /** The same offering with the recommendation a learner's credential carries (LC-5). */
    private static Offering withRecommendation(Offering o, CreditRecommendation recommendation) {
        return new Offering(o.id(), o.title(), o.type(), o.provider(), o.creditEligible(), o.hasCapstone(), recommendation, o.degreePathway(),
                o.alignedCertification(), o.semesterHours(), o.creditLevel(), o.achievementId());
    }

    private static CredentialReading reading(Achievement achievement, ProofVerifier.Checked checked, Offering offering,
            Map<String, String> recordedBy, LocalDate asOf, List<LearnerRecord> records, Map<String, CreditRecommendation> taken,
            Proofs proofs) {
        List<String> notes = new ArrayList<>();
        Proof proof = checked.proof();
        if (checked.note() != null) {
            notes.add(checked.note());
        }
        if (achievement.credential().has("credentialStatus")) {
            notes.add(STATUS_NOT_CHECKED);
        }
        if (proof.status() == Proof.Status.INVALID) { // LC-10: before NO_OFFERING, NOT_VALID and DUPLICATE
            notes.add("A credential whose proof does not hold gives no record.");
            return reading(achievement, proof, CredentialReading.Use.INVALID_PROOF, null, null, null, notes);
        }
        if (offering == null) {
            notes.add("No offering of the request has the achievement id " + quoted(achievement.id())
                    + "; give an offering that achievementId to use this credential.");
            return reading(achievement, proof, CredentialReading.Use.NO_OFFERING, null, null, null, notes);
        }
        String invalid = invalidOn(achievement, asOf);
        if (invalid != null) {
            notes.add(invalid);
            return reading(achievement, proof, CredentialReading.Use.NOT_VALID, null, null, null, notes);
        }
        String earlier = recordedBy.get(offering.id());
        if (earlier != null) {
            notes.add("The offering " + offering.id() + " already has a record (from " + earlier + "); this credential gives none.");
            return reading(achievement, proof, CredentialReading.Use.DUPLICATE, null, null, null, notes);
        }
        recordedBy.put(offering.id(), achievement.path());
        records.add(new LearnerRecord(offering.id(), RecordStatus.COMPLETED, true, achievement.gpa(), achievement.completedOn()));
        notes.add("Completed on " + achievement.completedOn() + " (its " + achievement.completedFrom() + ").");
        notes.addAll(achievement.gradeNotes());
        CreditRecommendation recommendation = null;
        List<Recommended> recommendations = achievement.recommendations().isEmpty() || offering.creditRecommendation() != null
                ? achievement.recommendations() : withHoldingProofs(achievement.recommendations(), proofs, notes);
        if (!recommendations.isEmpty()) {
            if (offering.creditRecommendation() != null) {
                notes.add("The offering states its own credit recommendation, which is kept; the credential's ACE recommendation "
                        + "is not used.");
            } else {
                Recommended first = recommendations.get(0);
                CreditLevel level = first.level() == null ? null : ACE_LEVELS.get(first.level());
                if (level == null && first.level() == null) {
                    notes.add("ACE's recommendation names no level: it is taken without a level.");
                } else if (level == null) {
                    notes.add("ACE's recommendation is for the level \"" + quoted(first.level()) + "\", which is none of VocationalCertificate, "
                            + "LowerDivisionBaccalaureate, UpperDivisionBaccalaureate and Graduate: it is taken without a level.");
                }
                recommendation = new CreditRecommendation("ACE", first.semesterHours(), level, first.validFrom(), first.validUntil());
                taken.put(offering.id(), recommendation);
                for (Recommended other : recommendations.subList(1, recommendations.size())) {
                    CreditLevel otherLevel = other.level() == null ? null : ACE_LEVELS.get(other.level());
                    notes.add("ACE also recommends " + hours(other.semesterHours()) + " semester hours "
                            + (otherLevel != null ? "at the " + otherLevel.label() + " level" : other.level() == null ? "at no stated level"
                                    : "at the \"" + quoted(other.level()) + "\" level") + "; the first recommendation is used.");
                }
            }
        }
        CredentialReading.Record record = new CredentialReading.Record(RecordStatus.COMPLETED.name(), true, achievement.gpa(),
                achievement.completedOn());
        return reading(achievement, proof, CredentialReading.Use.RECORD, offering.id(), record, recommendation, notes);
    }

    private static CredentialReading reading(Achievement achievement, Proof proof, CredentialReading.Use use, String offeringId,
            CredentialReading.Record record, CreditRecommendation recommendation, List<String> notes) {
        return new CredentialReading(achievement.path(), achievement.id(), achievement.name(), achievement.issuer(), use, offeringId, record,
                recommendation, proof.checked(), proof, List.copyOf(notes));
    }

    /** LC-10: the recommendations of ACE endorsements whose own proof holds or is absent; a note for each endorsement left out. */
    private static List<Recommended> withHoldingProofs(List<Recommended> recommendations, Proofs proofs, List<String> notes) {
        List<Recommended> kept = new ArrayList<>();
        Map<String, Boolean> holds = new HashMap<>();
        for (Recommended recommended : recommendations) {
            boolean endorsementHolds = holds.computeIfAbsent(recommended.path(), path -> {
                if (!recommended.endorsement().has("proof")) {
                    return true;
                }
                ProofVerifier.Checked checked = proofs.verifier().check(recommended.endorsement(), proofs.issuers(), proofs.stop());
                if (checked.proof().status() != Proof.Status.INVALID) {
                    return true;
                }
                notes.add("ACE's endorsement at " + path + " is not used: " + lowerFirst(checked.note()));
                return false;
            });
            if (endorsementHolds) {
                kept.add(recommended);
            }
        }
        return kept;
    }

    /** Why the credential is not valid on the date (LC-4), or null when it is. */
    private static String invalidOn(Achievement achievement, LocalDate asOf) {
        Window holder = achievement.holder();
        if (achievement.validUntil() != null && achievement.validUntil().isBefore(asOf)) {
            return "It expired on " + achievement.validUntil() + ", before " + asOf + ", the date the answer is made as of.";
        }
        if (achievement.validFrom() != null && achievement.validFrom().isAfter(asOf)) {
            return "It is valid only from " + achievement.validFrom() + ", after " + asOf + ", the date the answer is made as of.";
        }
        if (achievement.completedOn() != null && achievement.completedOn().isAfter(asOf)) {
            return "It records a completion on " + achievement.completedOn() + ", after " + asOf + ", the date the answer is made as of.";
        }
        if (holder != null && holder.validUntil() != null && holder.validUntil().isBefore(asOf)) {
            return "The CLR holding it (" + holder.path() + ") expired on " + holder.validUntil() + ", before " + asOf + ".";
        }
        if (holder != null && holder.validFrom() != null && holder.validFrom().isAfter(asOf)) {
            return "The CLR holding it (" + holder.path() + ") is valid only from " + holder.validFrom() + ", after " + asOf + ".";
        }
        return null;
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
    private static String quoted(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 40) + "… (" + value.length() + " characters)";
    }

    /** The most characters of a number a credential writes as text, and the most digits after its point, before it is read. */
    static final int MAX_NUMBER_TEXT = 32;

    /** The most elements a credential's list may hold (endorsements, recommendations, results) before it is read. */
    static final int MAX_LIST = 100;

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
    private static Set<String> types(JsonNode type) {
        Set<String> types = new HashSet<>();
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(item -> types.add(item.asText()));
        }
        return types;
    }

    private static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }
}
