package org.advising.eligibility.api;

import org.advising.eligibility.decisions.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.advising.eligibility.decisions.FieldError;
import org.advising.eligibility.decisions.InvalidRequestException;
import org.advising.eligibility.decisions.RequestReader;
import org.advising.eligibility.engine.activate.ActiveRulebase;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.engine.folder.PolicyFact;
import org.advising.eligibility.model.CreditLevel;
import org.advising.eligibility.model.ReceivingInstitution;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * GET /api/v1/institutions: the receiving institutions a request may name in receivingInstitutions,
 * as in effect on a date, with their transfer policies, so a portal can offer them in a list.
 */
@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
public class InstitutionsResource {

    private final ActiveRulebase rulebases;

    public InstitutionsResource(ActiveRulebase rulebases) {
        this.rulebases = rulebases;
    }

    /** One institution's policy, as institutions.yaml states it; values it does not set are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Institution(String id, String name, double minimumGrade, Set<CreditLevel> acceptedLevels,
            Recommendations creditRecommendations, BigDecimal maxTransferSemesterHours, Integer creditValidForYears,
            boolean acceptsPresumedAccreditation, LocalDate from, LocalDate until) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recommendations(Set<String> sources, BigDecimal maxSemesterHours) {
    }

    public record Institutions(LocalDate asOf, String version, List<Institution> institutions) {
    }

    @GET
    @Operation(operationId = "listInstitutions", summary = "List the receiving institutions in effect on a date",
            description = "Every institution a request may name in receivingInstitutions, with its transfer policy.")
    @APIResponse(responseCode = "200", description = "The institutions in effect on the date, in file order")
    @APIResponse(responseCode = "400", description = "asOf is not a date (YYYY-MM-DD)")
    @APIResponse(responseCode = "406", description = "The request accepts no JSON answer (Accept header)")
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet")
    public Institutions institutions(@Parameter(description = "The date (default today, UTC)", example = "2026-11-20")
            @QueryParam("asOf") String asOf) {
        LocalDate date = date(asOf);
        Rulebase rulebase = rulebases.require();
        return new Institutions(date, rulebase.version(), rulebase.institutions().entries().stream()
                .filter(entry -> entry.inEffectOn(date)).map(InstitutionsResource::institution).toList());
    }

    private static LocalDate date(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new FieldError("asOf", "\"" + asOf + "\" is not allowed: "
                    + RequestReader.expected(LocalDate.class))));
        }
    }

    private static Institution institution(PolicyFact entry) {
        ReceivingInstitution institution = (ReceivingInstitution) entry.fact();
        Recommendations recommendations = institution.recommendationSources().isEmpty() ? null
                : new Recommendations(institution.recommendationSources(), institution.maxRecommendedSemesterHours());
        return new Institution(institution.id(), institution.name(), institution.minimumGrade(), institution.acceptedLevels(),
                recommendations, institution.maxTransferSemesterHours(), institution.creditValidForYears(),
                institution.acceptsPresumedAccreditation(), entry.from(), entry.until());
    }
}
