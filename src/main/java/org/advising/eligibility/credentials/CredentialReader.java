package org.advising.eligibility.credentials;

import static org.advising.eligibility.credentials.CredentialParser.quoted;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.advising.eligibility.credentials.CredentialParser.Achievement;
import org.advising.eligibility.credentials.CredentialParser.Recommended;
import org.advising.eligibility.credentials.CredentialParser.Window;
import org.advising.eligibility.credentials.proof.Proof;
import org.advising.eligibility.credentials.proof.ProofVerifier;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.advising.eligibility.model.CredentialRecord;
import org.advising.eligibility.model.CreditLevel;
import org.advising.eligibility.model.CreditRecommendation;
import org.advising.eligibility.model.LearnerRecord;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.RecordStatus;

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

    public static Read read(List<JsonNode> credentials, List<Offering> offerings, List<LearnerRecord> records, LocalDate asOf,
            Proofs proofs) {
        CredentialParser.Parsed parsed = CredentialParser.parse(credentials);
        if (!parsed.problems().isEmpty()) {
            return new Read(List.of(), records, offerings, List.of(), parsed.problems());
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
        for (Achievement achievement : parsed.achievements()) {
            ProofVerifier.Checked checked = proof(achievement, proofs, clrChecks);
            Offering offering = byAchievement.get(achievement.id());
            Given given = reading(achievement, checked, offering, offering == null ? null : recordedBy.get(offering.id()), asOf, proofs);
            CredentialReading reading = given.reading();
            readings.add(reading);
            if (reading.use() == CredentialReading.Use.RECORD) {
                recordedBy.put(reading.offeringId(), achievement.path());
                allRecords.add(given.record());
                if (given.recommendation() != null) {
                    taken.put(reading.offeringId(), given.recommendation());
                }
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

    /** The same offering with the recommendation a learner's credential carries (LC-5). */
    private static Offering withRecommendation(Offering o, CreditRecommendation recommendation) {
        return new Offering(o.id(), o.title(), o.type(), o.provider(), o.creditEligible(), o.hasCapstone(), recommendation, o.degreePathway(),
                o.alignedCertification(), o.semesterHours(), o.creditLevel(), o.achievementId());
    }

    /** What one credential gives: its reading and, when it is the offering's record, that record and the ACE recommendation taken (or null). */
    private record Given(CredentialReading reading, LearnerRecord record, CreditRecommendation recommendation) {

        Given(CredentialReading reading) {
            this(reading, null, null);
        }
    }

    /**
     * LC applied to one achievement: its use (in LC-10's order: a proof that does not hold, no offering, not valid on the
     * date, a record already given by {@code earlier}, else the offering's record), its notes, and what it gives.
     */
    private static Given reading(Achievement achievement, ProofVerifier.Checked checked, Offering offering, String earlier,
            LocalDate asOf, Proofs proofs) {
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
            return new Given(reading(achievement, proof, CredentialReading.Use.INVALID_PROOF, null, null, null, notes));
        }
        if (offering == null) {
            notes.add("No offering of the request has the achievement id " + quoted(achievement.id())
                    + "; give an offering that achievementId to use this credential.");
            return new Given(reading(achievement, proof, CredentialReading.Use.NO_OFFERING, null, null, null, notes));
        }
        String invalid = invalidOn(achievement, asOf);
        if (invalid != null) {
            notes.add(invalid);
            return new Given(reading(achievement, proof, CredentialReading.Use.NOT_VALID, null, null, null, notes));
        }
        if (earlier != null) {
            notes.add("The offering " + offering.id() + " already has a record (from " + earlier + "); this credential gives none.");
            return new Given(reading(achievement, proof, CredentialReading.Use.DUPLICATE, null, null, null, notes));
        }
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
        return new Given(reading(achievement, proof, CredentialReading.Use.RECORD, offering.id(), record, recommendation, notes),
                new LearnerRecord(offering.id(), RecordStatus.COMPLETED, true, achievement.gpa(), achievement.completedOn()), recommendation);
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


    private static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }
}
