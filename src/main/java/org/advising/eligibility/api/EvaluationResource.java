package org.advising.eligibility.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.advising.eligibility.engine.ActiveRulebase;
import org.advising.eligibility.engine.Evaluator;
import org.advising.eligibility.engine.Rulebase;

/** POST /api/v1/evaluations: the learner's and offerings' facts in, every answer with its reasons out. */
@Path("/api/v1/evaluations")
public class EvaluationResource {

    private final BodySizeLimit bodySizeLimit;
    private final RequestReader reader;
    private final RequestValidator validator;
    private final ActiveRulebase rulebases;
    private final Evaluator evaluator;

    public EvaluationResource(BodySizeLimit bodySizeLimit, RequestReader reader, RequestValidator validator,
            ActiveRulebase rulebases, Evaluator evaluator) {
        this.bodySizeLimit = bodySizeLimit;
        this.reader = reader;
        this.validator = validator;
        this.rulebases = rulebases;
        this.evaluator = evaluator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public EvaluationResponse evaluate(InputStream body) throws IOException {
        EvaluationRequest request = valid(bodySizeLimit.read(body));
        LocalDate asOf = request.asOf() == null ? LocalDate.now(ZoneOffset.UTC) : request.asOf();
        Rulebase rulebase = rulebases.require();
        return new EvaluationResponse(request.learner().id(), asOf,
                new EvaluationResponse.RulebaseVersion(rulebase.version(), rulebase.loadedAt()),
                evaluator.evaluate(rulebase, request.learner(), request.offerings(), asOf));
    }

    /** The request, or {@link InvalidRequestException} naming every invalid field. */
    private EvaluationRequest valid(byte[] body) {
        RequestReader.Result read = reader.read(body);
        List<FieldError> errors = new ArrayList<>(read.errors());
        if (read.request() != null) {
            // A value the reader already rejected was read as null: do not report it twice.
            Set<String> rejected = read.errors().stream().map(FieldError::field).collect(Collectors.toSet());
            validator.validate(read.request()).stream().filter(error -> !rejected.contains(error.field())).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            errors.sort(FieldPaths.ORDER);
            throw new InvalidRequestException(errors);
        }
        return read.request();
    }
}
