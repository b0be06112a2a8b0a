package org.advising.eligibility.decisions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.advising.eligibility.credentials.CredentialReader;
import org.advising.eligibility.credentials.CredentialReading;
import org.advising.eligibility.engine.activate.RulebaseUnavailableException;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.EvaluationTimeoutException;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.evaluate.RulebaseDefectException;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.PlausibleDate;
import org.advising.eligibility.nextsteps.NextStep;
import org.advising.eligibility.nextsteps.NextStepsFinder;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.ops.DecisionAudit;
import org.advising.eligibility.options.TransferOptionsFinder;
import org.advising.eligibility.ops.EvaluationMetrics;

/**
 * Answers one evaluation request from its JSON body: read and validate it, evaluate it (and find
 * its next steps when it asks for them), record its metrics and audit line. Used by the single endpoint and, line by line, by the batch endpoint.
 */
@ApplicationScoped
public class DecisionService {

    private final RequestReader reader;
    private final RequestValidator validator;
    private final RulebaseRunner runner;
    private final EvaluationMetrics metrics;
    private final DecisionAudit audit;
    private final NextStepsFinder nextStepsFinder;
    private final TransferOptionsFinder optionsFinder;

    /**
     * The service's: a request's next steps are searched on its own worker and on as many more of the
     * evaluation workers as there are other cores, where they are free.
     */
    @Inject
    public DecisionService(RequestReader reader, RequestValidator validator, RulebaseRunner runner, EvaluationMetrics metrics,
            DecisionAudit audit, WorkerPool workers) {
        this(reader, validator, runner, metrics, audit,
                new NextStepsFinder(runner, workers.executor(), Runtime.getRuntime().availableProcessors() - 1));
    }

    /** A command's: next steps searched on the calling thread alone. */
    public DecisionService(RequestReader reader, RequestValidator validator, RulebaseRunner runner, EvaluationMetrics metrics,
            DecisionAudit audit) {
        this(reader, validator, runner, metrics, audit, new NextStepsFinder(runner));
    }

    private DecisionService(RequestReader reader, RequestValidator validator, RulebaseRunner runner, EvaluationMetrics metrics,
            DecisionAudit audit, NextStepsFinder nextStepsFinder) {
        this.reader = reader;
        this.validator = validator;
        this.runner = runner;
        this.metrics = metrics;
        this.audit = audit;
        this.nextStepsFinder = nextStepsFinder;
        this.optionsFinder = new TransferOptionsFinder(runner);
    }

    /**
     * The answer to one request body, decided by {@code active} (empty: none is loaded, 503): the
     * institutions it validates are those it evaluates with, even if the service reloads meanwhile.
     * Records metrics and one audit line. Throws the exception of a refused request (400, 503, 500).
     */
    public EvaluationResponse answer(byte[] body, Optional<Rulebase> active, String requestId) {
        Checked checked = checked(reader, validator, body, active, RequestValidator::evaluationFields);
        EvaluationRequest request = checked.request();
        LocalDate asOf = asOf(request);
        Rulebase rulebase = active.orElseThrow(RulebaseUnavailableException::new);
        long started = System.nanoTime();
        long deadline = runner.deadline(); // one time limit for all of the request's evaluations, its next steps too
        List<ReceivingInstitution> institutions = institutions(request, rulebase);
        RulebaseAnswer evaluation = measured(started,
                () -> runner.evaluate(rulebase, request.learner(), request.offerings(), asOf, institutions, deadline));
        Map<String, List<NextStep>> nextSteps = !request.wantsNextSteps() ? null : measured(started, () -> nextStepsFinder.find(
                new NextStepsFinder.Request(rulebase, request.learner(), request.offerings(), asOf, institutions, evaluation), deadline));
        long nanos = System.nanoTime() - started;
        metrics.evaluated(evaluation, nanos);
        audit.record(requestId, rulebase.version(), asOf, request.learner().id(),
                checked.readings() == null ? null : checked.readings().stream().map(reading -> reading.use().name()).toList(), evaluation, nanos);
        Map<String, List<NextStep>> steps = nextSteps;
        return new EvaluationResponse(request.learner().id(), asOf,
                new EvaluationResponse.RulebaseVersion(rulebase.version(), rulebase.loadedAt()), evaluation.institutions(),
                checked.readings(), evaluation.decisions().stream()
                        .map(decision -> new OfferingResult(decision, steps == null ? null : steps.get(decision.offeringId()))).toList());
    }

    /**
     * The transfer options of one request body (TO-1 .. TO-4), decided by {@code active}: every
     * institution in effect on its as-of date, the best {@code limit} ranked. Records metrics; throws
     * the exception of a refused request as {@link #answer} does.
     */
    public TransferOptionsResponse options(byte[] body, Optional<Rulebase> active) {
        Checked checked = checked(reader, validator, body, active, RequestValidator::transferOptionFields);
        EvaluationRequest request = checked.request();
        LocalDate asOf = asOf(request);
        Rulebase rulebase = active.orElseThrow(RulebaseUnavailableException::new);
        long started = System.nanoTime();
        TransferOptionsFinder.Ranked ranked = measured(started, () -> optionsFinder.find(rulebase, request.learner(), request.offerings(),
                asOf, request.limit() == null ? EvaluationRequest.DEFAULT_LIMIT : request.limit(), runner.deadline()));
        return new TransferOptionsResponse(request.learner().id(), asOf,
                new EvaluationResponse.RulebaseVersion(rulebase.version(), rulebase.loadedAt()), checked.readings(), ranked.considered(),
                ranked.options());
    }

    /** The work's result; a rule defect or a timeout is counted in the metrics (from {@code started}) and thrown on. */
    private <T> T measured(long started, Supplier<T> work) {
        try {
            return work.get();
        } catch (RulebaseDefectException e) {
            metrics.failed(System.nanoTime() - started);
            throw e;
        } catch (EvaluationTimeoutException e) {
            metrics.timedOut(System.nanoTime() - started);
            throw e;
        }
    }

    public static LocalDate asOf(EvaluationRequest request) {
        return request.asOf() == null ? LocalDate.now(ZoneOffset.UTC) : request.asOf();
    }

    /** The receiving institutions the request names, in its order, as in effect on its as-of date (validated before). */
    public static List<ReceivingInstitution> institutions(EvaluationRequest request, Rulebase rulebase) {
        if (request.receivingInstitutions() == null) {
            return List.of();
        }
        LocalDate asOf = asOf(request);
        return request.receivingInstitutions().stream().map(id -> rulebase.institutions().inEffectOn(id, asOf).orElseThrow()).toList();
    }

    /** The request of an evaluation, or {@link InvalidRequestException} naming every invalid field. */
    public static EvaluationRequest valid(RequestReader reader, RequestValidator validator, byte[] body, Optional<Rulebase> rulebase) {
        return checked(reader, validator, body, rulebase, RequestValidator::evaluationFields).request();
    }

    /**
     * A valid request as the rules read it, its learner's credentials read into records and
     * recommendations (LC), with the reading of each credential (null when it sent none).
     */
    record Checked(EvaluationRequest request, List<CredentialReading> readings) {
    }

    /**
     * The request, or {@link InvalidRequestException} naming every invalid field, {@code endpoint}
     * naming the fields the endpoint refuses (a field it names is not checked further).
     */
    static Checked checked(RequestReader reader, RequestValidator validator, byte[] body, Optional<Rulebase> rulebase,
            Function<EvaluationRequest, List<FieldError>> endpoint) {
        RequestReader.Result read = reader.read(body);
        List<FieldError> errors = new ArrayList<>(read.errors());
        if (read.request() != null) {
            List<FieldError> refused = endpoint.apply(read.request());
            errors.addAll(refused);
            // A value the reader already rejected was read as null: do not report it twice; nor what lies in a field
            // the endpoint refuses as a whole.
            Set<String> rejected = read.errors().stream().map(FieldError::field).collect(Collectors.toSet());
            Set<String> refusedFields = refused.stream().map(FieldError::field).collect(Collectors.toSet());
            LocalDate asOf = asOf(read.request());
            // A date out of bounds is reported; the institutions are then not looked up on it.
            Institutions institutions = read.request().receivingInstitutions() == null ? Institutions.NONE
                    : !PlausibleDate.Check.holds(asOf) ? null
                    : rulebase.map(Rulebase::institutions).orElse(null);
            validator.validate(read.request(), asOf, institutions)
                    .stream().filter(error -> !rejected.contains(error.field())
                            && !refusedFields.contains(error.field().replaceAll("\\[.*", "")))
                    .forEach(errors::add);
        }
        CredentialReader.Read credentials = null;
        EvaluationRequest request = read.request();
        if (request != null && request.learner() != null && request.learner().credentials() != null && request.offerings() != null
                && request.learner().credentials().size() <= Learner.MAX_CREDENTIALS) { // more: refused as too many
            credentials = CredentialReader.read(request.learner().credentials(), request.offerings(),
                    request.learner().records() == null ? List.of() : request.learner().records(), asOf(request));
            credentials.problems().forEach(problem -> errors.add(new FieldError(problem.path(), problem.message())));
        }
        if (!errors.isEmpty()) {
            errors.sort(FieldPaths.ORDER);
            throw new InvalidRequestException(errors);
        }
        if (credentials == null) {
            return new Checked(request, null);
        }
        // The rules read what the credentials gave as if the portal had written it out (LC): records and recommendations.
        Learner learner = new Learner(request.learner().id(), request.learner().holdsBachelorsDegree(), credentials.records());
        return new Checked(new EvaluationRequest(request.asOf(), learner, credentials.offerings(), request.receivingInstitutions(),
                request.nextSteps(), request.limit()), credentials.readings());
    }
}
