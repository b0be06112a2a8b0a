package org.advising.eligibility.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.advising.eligibility.decisions.DecisionService;
import org.advising.eligibility.decisions.WorkerPool;
import org.advising.eligibility.intake.EvaluationRequest;
import org.advising.eligibility.intake.InvalidRequestException;
import org.advising.eligibility.intake.RequestReader;
import org.advising.eligibility.intake.RequestValidator;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.RulebaseAnswer;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.model.ReceivingInstitution;
import org.advising.eligibility.nextsteps.NextStep;
import org.advising.eligibility.nextsteps.NextStepsFinder;
import org.junit.jupiter.api.Test;

/**
 * The service's search for next steps, which skips grades whose answers cannot differ and shares
 * its kinds of moves with a free evaluation worker, finds exactly the steps of the plain search that
 * tries every grade, one after the other, on 250 random valid requests to the
 * default rules. {@code -Dnextsteps.search.requests=N} runs more; {@code -Dnextsteps.seed=N} replays.
 */
@QuarkusTest
class NextStepsSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = Integer.getInteger("nextsteps.search.requests", 120);

    @Inject
    ActiveRulebase rulebases;
    @Inject
    RulebaseRunner runner;
    @Inject
    RequestReader reader;
    @Inject
    RequestValidator validator;
    @Inject
    WorkerPool workers;

    @Test
    void skipping_grades_finds_exactly_the_steps_of_trying_every_grade() throws Exception {
        long seed = Long.getLong("nextsteps.seed", System.nanoTime());
        System.out.println("NextStepsSearchTest: seed " + seed + " (replay with -Dnextsteps.seed=" + seed + ")");
        Rulebase rulebase = rulebases.current().orElseThrow();
        NextStepsFinder plain = new NextStepsFinder(runner, NextStepsFinder.Search.PLAIN);
        // as the service searches: skipping grades, the kinds of moves shared with a free evaluation worker
        NextStepsFinder skipping = new NextStepsFinder(runner, workers.executor(), 1);
        RequestMutator generator = new RequestMutator(new Random(seed), List.of());
        int compared = 0;
        int steps = 0;
        long plainNanos = 0;
        long skippingNanos = 0;
        for (int i = 0; i < REQUESTS; i++) {
            EvaluationRequest request;
            String body = JSON.writeValueAsString(generator.generated());
            try {
                request = DecisionService.valid(reader, validator, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), Optional.of(rulebase));
            } catch (InvalidRequestException e) {
                continue; // an invalid combination the generator made
            }
            LocalDate asOf = DecisionService.asOf(request);
            List<ReceivingInstitution> institutions = DecisionService.institutions(request, rulebase);
            RulebaseAnswer now = runner.evaluate(rulebase, request.learner(), request.offerings(), asOf, institutions);
            NextStepsFinder.Request asked = new NextStepsFinder.Request(rulebase, request.learner(), request.offerings(), asOf,
                    institutions, now);
            long started = System.nanoTime();
            Map<String, List<NextStep>> everyGrade = plain.find(asked, org.advising.eligibility.engine.evaluate.Deadline.in(java.time.Duration.ofMinutes(10)));
            long between = System.nanoTime();
            Map<String, List<NextStep>> skipped = skipping.find(asked, org.advising.eligibility.engine.evaluate.Deadline.in(java.time.Duration.ofMinutes(10)));
            skippingNanos += System.nanoTime() - between;
            plainNanos += between - started;
            assertEquals(everyGrade, skipped, () -> "request " + body);
            compared++;
            steps += everyGrade.values().stream().mapToInt(List::size).sum();
        }
        System.out.printf("NextStepsSearchTest: %d requests, %d steps alike; plain %.0f ms, skipping %.0f ms%n",
                compared, steps, plainNanos / 1e6, skippingNanos / 1e6);
        assertTrue(compared > REQUESTS / 2 && steps > 0, compared + " requests, " + steps + " steps");
    }
}
