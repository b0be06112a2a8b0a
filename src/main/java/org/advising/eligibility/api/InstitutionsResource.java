package org.advising.eligibility.api;

import org.advising.eligibility.problems.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.advising.eligibility.model.PlausibleDate;
import org.advising.eligibility.decisions.Rulebases;
import org.advising.eligibility.intake.FieldError;
import org.advising.eligibility.intake.InvalidRequestException;
import org.advising.eligibility.intake.RequestReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * GET /api/v1/institutions: the receiving institutions a request may name in receivingInstitutions,
 * as in effect on a date, with their transfer policies, so a portal can offer them in a list.
 */
@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
public class InstitutionsResource {

    private final Rulebases rulebases;

    public InstitutionsResource(Rulebases rulebases) {
        this.rulebases = rulebases;
    }

    /** The page size when the request gives none, and the largest it may ask for. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,10}");

    @GET
    @Operation(operationId = "listInstitutions", summary = "List the receiving institutions in effect on a date",
            description = "The institutions a request may name in receivingInstitutions, with their transfer policies, a page at "
                    + "a time (limit, offset), optionally only those whose name or id contains a text (name).")
    @APIResponse(responseCode = "200", description = "One page of the institutions in effect on the date, in file order, and how many match")
    @APIResponse(responseCode = "400", description = "asOf is not a date (YYYY-MM-DD), limit is not 1-1000, offset is not 0 or more, "
            + "or name is longer than 200 characters; errors names every one")
    @APIResponse(responseCode = "406", description = "The request accepts no JSON answer (Accept header)")
    @APIResponse(responseCode = "503", description = "No rulebase loaded yet")
    public Rulebases.Institutions institutions(@Parameter(description = "The date (default today, UTC)", example = "2026-11-20")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "At most this many institutions (1-1000, default 100)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "Skip this many of the matching institutions first (default 0)", example = "0")
            @QueryParam("offset") String offset,
            @Parameter(description = "Only institutions whose name or id contains this text, ignoring case", example = "college")
            @QueryParam("name") String name, @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        // A parameter given twice is refused, never decided by which comes first.
        uri.getQueryParameters().forEach((parameter, values) -> {
            if (values.size() > 1) {
                errors.add(new FieldError(parameter, "is given " + values.size() + " times; give it once"));
            }
        });
        LocalDate date = date(asOf, errors);
        int size = number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        int skip = number("offset", offset, 0, 0, Integer.MAX_VALUE, errors);
        if (name != null && name.length() > 200) {
            errors.add(new FieldError("name", "is " + name.length() + " characters long; at most 200"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return rulebases.institutions(date, name == null ? "" : name, skip, size);
    }

    private static int number(String field, String value, int absent, int lowest, int highest, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        String bounds = highest == Integer.MAX_VALUE ? "a whole number, " + lowest + " or more" : "a whole number from " + lowest + " to " + highest;
        // ASCII digits only, at most ten, checked before parsing (Integer.parseInt also reads other scripts' digits).
        if (WHOLE_NUMBER.matcher(value).matches()) {
            long number = Long.parseLong(value);
            if (number >= lowest && number <= highest) {
                return (int) number;
            }
        }
        errors.add(new FieldError(field, "\"" + RequestReader.shown(value) + "\" is not allowed: must be " + bounds));
        return absent;
    }

    private static LocalDate date(String asOf, List<FieldError> errors) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        if (asOf.length() == 10) { // YYYY-MM-DD: no sign, no other year length
            try {
                LocalDate date = LocalDate.parse(asOf);
                if (PlausibleDate.Check.holds(date)) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new FieldError("asOf", "\"" + RequestReader.shown(asOf) + "\" is not allowed: must be a date from " + PlausibleDate.FIRST + " to "
                + PlausibleDate.LAST + " written YYYY-MM-DD"));
        return null;
    }
}
