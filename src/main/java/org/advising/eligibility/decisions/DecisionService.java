package org.advising.eligibility.decisions;

import org.advising.eligibility.intake.RequestIntake;
import org.advising.eligibility.intake.RequestReader;
import org.advising.eligibility.intake.RequestValidator;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.intake.Request;
import org.advising.eligibility.intake.TransferOptionsRequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.activate.RulebaseUnavailableException;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.credentials.proof.BundledContexts;
import org.advising.eligibility.credentials.proof.ProofVerifier;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.EvaluationTimeoutException;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.evaluate.RulebaseDefectException;
import org.advising.eligibility.nextsteps.NextStep;
import org.advising.eligibility.nextsteps.NextStepsFinder;
import org.advising.eligibility.model.Offering;
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

    private final RequestIntake intake;
    private final RulebaseRunner runner;
    private final EvaluationMetrics metrics;
    private final DecisionAudit audit;
    private final NextStepsFinder nextStepsFinder;
    private final TransferOptionsFinder optionsFinder;
    private final Duration optionsTimeLimit;

    /**
     * The service's: a request's next steps are searched on its own next-steps worker and on as many
     * more of them as are free; transfer options get their own time limit.
     */
    @Inject
    public DecisionService(RequestReader reader, RequestValidator validator, RulebaseRunner runner, EvaluationMetrics metrics,
            DecisionAudit audit, WorkerPool workers, EligibilityConfig config) {
        this(reader, validator, runner, metrics, audit, workers.nextStepsFinder(runner), config.transferOptions().timeLimit(),
                verifier(config));
    }

    /** The proof verifier the settings describe (LC-11's bounds), over the bundled contexts. */
    public static ProofVerifier verifier(EligibilityConfig config) {
        return new ProofVerifier(BundledContexts.shipped(), config.credentials().maxCanonicalizationWork(),
                config.credentials().proofCacheSize(), config.credentials().proofWorkersOrDefault());
    }

    /** A command's: next steps searched on the calling thread alone. */
    public DecisionService(RequestReader reader, RequestValidator validator, RulebaseRunner runner, EvaluationMetrics metrics,
            DecisionAudit audit, ProofVerifier verifier) {
        this(reader, validator, runner, metrics, audit, new NextStepsFinder(runner), RulebaseRunner.DEFAULT_TIME_LIMIT, verifier);
    }

    private DecisionService(RequestReader reader, RequestValidator validator, RulebaseRunner runner, EvaluationMetrics metrics,
            DecisionAudit audit, NextStepsFinder nextStepsFinder, Duration optionsTimeLimit, ProofVerifier verifier) {
        this.intake = new RequestIntake(reader, validator, verifier);
        this.runner = runner;
        this.metrics = metrics;
        this.audit = audit;
        this.nextStepsFinder = nextStepsFinder;
        this.optionsFinder = new TransferOptionsFinder(runner);
        this.optionsTimeLimit = optionsTimeLimit;
    }

    /** The budget of an evaluation request starting now (a batch line's too): the evaluation time limit. */
    public Deadline evaluationBudget() {
        return runner.deadline();
    }

    /** The budget of a transfer-options request starting now: its own time limit, for it ranks every institution. */
    public Deadline optionsBudget() {
        return Deadline.in(optionsTimeLimit);
    }

    /**
     * A body read as a request of {@code kind} and admitted, or the exception of its refusal (invalid,
     * or busy when it sends credentials while every proof verifier is taken, or past its budget).
     */
    public <R extends Request> RequestIntake.Admitted<R> admit(byte[] body, Class<R> kind, Optional<Rulebase> active, Deadline budget) {
        return intake.admit(body, kind, active, budget, request -> intake.checkProofRoom(request, active));
    }

    /**
     * The answer to one request body (a batch line, a command's), decided by {@code active} (empty:
     * none is loaded: refused) within a budget of its own. Throws the exception of a refused request.
     */
    public EvaluationResponse answer(byte[] body, Optional<Rulebase> active, String requestId) {
        Deadline budget = evaluationBudget();
        // A command's line: never refused as soon as it is read, its checks wait their turn.
        return answer(intake.admit(body, EvaluationRequest.class, active, budget), active, requestId, budget);
    }

    /**
     * An evaluation body read and, unless it asks for next steps, answered, on the thread that calls
     * (an evaluation worker): a request with next steps comes back unanswered, for a next-steps worker
     * to {@link #answer(RequestIntake.Admitted, Optional, String, Deadline) answer}. {@code onceRead}
     * may refuse the request as soon as it is read.
     */
    public Read readAndAnswer(byte[] body, Optional<Rulebase> active, String requestId, Deadline budget,
            Consumer<EvaluationRequest> onceRead) {
        RequestIntake.Admitted<EvaluationRequest> admitted = intake.admit(body, EvaluationRequest.class, active, budget, onceRead);
        return new Read(admitted, admitted.request().wantsNextSteps() ? null : answer(admitted, active, requestId, budget));
    }

    /**
     * Refuses a client's request as busy as soon as it is read when it sends credentials to verify
     * while every verifier is taken (costly work admitted like it); a batch line waits instead.
     */
    public void checkProofRoom(Request request, Optional<Rulebase> active) {
        intake.checkProofRoom(request, active);
    }

    /** A request read, with its answer (null while its next steps are still to find). */
    public record Read(RequestIntake.Admitted<EvaluationRequest> admitted, EvaluationResponse answer) {
    }

    /**
     * The answer to an admitted request, decided by {@code active} (empty: none is loaded, refused): the
     * institutions it was validated against are those it evaluates with, even if the service reloads
     * meanwhile. Records metrics and one audit line. Throws the exception of a refused request (no rulebase, a timeout, a rule defect).
     */
    public EvaluationResponse answer(RequestIntake.Admitted<EvaluationRequest> admitted, Optional<Rulebase> active, String requestId, Deadline budget) {
        EvaluationRequest request = admitted.request();
        Rulebase rulebase = active.orElseThrow(RulebaseUnavailableException::new);
        long started = System.nanoTime();
        Decided decided = decide(admitted, rulebase, budget, started);
        long nanos = System.nanoTime() - started;
        metrics.evaluated(decided.evaluation(), nanos);
        audit.record(requestId, rulebase.version(), admitted.asOf(), request.learner().id(), credentialUses(admitted),
                decided.evaluation(), nanos);
        return new EvaluationResponse(request.learner().id(), admitted.asOf(),
                new EvaluationResponse.RulebaseVersion(rulebase.version(), rulebase.loadedAt()), decided.evaluation().institutions(),
                admitted.readings(), decided.evaluation().decisions().stream().map(decision -> new OfferingResult(decision,
                        decided.nextSteps() == null ? null : decided.nextSteps().get(decision.offeringId()))).toList());
    }

    /** What each credential of the request became (RECORD, NO_OFFERING, …), or null when it sent none: all the audit keeps of them. */
    private static List<String> credentialUses(RequestIntake.Admitted<?> admitted) {
        return admitted.readings() == null ? null : admitted.readings().stream().map(reading -> reading.use().name()).toList();
    }

    /** What the rules decided for a request: its evaluation and, when it asks for them, its next steps (null otherwise). */
    private record Decided(RulebaseAnswer evaluation, Map<String, List<NextStep>> nextSteps) {
    }

    private Decided decide(RequestIntake.Admitted<EvaluationRequest> admitted, Rulebase rulebase, Deadline budget, long started) {
        EvaluationRequest request = admitted.request();
        LocalDate asOf = request.asOfOrToday();
        List<ReceivingInstitution> institutions = institutions(request, rulebase);
        RulebaseAnswer evaluation = measured(started, () -> runner.evaluate(rulebase, request.learner(), admitted.credentialRecords(),
                request.offerings(), asOf, institutions, budget));
        Map<String, List<NextStep>> nextSteps = !request.wantsNextSteps() ? null : measured(started, () -> nextStepsFinder.find(
                new NextStepsFinder.Request(rulebase, request.learner(), admitted.credentialRecords(), request.offerings(), asOf,
                        institutions, evaluation), budget));
        return new Decided(evaluation, nextSteps);
    }

    /**
     * Runs an admitted evaluation request and a transfer-options request on {@code rulebase} as the
     * endpoints would, writing no metric, audit line or answer: a new pod's rehearsal before it is
     * ready ({@link WarmUp}).
     */
    void rehearse(RequestIntake.Admitted<EvaluationRequest> evaluation, RequestIntake.Admitted<TransferOptionsRequest> options,
            Rulebase rulebase, Deadline budget) {
        decide(evaluation, rulebase, budget, System.nanoTime());
        TransferOptionsRequest request = options.request();
        optionsFinder.find(rulebase, request.learner(), options.credentialRecords(), request.offerings(), request.asOfOrToday(),
                request.limitOrDefault(), budget);
    }

    /**
     * The transfer options of an admitted request (TO-1 .. TO-4), decided by {@code active}: every
     * institution in effect on its as-of date, the best {@code limit} ranked, within its budget.
     * Records its own timer and one audit line; throws the exception of a refused request as {@link #answer} does.
     */
    public TransferOptionsResponse options(RequestIntake.Admitted<TransferOptionsRequest> admitted, Optional<Rulebase> active,
            String requestId, Deadline budget) {
        TransferOptionsRequest request = admitted.request();
        LocalDate asOf = admitted.asOf();
        Rulebase rulebase = active.orElseThrow(RulebaseUnavailableException::new);
        long started = System.nanoTime();
        TransferOptionsFinder.Ranked ranked = measured(started, () -> optionsFinder.find(rulebase, request.learner(),
                admitted.credentialRecords(), request.offerings(), asOf,
                request.limitOrDefault(), budget), metrics::rankedTransferOptions);
        long nanos = System.nanoTime() - started;
        metrics.rankedTransferOptions("ok", nanos);
        audit.recordTransferOptions(requestId, rulebase.version(), asOf, request.learner().id(), credentialUses(admitted),
                request.offerings().stream().map(Offering::id).toList(), ranked.considered(), ranked.options().stream()
                        .map(option -> new DecisionAudit.RankedOption(option.id(), option.acceptedSemesterHours(),
                                option.expectedSemesterHours())).toList(), nanos);
        return new TransferOptionsResponse(request.learner().id(), asOf,
                new EvaluationResponse.RulebaseVersion(rulebase.version(), rulebase.loadedAt()), admitted.readings(), ranked.considered(),
                ranked.options());
    }

    /** The work's result; a rule defect or a timeout is counted in the metrics (from {@code started}) and thrown on. */
    private <T> T measured(long started, Supplier<T> work) {
        return measured(started, work, (result, nanos) -> {
            if (result.equals("rulebase_defect")) {
                metrics.failed(nanos);
            } else {
                metrics.timedOut(nanos);
            }
        });
    }

    /** The same, a failure recorded by {@code failed} with its result ({@code rulebase_defect}, {@code timed_out}) and time. */
    private static <T> T measured(long started, Supplier<T> work, java.util.function.ObjLongConsumer<String> failed) {
        try {
            return work.get();
        } catch (RulebaseDefectException e) {
            failed.accept("rulebase_defect", System.nanoTime() - started);
            throw e;
        } catch (EvaluationTimeoutException e) {
            failed.accept("timed_out", System.nanoTime() - started);
            throw e;
        }
    }

    public static LocalDate asOf(EvaluationRequest request) {
        return request.asOfOrToday();
    }

    /** The receiving institutions the request names, in its order, as in effect on its as-of date (validated before). */
    public static List<ReceivingInstitution> institutions(EvaluationRequest request, Rulebase rulebase) {
        if (request.receivingInstitutions() == null) {
            return List.of();
        }
        LocalDate asOf = asOf(request);
        return request.receivingInstitutions().stream().map(id -> rulebase.institutions().inEffectOn(id, asOf).orElseThrow()).toList();
    }

    /** The request of an evaluation, or {@link InvalidRequestException} naming its invalid fields (a command's and tests'). */
    public static EvaluationRequest valid(RequestReader reader, RequestValidator validator, byte[] body, Optional<Rulebase> rulebase) {
        return new RequestIntake(reader, validator, new ProofVerifier(BundledContexts.shipped(), ProofVerifier.DEFAULT_MAX_WORK, 100)).admit(body, EvaluationRequest.class, rulebase,
                Deadline.in(RulebaseRunner.DEFAULT_TIME_LIMIT)).request();
    }
}
