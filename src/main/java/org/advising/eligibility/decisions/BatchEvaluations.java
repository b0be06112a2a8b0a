package org.advising.eligibility.decisions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.advising.eligibility.EligibilityConfig;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.Deadline;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.intake.RequestIntake;

/**
 * Evaluates a stream of requests, one JSON object per line (NDJSON), and hands on one answer per
 * request in input order: its response or its {@link Refusal}. Every line is decided by the
 * one rulebase given, whatever reloads happen meanwhile; a bad line gets its problem and the batch
 * goes on. Memory stays bounded whatever the batch size: lines are read as they arrive, at most two
 * per core are in flight, and each answer is written as soon as the lines before it are.
 */
@ApplicationScoped
public class BatchEvaluations {

    /** One request of the batch answered: its line number, the rulebase that decided it, and its answer or its refusal. */
    public record Line(long line, String rulebase, EvaluationResponse result, Refusal refusal) {
    }

    /** Where each line's answer goes, in input order, as soon as the lines before it have gone. */
    @FunctionalInterface
    public interface Answers {
        void write(Line line) throws IOException;
    }

    private final DecisionService evaluations;
    private final ActiveRulebase rulebases;
    private final ExecutorService workers;
    private final Executor nextStepsWorkers;
    private final int maxInFlight;
    private final long maxLineBytes;
    private final long maxLines;

    /**
     * Lines are read and evaluated on the service's evaluation workers, as single requests are; a
     * line's next steps on the next-steps workers, so that batches never take the evaluation workers
     * ordinary requests need for that costly work.
     */
    @Inject
    public BatchEvaluations(DecisionService evaluations, ActiveRulebase rulebases, EligibilityConfig config, WorkerPool workers) {
        this(evaluations, rulebases, config, workers.executor(), workers.nextStepsExecutor());
    }

    /** Lines are evaluated on {@code workers} (a command's own threads), next steps too, by the rulebase the command gives. */
    public BatchEvaluations(DecisionService evaluations, EligibilityConfig config, ExecutorService workers) {
        this(evaluations, null, config, workers, workers);
    }

    private BatchEvaluations(DecisionService evaluations, ActiveRulebase rulebases, EligibilityConfig config, ExecutorService workers,
            Executor nextStepsWorkers) {
        this.evaluations = evaluations;
        this.rulebases = rulebases;
        this.workers = workers;
        this.nextStepsWorkers = nextStepsWorkers;
        this.maxInFlight = 2 * Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), config.evaluation().workersOrDefault()));
        this.maxLineBytes = config.api().maxBodySize().asLongValue();
        this.maxLines = config.batch().maxLines();
    }

    /** A batch decided by the rulebase active now ({@link RefusedException} when none is). */
    public Batch start() {
        return new Batch(rulebases.current().orElseThrow(Refusal::noRulebase));
    }

    /** A batch and the one rulebase that decides all its lines, whatever reloads happen meanwhile. */
    public final class Batch {
        private final Rulebase rulebase;

        private Batch(Rulebase rulebase) {
            this.rulebase = rulebase;
        }

        /** The version of the rulebase deciding the batch. */
        public String version() {
            return rulebase.version();
        }

        /** Reads every line of {@code in} and hands every answer, in input order, to {@code answers}; returns how many. */
        public long run(InputStream in, String requestId, Answers answers) throws IOException {
            return BatchEvaluations.this.run(in, rulebase, requestId, number -> true, answers);
        }
    }

    /**
     * Reads the lines of {@code in}, answers those whose number is {@code selected} (the others are
     * read and skipped) by {@code rulebase}, and hands each answer, in input order, to {@code answers};
     * returns the number of lines answered.
     */
    public long run(InputStream in, Rulebase rulebase, String requestId, LongPredicate selected, Answers answers) throws IOException {
        Deque<Future<Line>> inFlight = new ArrayDeque<>();
        Deque<Deadline> budgets = new ArrayDeque<>(); // of the lines in flight, in the same order
        long written = 0;
        try {
            LineReader lines = new LineReader(in, maxLineBytes);
            for (byte[] next = lines.next(); next != null; next = lines.next()) {
                byte[] line = next;
                long number = lines.number();
                if (!selected.test(number) || !lines.tooLong() && isBlank(line)) {
                    continue;
                }
                if (written + inFlight.size() == maxLines) {
                    inFlight.add(CompletableFuture.completedFuture(new Line(number, rulebase.version(), null,
                            Refusal.of(Refusal.Code.TOO_MANY_LINES, "A batch holds at most " + maxLines
                                    + " requests; line " + number + " and the rest were not read. Send them in another batch."))));
                    break;
                }
                Deadline budget = evaluations.evaluationBudget(); // each line its own, from when it is read
                budgets.add(budget);
                inFlight.add(lines.tooLong()
                        ? CompletableFuture.completedFuture(new Line(number, rulebase.version(), null, Refusal.tooLarge(maxLineBytes)))
                        : submit(line, number, rulebase, requestId, budget));
                if (inFlight.size() >= maxInFlight) {
                    answers.write(done(inFlight.removeFirst()));
                    budgets.pollFirst();
                    written++;
                }
            }
            while (!inFlight.isEmpty()) {
                answers.write(done(inFlight.removeFirst()));
                budgets.pollFirst(); // none for the closing too-many-lines line
                written++;
            }
            return written;
        } finally {
            // A batch that ends early (its client gone, its input broken) stops its lines at their next rule firing.
            budgets.forEach(Deadline::abandon);
            inFlight.forEach(line -> line.cancel(true));
        }
    }

    /**
     * The line's answer: read (and, without next steps, answered) by an evaluation worker, its next
     * steps by a next-steps worker. When every evaluation worker and waiting place is taken, the
     * batch's own thread reads and answers it (the number of batches is bounded, so this is too); when every
     * next-steps worker and waiting place is taken, the line is refused as busy.
     */
    private CompletableFuture<Line> submit(byte[] body, long number, Rulebase rulebase, String requestId, Deadline budget) {
        Optional<Rulebase> active = Optional.of(rulebase);
        String id = requestId + "#" + number;
        Supplier<Read> read = () -> {
            try {
                DecisionService.Read done = evaluations.readAndAnswer(body, active, id, budget, request -> { });
                return new Read(done.admitted(), done.answer() == null ? null : line(number, rulebase, done::answer));
            } catch (RuntimeException e) {
                return new Read(null, line(number, rulebase, () -> {
                    throw e;
                }));
            }
        };
        CompletableFuture<Read> first;
        try {
            first = CompletableFuture.supplyAsync(read, workers);
        } catch (RejectedExecutionException busy) {
            first = CompletableFuture.completedFuture(read.get());
        }
        return first.thenCompose(done -> {
            if (done.line() != null) {
                return CompletableFuture.completedFuture(done.line());
            }
            try {
                return CompletableFuture.supplyAsync(() -> line(number, rulebase,
                        () -> evaluations.answer(done.admitted(), active, id, budget)), nextStepsWorkers);
            } catch (RejectedExecutionException busy) {
                return CompletableFuture.completedFuture(line(number, rulebase, () -> {
                    throw Refusal.busy("Every worker for next steps is busy and their queue is full; send this line again shortly.");
                }));
            }
        });
    }

    /** A line read: its answer, or the admitted request whose next steps are still to find. */
    private record Read(RequestIntake.Admitted<EvaluationRequest> admitted, Line line) {
    }

    private static Line line(long number, Rulebase rulebase, Supplier<EvaluationResponse> answer) {
        try {
            return new Line(number, rulebase.version(), answer.get(), null);
        } catch (RuntimeException e) {
            return new Line(number, rulebase.version(), null, Refusal.of(e));
        }
    }

    private static Line done(Future<Line> answer) throws IOException {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The batch was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A batch line failed outside its evaluation", e.getCause());
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * The lines of a stream, each up to a limit: a longer line is read to its end but not kept
     * (then {@link #tooLong()}), so one huge line cannot fill the memory.
     */
    static final class LineReader {
        private final InputStream in;
        private final long limit;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int filled;
        private long number;
        private boolean tooLong;

        LineReader(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        /** The next line without its newline (empty when too long), or null at the end of the stream. */
        byte[] next() {
            byte[] line = new byte[256];
            int length = 0;
            boolean any = false;
            tooLong = false;
            while (true) {
                if (position == filled && !fill()) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
                any = true;
                byte b = buffer[position++];
                if (b == '\n') {
                    break;
                }
                if (length >= limit) {
                    tooLong = true;
                } else {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, (int) Math.min(limit, 2L * line.length));
                    }
                    line[length++] = b;
                }
            }
            number++;
            return tooLong ? new byte[0] : Arrays.copyOf(line, length);
        }

        long number() {
            return number;
        }

        boolean tooLong() {
            return tooLong;
        }

        private boolean fill() {
            try {
                int read = in.read(buffer);
                filled = Math.max(read, 0);
                position = 0;
                return read > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
