package org.advising.eligibility.api;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.advising.eligibility.model.LearnerRecord;
import org.advising.eligibility.model.Offering;

/**
 * Checks a request read from JSON against the contract: the field constraints declared on the
 * request and model records, then the rules that span fields (unique offering ids, records that
 * name an offering of the request, at most one record per offering).
 */
@Singleton
public class RequestValidator {

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    public List<FieldError> validate(EvaluationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<EvaluationRequest> violation : validator.validate(request)) {
            errors.add(new FieldError(path(violation.getPropertyPath()), violation.getMessage()));
        }
        if (request.offerings() != null) {
            Map<String, Integer> offeringIndex = new HashMap<>();
            for (int i = 0; i < request.offerings().size(); i++) {
                Offering offering = request.offerings().get(i);
                if (offering != null && offering.id() != null) {
                    Integer first = offeringIndex.putIfAbsent(offering.id(), i);
                    if (first != null) {
                        errors.add(new FieldError("offerings[" + i + "].id",
                                "duplicates the id \"" + offering.id() + "\" of offerings[" + first + "]; ids must be unique"));
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
                        errors.add(new FieldError(field, "names no offering of this request: \"" + record.offeringId() + "\""));
                    }
                    Integer first = recordIndex.putIfAbsent(record.offeringId(), i);
                    if (first != null) {
                        errors.add(new FieldError(field, "is a second record for offering \"" + record.offeringId()
                                + "\" (the first is learner.records[" + first + "]); at most one per offering"));
                    }
                }
            }
        }
        return errors;
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
