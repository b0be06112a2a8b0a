package org.advising.eligibility.intake;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.nextsteps.NextStepsFinder;
import org.advising.eligibility.model.CreditRecommendation;
import org.advising.eligibility.model.LearnerRecord;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.model.RecordStatus;

/**
 * Checks a request read from JSON against the contract: the field constraints declared on the
 * request and model records, then the rules that span fields (unique offering ids, records that
 * name an offering of the request, at most one record per offering, no completion after the as-of
 * date, recommendation windows that end after they start, unique receiving institutions in effect
 * on the as-of date).
 */
@Singleton
public class RequestValidator {

    /** The most institution ids an error lists. */
    private static final int MAX_LISTED = 10;

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * Every problem of the request; {@code institutions} are the receiving institutions in effect on
     * its as-of date (null when no rulebase is loaded or the date is out of bounds: then the ids are not checked, and the
     * evaluation is refused as unavailable).
     */
    public List<FieldError> validate(Request request, LocalDate asOf, Institutions institutions) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Request> violation : validator.validate(request)) {
            errors.add(new FieldError(path(violation.getPropertyPath()), violation.getMessage()));
        }
        if (request instanceof EvaluationRequest evaluation) {
            receivingInstitutions(evaluation.receivingInstitutions(), asOf, institutions, errors);
        }
        if (request.offerings() != null) {
            for (int i = 0; i < request.offerings().size(); i++) {
                Offering offering = request.offerings().get(i);
                CreditRecommendation recommendation = offering == null ? null : offering.creditRecommendation();
                if (recommendation != null && recommendation.validFrom() != null && recommendation.validUntil() != null
                        && recommendation.validFrom().isAfter(recommendation.validUntil())) {
                    errors.add(new FieldError("offerings[" + i + "].creditRecommendation.validFrom",
                            "must not be after validUntil (" + recommendation.validUntil() + ")"));
                }
            }
        }
        if (request.learner() != null && request.learner().records() != null) {
            List<LearnerRecord> records = request.learner().records();
            for (int i = 0; i < records.size(); i++) {
                LearnerRecord record = records.get(i);
                if (record != null && record.status() == RecordStatus.COMPLETED && record.completedOn() != null
                        && record.completedOn().isAfter(asOf)) {
                    errors.add(new FieldError("learner.records[" + i + "].completedOn",
                            "is after the as-of date " + asOf + "; a completed record cannot end later than the date the answer is made as of"));
                }
            }
        }
        if (request instanceof EvaluationRequest evaluation && evaluation.wantsNextSteps() && request.offerings() != null
                && request.offerings().size() > NextStepsFinder.MAX_OFFERINGS) {
            errors.add(new FieldError("nextSteps", "asks for the next steps of " + request.offerings().size() + " offerings; at most "
                    + NextStepsFinder.MAX_OFFERINGS + " per request (send the others in another request)"));
        }
        if (request.offerings() != null) {
            Map<String, Integer> achievementIndex = new HashMap<>();
            for (int i = 0; i < request.offerings().size(); i++) {
                Offering offering = request.offerings().get(i);
                if (offering != null && offering.achievementId() != null) {
                    Integer first = achievementIndex.putIfAbsent(offering.achievementId(), i);
                    if (first != null) {
                        errors.add(new FieldError("offerings[" + i + "].achievementId", "duplicates the achievementId of offerings[" + first
                                + "]; a credential is evidence for one offering (LC-1)"));
                    }
                }
            }
            Map<String, Integer> offeringIndex = new HashMap<>();
            for (int i = 0; i < request.offerings().size(); i++) {
                Offering offering = request.offerings().get(i);
                if (offering != null && offering.id() != null) {
                    Integer first = offeringIndex.putIfAbsent(offering.id(), i);
                    if (first != null) {
                        errors.add(new FieldError("offerings[" + i + "].id",
                                "duplicates the id \"" + RequestReader.shown(offering.id()) + "\" of offerings[" + first + "]; ids must be unique"));
                    }
                }
            }
            if (request.learner() != null && request.learner().records() != null) {
                Map<String, Integer> recordIndex = new HashMap<>();
                List<LearnerRecord> records = request.learner().records();
                for (int i = 0; i < records.size(); i++) {
                    LearnerRecord record = records.get(i);
                    if (record == null || record.offeringId() == null) {
                        continue;
                    }
                    String field = "learner.records[" + i + "].offeringId";
                    if (!offeringIndex.containsKey(record.offeringId())) {
                        errors.add(new FieldError(field, "names no offering of this request: \"" + RequestReader.shown(record.offeringId()) + "\""));
                    }
                    Integer first = recordIndex.putIfAbsent(record.offeringId(), i);
                    if (first != null) {
                        errors.add(new FieldError(field, "is a second record for offering \"" + RequestReader.shown(record.offeringId())
                                + "\" (the first is learner.records[" + first + "]); at most one per offering"));
                    }
                }
            }
        }
        return errors;
    }

    /** The ids a request may name, listed when they are few; a file of thousands is searched with GET /api/v1/institutions?name=. */
    private static String known(Institutions institutions, LocalDate asOf) {
        List<String> ids = institutions.entries().stream().filter(entry -> entry.inEffectOn(asOf))
                .map(ReceivingInstitution::id).limit(MAX_LISTED + 1).toList();
        return ids.size() <= MAX_LISTED ? "known: " + String.join(", ", ids) + " (GET /api/v1/institutions lists them)"
                : "GET /api/v1/institutions?name= finds an institution by its name";
    }

    private static void receivingInstitutions(List<String> ids, LocalDate asOf, Institutions institutions, List<FieldError> errors) {
        if (ids == null) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank() || id.length() > 128) {
                continue; // reported by the field constraints
            }
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                errors.add(new FieldError("receivingInstitutions[" + i + "]",
                        "duplicates \"" + id + "\" of receivingInstitutions[" + first + "]; name each institution once"));
            } else if (institutions != null && institutions.inEffectOn(id, asOf).isEmpty()) {
                errors.add(new FieldError("receivingInstitutions[" + i + "]", "names no receiving institution in effect on " + asOf
                        + ": \"" + RequestReader.shown(id) + "\"; " + known(institutions, asOf)));
            }
        }
    }

    /** A validation path as the JSON names it: {@code learner.records[0].gpa}, {@code offerings[2]}. */
    static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                path.append(path.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return path.length() == 0 ? "$" : path.toString();
    }
}
