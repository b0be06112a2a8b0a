package org.advising.eligibility.intake;


import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.advising.eligibility.credentials.CredentialReader;
import org.advising.eligibility.credentials.CredentialReading;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.PlausibleDate;

/**
 * The one way in for a request body, whichever endpoint, batch line or command sends it: read,
 * sizes counted, fields checked, credentials read, in that order and inside the request's budget.
 * Every list is counted against its bound before any of its elements is checked (a list past its
 * bound is refused on its count alone), a number is refused as written before it is used, a
 * credential's values pass the bounds of the request's own fields, and the errors found are
 * counted, the first {@value FieldErrors#LISTED} listed.
 */
public final class RequestIntake {

    /** Which endpoint a body is for: each refuses the fields the other alone takes. */
    public enum Endpoint {
        /** POST /api/v1/evaluations, a batch line, the evaluate command. */
        EVALUATION(RequestValidator::evaluationFields),
        /** POST /api/v1/transfer-options. */
        TRANSFER_OPTIONS(RequestValidator::transferOptionFields);

        private final Function<EvaluationRequest, List<FieldError>> refused;

        Endpoint(Function<EvaluationRequest, List<FieldError>> refused) {
            this.refused = refused;
        }
    }

    /**
     * A valid request as the rules read it: its learner's credentials read into records and
     * recommendations (LC), with the reading of each credential (null when it sent none).
     */
    public record Admitted(EvaluationRequest request, List<CredentialReading> readings) {

        public LocalDate asOf() {
            return request.asOfOrToday();
        }
    }

    private final RequestReader reader;
    private final RequestValidator validator;

    public RequestIntake(RequestReader reader, RequestValidator validator) {
        this.reader = reader;
        this.validator = validator;
    }

    /**
     * The request, or {@link InvalidRequestException} naming its invalid fields; an
     * {@link org.advising.eligibility.engine.evaluate.EvaluationTimeoutException} when its budget
     * runs out first. {@code rulebase} gives the institutions it may name.
     */
    public Admitted admit(byte[] body, Endpoint endpoint, Optional<Rulebase> rulebase, Deadline budget) {
        budget.check("its body was read");
        RequestReader.Result read = reader.read(body);
        FieldErrors errors = read.found();
        EvaluationRequest request = read.request();
        if (request == null) {
            errors.throwIfAny();
        }
        List<FieldError> refused = endpoint.refused.apply(request);
        errors.addAll(refused);
        if (!sizesWithinBounds(request, errors)) {
            errors.throwIfAny(); // no element of a list past its bound is checked
        }
        budget.check("its fields were checked");
        // A value the reader already rejected was read as null: do not report it twice; nor what lies in a field
        // the endpoint refuses as a whole.
        Set<String> rejected = read.errors().stream().map(FieldError::field).collect(Collectors.toSet());
        Set<String> refusedFields = refused.stream().map(FieldError::field).collect(Collectors.toSet());
        LocalDate asOf = request.asOfOrToday();
        // A date out of bounds is reported; the institutions are then not looked up on it.
        Institutions institutions = request.receivingInstitutions() == null ? Institutions.NONE
                : !PlausibleDate.Check.holds(asOf) ? null
                : rulebase.map(Rulebase::institutions).orElse(null);
        validator.validate(request, asOf, institutions).stream()
                .filter(error -> !rejected.contains(error.field()) && !refusedFields.contains(error.field().replaceAll("\\[.*", "")))
                .forEach(errors::add);
        CredentialReader.Read credentials = null;
        if (request.learner() != null && request.learner().credentials() != null && request.offerings() != null) {
            budget.check("its credentials were read");
            credentials = CredentialReader.read(request.learner().credentials(), request.offerings(),
                    request.learner().records() == null ? List.of() : request.learner().records(), asOf);
            credentials.problems().forEach(problem -> errors.add(problem.path(), problem.message()));
        }
        errors.throwIfAny();
        if (credentials == null) {
            return new Admitted(request, null);
        }
        // The rules read what the credentials gave as if the portal had written it out (LC): records and recommendations.
        Learner learner = new Learner(request.learner().id(), request.learner().holdsBachelorsDegree(), credentials.records());
        return new Admitted(new EvaluationRequest(request.asOf(), learner, credentials.offerings(), request.receivingInstitutions(),
                request.nextSteps(), request.limit()), credentials.readings());
    }

    /** Counts every list of the request against its bound; false (with an error for each) when one is past it. */
    private static boolean sizesWithinBounds(EvaluationRequest request, FieldErrors errors) {
        int before = errors.total();
        bound("offerings", request.offerings(), EvaluationRequest.MAX_OFFERINGS, "must hold between 1 and %d offerings", errors);
        bound("receivingInstitutions", request.receivingInstitutions(), EvaluationRequest.MAX_INSTITUTIONS,
                "must hold between 1 and %d institution ids", errors);
        if (request.learner() != null) {
            bound("learner.records", request.learner().records(), Learner.MAX_RECORDS, "must hold at most %d records", errors);
            bound("learner.credentials", request.learner().credentials(), Learner.MAX_CREDENTIALS, "must hold at most %d credentials", errors);
        }
        return errors.total() == before;
    }

    /** The field's own constraint message (as its annotation words it), with the count, when the list is past its bound. */
    private static void bound(String field, List<?> list, int max, String constraint, FieldErrors errors) {
        if (list != null && list.size() > max) {
            errors.add(field, constraint.formatted(max) + "; it holds " + list.size() + " (none of them was checked)");
        }
    }
}
