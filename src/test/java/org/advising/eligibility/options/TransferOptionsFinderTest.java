package org.advising.eligibility.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.advising.eligibility.ShippedRules;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.intake.RequestReader;
import org.advising.eligibility.intake.TransferOptionsRequest;
import org.advising.eligibility.model.ReceivingInstitution;
import org.junit.jupiter.api.Test;

/**
 * Transfer options without a server (TO): every institution in effect is considered, each option is
 * exactly what naming that institution alone gives (TO-4), and the options come in TO-3's order,
 * the best {@code limit} of them.
 */
class TransferOptionsFinderTest {

    private static final Path EXAMPLE = Path.of("src/main/resources/META-INF/resources/examples/transfer-options/"
            + "15-where-a-portfolio-counts-most.json");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Rulebase rulebase = ShippedRules.rulebase();
    private final RulebaseRunner runner = new RulebaseRunner(100);
    private final TransferOptionsFinder finder = new TransferOptionsFinder(runner);

    private static TransferOptionsRequest request() throws IOException {
        JsonNode request = JSON.readTree(Files.readString(EXAMPLE)).get("request");
        return new RequestReader(JSON).read(JSON.writeValueAsBytes(request), TransferOptionsRequest.class).request();
    }

    @Test
    void each_option_is_what_naming_its_institution_alone_gives_and_they_come_in_to3_order() throws IOException {
        TransferOptionsRequest request = request();
        List<ReceivingInstitution> inEffect = List.copyOf(rulebase.institutions().inEffectOn(request.asOf()).values());
        TransferOptionsFinder.Ranked ranked = finder.find(rulebase, request.learner(), request.offerings(), request.asOf(), 1000,
                runner.deadline());
        assertEquals(inEffect.size(), ranked.considered());
        List<TransferOption> alone = new ArrayList<>();
        for (ReceivingInstitution institution : inEffect) {
            alone.add(TransferOptionsFinder.options(runner.evaluate(rulebase, request.learner(), List.of(), request.offerings(),
                    request.asOf(), List.of(institution), runner.deadline())).get(0));
        }
        alone.sort(TransferOption.RANKING);
        assertEquals(alone, ranked.options());
        assertTrue(inEffect.size() >= 3, "the shipped file has institutions to rank: " + inEffect.size());
    }

    @Test
    void a_limit_lists_the_best_of_the_whole_ranking_and_still_counts_every_institution() throws IOException {
        TransferOptionsRequest request = request();
        List<TransferOption> all = finder.find(rulebase, request.learner(), request.offerings(), request.asOf(), 1000,
                runner.deadline()).options();
        TransferOptionsFinder.Ranked two = finder.find(rulebase, request.learner(), request.offerings(), request.asOf(), 2,
                runner.deadline());
        assertEquals(all.subList(0, 2), two.options());
        assertEquals(all.size(), two.considered());
    }
}
