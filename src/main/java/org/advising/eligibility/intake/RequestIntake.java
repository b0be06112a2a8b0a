package org.advising.eligibility.intake;


import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.advising.eligibility.credentials.CredentialReader;
import org.advising.eligibility.credentials.CredentialReading;
import org.advising.eligibility.credentials.proof.ProofVerifier;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.model.CredentialRecord;
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

    /**
     * A valid request as the rules read it: its learner's credentials read into records and
     * recommendations (LC), with the reading of each credential (null when it sent none), and for
     * each record a credential gave, whose it is and whether its issuer was authenticated (empty when
     * none did): every evaluation of the request gives the rules these facts (TR-9).
     */
    public record Admitted<R extends Request>(R request, List<CredentialReading> readings, List<CredentialRecord> credentialRecords) {

        public Admitted {
            credentialRecords = credentialRecords == null ? List.of() : List.copyOf(credentialRecords);
        }

        public LocalDate asOf() {
            return request.asOfOrToday();
        }
    }

    /** The most offering-institution pairs an evaluation may ask about (500 offerings alone, or 50 at 10 institutions). */
    public static final int MAX_PAIRS = 500;
    /** The most offerings a transfer-options request may rank institutions for. */
    public static final int MAX_OPTIONS_OFFERINGS = 50;
    /** The most offering answers a transfer-options request may list (offerings times limit). */
    public static final int MAX_OPTIONS_LISTED = 5000;

    private final RequestReader reader;
    private final RequestValidator validator;
    private final ProofVerifier verifier;

    public RequestIntake(RequestReader reader, RequestValidator validator, ProofVerifier verifier) {
        this.reader = reader;
        this.validator = validator;
        this.verifier = verifier;
    }

    /**
     * The request, or {@link InvalidRequestException} naming its invalid fields; an
     * {@link org.advising.eligibility.engine.evaluate.EvaluationTimeoutException} when its budget
     * runs out first. {@code rulebase} gives the institutions it may name.
     */
    public <R extends Request> Admitted<R> admit(byte[] body, Class<R> kind, Optional<Rulebase> rulebase, Deadline budget) {
        return admit(body, kind, rulebase, budget, request -> { });
    }

    /**
     * The same, with {@code onceRead} told of the request as soon as it is read, before any of it is
     * checked: the caller may refuse it there (a request for next steps when their workers cannot
     * take it), so that a refusal costs a read, not a check.
     */
    public <R extends Request> Admitted<R> admit(byte[] body, Class<R> kind, Optional<Rulebase> rulebase, Deadline budget,
            Consumer<? super R> onceRead) {
        budget.check("its body was read");
        RequestReader.Result<R> read = reader.read(body, kind);
        FieldErrors errors = read.found();
        R request = read.request();
        if (request == null) {
            errors.throwIfAny();
        }
        onceRead.accept(request);
        if (!sizesWithinBounds(request, errors) || !costWithinBounds(request, errors)) {
            errors.throwIfAny(); // no element of a list past its bound is checked
        }
        budget.check("its fields were checked");
        // A value the reader already rejected was read as null: do not report it twice.
        Set<String> rejected = read.errors().stream().map(FieldError::field).collect(Collectors.toSet());
        LocalDate asOf = request.asOfOrToday();
        // A date out of bounds is reported; the institutions are then not looked up on it.
        Institutions institutions = !(request instanceof EvaluationRequest evaluation) || evaluation.receivingInstitutions() == null
                ? Institutions.NONE
                : !PlausibleDate.Check.holds(asOf) ? null
                : rulebase.map(Rulebase::institutions).orElse(null);
        validator.validate(request, asOf, institutions).stream()
                .filter(error -> !rejected.contains(error.field()))
                .forEach(errors::add);
        CredentialReader.Read credentials = null;
        if (request.learner() != null && request.learner().credentials() != null && request.offerings() != null) {
            budget.check("its credentials were read");
            TrustedIssuers issuers = rulebase.map(Rulebase::trustedIssuers).orElse(TrustedIssuers.NONE);
            credentials = CredentialReader.read(request.learner().credentials(), request.offerings(),
                    request.learner().records() == null ? List.of() : request.learner().records(), asOf,
                    new CredentialReader.Proofs(verifier, issuers, budget::passed));
            credentials.problems().forEach(problem -> errors.add(problem.path(), problem.message()));
            budget.check("its credentials' proofs were checked");
        }
        errors.throwIfAny();
        if (credentials == null) {
            return new Admitted<>(request, null, List.of());
        }
        // The rules read what the credentials gave as if the portal had written it out (LC): records and recommendations.
        Learner learner = new Learner(request.learner().id(), request.learner().holdsBachelorsDegree(), credentials.records());
        return new Admitted<>(kind.cast(request.with(learner, credentials.offerings())), credentials.readings(),
                credentials.credentialRecords());
    }

    /** Counts every list of the request against its bound; false (with an error for each) when one is past it. */
    private static boolean sizesWithinBounds(Request request, FieldErrors errors) {
        int before = errors.total();
        bound("offerings", request.offerings(), Request.MAX_OFFERINGS, "must hold between 1 and %d offerings", errors);
        if (request instanceof EvaluationRequest evaluation) {
            bound("receivingInstitutions", evaluation.receivingInstitutions(), EvaluationRequest.MAX_INSTITUTIONS,
                    "must hold between 1 and %d institution ids", errors);
        }
        if (request.learner() != null) {
            bound("learner.records", request.learner().records(), Learner.MAX_RECORDS, "must hold at most %d records", errors);
            bound("learner.credentials", request.learner().credentials(), Learner.MAX_CREDENTIALS, "must hold at most %d credentials", errors);
        }
        return errors.total() == before;
    }

    /**
     * What one request may ask for, by what it costs (docs/reliability.md): an evaluation answers every
     * offering at every institution it names, with the caps of TR-8 shared in request order, so the
     * offering-institution pairs are bounded; transfer options answer every offering at every
     * institution of the file and list {@code limit} of them, so the offerings and what the answer
     * lists are bounded. False, with an error naming the field, when the request asks for more.
     */
    private static boolean costWithinBounds(Request request, FieldErrors errors) {
        int offerings = request.offerings() == null ? 0 : request.offerings().size();
        if (request instanceof EvaluationRequest evaluation && evaluation.receivingInstitutions() != null) {
            int pairs = offerings * evaluation.receivingInstitutions().size();
            if (pairs > MAX_PAIRS) {
                errors.add("receivingInstitutions", "asks about " + offerings + " offerings at " + evaluation.receivingInstitutions().size()
                        + " institutions, " + pairs + " offering-institution pairs; at most " + MAX_PAIRS
                        + " per request (send the offerings in smaller requests)");
                return false;
            }
        }
        if (request instanceof TransferOptionsRequest options) {
            if (offerings > MAX_OPTIONS_OFFERINGS) {
                errors.add("offerings", "holds " + offerings + " offerings; transfer options rank every institution for at most "
                        + MAX_OPTIONS_OFFERINGS + " (send the others in another request)");
                return false;
            }
            int limit = options.limitOrDefault();
            long listed = (long) offerings * limit; // a limit out of 1-1000 is the field check's to name
            if (limit >= 1 && limit <= 1000 && listed > MAX_OPTIONS_LISTED) {
                errors.add("limit", "asks for " + limit + " options of " + offerings + " offerings each, " + listed
                        + " offering answers; at most " + MAX_OPTIONS_LISTED + " per request (ask for fewer options)");
                return false;
            }
        }
        return true;
    }

    /** The field's own constraint message (as its annotation words it), with the count, when the list is past its bound. */
    private static void bound(String field, List<?> list, int max, String constraint, FieldErrors errors) {
        if (list != null && list.size() > max) {
            errors.add(field, constraint.formatted(max) + "; it holds " + list.size() + " (none of them was checked)");
        }
    }

    /**
     * Refuses a client's request ({@link ProofVerifier.Busy}) as soon as it is read when it sends
     * credentials to verify while every verifier is taken: proofs are costly work, admitted like it.
     * A batch line or a command waits for a verifier instead, within its budget.
     */
    public void checkProofRoom(Request request, Optional<Rulebase> rulebase) {
        if (request.learner() != null && request.learner().credentials() != null && !request.learner().credentials().isEmpty()) {
            verifier.checkRoom(request.learner().credentials(), rulebase.map(Rulebase::trustedIssuers).orElse(TrustedIssuers.NONE));
        }
    }
}
