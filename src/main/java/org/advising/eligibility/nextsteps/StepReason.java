package org.advising.eligibility.nextsteps;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.ReceivingInstitution;

/**
 * The sentence an advisor reads aloud for a step (NS-6): the move and its grade first, then what
 * gets better, then what gets worse, then what changes otherwise, each with its statement.
 */
final class StepReason {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("credential NONE", "no credential"),
            Map.entry("credential PLATFORM_CERTIFICATE", "a platform certificate"),
            Map.entry("credential UNIVERSITY_CERTIFICATE", "a university certificate"),
            Map.entry("credential DEGREE_AND_TRANSCRIPT", "a degree and transcript"),
            Map.entry("transfersCredit YES", "it transfers credit"),
            Map.entry("transfersCredit CONDITIONAL", "it may transfer credit"),
            Map.entry("transfersCredit NO", "it transfers no credit"),
            Map.entry("degreeAdmission ELIGIBLE", "degree admission becomes eligible"),
            Map.entry("degreeAdmission PATHWAY", "it becomes a route to degree admission"),
            Map.entry("degreeAdmission NOT_ELIGIBLE", "degree admission becomes not eligible"),
            Map.entry("degreeAdmission NOT_APPLICABLE", "degree admission no longer applies"));

    private StepReason() {
    }

    static String of(Move move, List<Change> changes, List<Offering> offerings, List<ReceivingInstitution> institutions) {
        Map<String, Offering> byId = offerings.stream().collect(Collectors.toMap(Offering::id, Function.identity(), (a, b) -> a));
        Map<String, String> names = institutions.stream()
                .collect(Collectors.toMap(ReceivingInstitution::id, ReceivingInstitution::name, (a, b) -> a));
        StringBuilder reason = new StringBuilder(move(move, byId.get(move.offeringId())));
        String better = phrases(changes, Effect.BETTER, move, byId, names);
        String worse = phrases(changes, Effect.WORSE, move, byId, names);
        String other = phrases(changes, Effect.OTHER, move, byId, names);
        reason.append(": ").append(better.isEmpty() ? "nothing gets better" : better);
        if (!worse.isEmpty()) {
            reason.append("; but ").append(worse);
        }
        if (!other.isEmpty()) {
            reason.append("; also ").append(other);
        }
        return reason.append('.').toString();
    }

    private static String move(Move move, Offering offering) {
        String type = offering == null ? "" : offering.type().label();
        return switch (move.kind()) {
            case BUY_CERTIFICATE -> "Buy the certificate of this " + type;
            case COMPLETE -> "Complete this " + type + (move.gpa().signum() == 0 ? " with any grade" : " with a grade of at least " + move.gpa());
            case RAISE_GRADE -> "Raise the grade of this " + type + " to at least " + move.gpa() + " (a retake)";
            case EARN_BACHELORS -> "Earn a bachelor's degree";
        };
    }

    private static String phrases(List<Change> changes, Effect effect, Move move, Map<String, Offering> offerings, Map<String, String> names) {
        List<String> phrases = changes.stream().filter(change -> change.effect() == effect)
                .map(change -> phrase(change, move, offerings, names)).toList();
        if (phrases.size() <= 1) {
            return String.join("", phrases);
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.get(phrases.size() - 1);
    }

    private static String phrase(Change change, Move move, Map<String, Offering> offerings, Map<String, String> names) {
        String text;
        if (change.institution() != null) {
            String name = names.getOrDefault(change.institution(), change.institution());
            String hours = hours(change.thenSemesterHours());
            text = switch (change.then()) {
                case "ACCEPTED" -> name + " accepts " + hours + " of its hours";
                case "EXPECTED" -> name + " expects " + hours + " of its hours";
                case "REVIEW" -> name + " reviews it";
                default -> name + " does not accept it";
            };
        } else if (change.answer().equals("credential")) {
            text = "the credential becomes " + WORDS.get("credential " + change.then());
        } else {
            text = WORDS.get(change.answer() + " " + change.then());
        }
        Offering offering = offerings.get(change.offeringId());
        boolean elsewhere = !change.offeringId().equals(move.offeringId()); // EARN_BACHELORS is on no offering
        String subject = elsewhere ? "for " + (offering == null || offering.title() == null ? change.offeringId() : offering.title()) + ", " : "";
        return subject + text + " (" + change.policy() + ")";
    }

    private static String hours(BigDecimal hours) {
        return hours == null ? "0" : hours.stripTrailingZeros().toPlainString();
    }
}
