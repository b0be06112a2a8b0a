package org.advising.eligibility.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.advising.eligibility.ContractExamples;
import org.advising.eligibility.intake.EvaluationRequest;

/**
 * The benchmarks' requests: one learner with the offerings and records of five contract examples
 * (01, 03, 04, 05 and 07: a MasterTrack completed, a course audited, a professional certificate
 * with an ACE recommendation, a specialization with a capstone, a MasterTrack withdrawn), repeated
 * with numbered ids for more offerings.
 */
final class BenchRequests {

    static final int MIXED = 5;
    private static final List<String> EXAMPLES = List.of("01-mastertrack-completed-eligible", "03-course-audited",
            "04-professional-certificate-ace", "05-specialization-capstone-no-credit", "07-mastertrack-withdrawn");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private BenchRequests() {
    }

    /** The request as JSON, with {@code count} offerings: the five mixed ones in turn, the k-th copy's ids ending in "-k". */
    static ObjectNode json(int count) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.put("asOf", "2026-11-23");
        ObjectNode learner = request.putObject("learner").put("id", "learner-bench").put("holdsBachelorsDegree", true);
        ArrayNode records = learner.putArray("records");
        ArrayNode offerings = request.putArray("offerings");
        for (int n = 0; n < count; n++) {
            JsonNode sent = ContractExamples.read(EXAMPLES.get(n % MIXED) + ".json").get("request");
            String suffix = n < MIXED ? "" : "-" + n / MIXED;
            for (JsonNode offering : sent.get("offerings")) {
                ObjectNode copy = offering.deepCopy();
                offerings.add(copy.put("id", offering.get("id").asText() + suffix));
            }
            for (JsonNode record : sent.get("learner").path("records")) {
                ObjectNode copy = record.deepCopy();
                records.add(copy.put("offeringId", record.get("offeringId").asText() + suffix));
            }
        }
        return request;
    }

    static EvaluationRequest request(int count) throws IOException {
        return JSON.treeToValue(json(count), EvaluationRequest.class);
    }

    static String body(int count) throws IOException {
        return JSON.writeValueAsString(json(count));
    }
}
