package org.advising.eligibility.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.advising.eligibility.intake.FieldError;
import org.advising.eligibility.intake.RequestReader;
import org.junit.jupiter.api.Test;

/** The reader names every malformed value by its JSON path and keeps reading past it. */
class RequestReaderTest {

    private final RequestReader reader = new RequestReader(new ObjectMapper().findAndRegisterModules());

    private List<FieldError> errors(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8)).errors();
    }

    @Test
    void unknown_fields_are_named_by_their_full_path_whatever_their_value() {
        assertEquals(List.of(
                new FieldError("learner.nickname", "is not a field of this request; check its spelling against the API contract"),
                new FieldError("offerings[0].provider.tags", "is not a field of this request; check its spelling against the API contract"),
                new FieldError("offerings[0].extra", "is not a field of this request; check its spelling against the API contract"),
                new FieldError("comment", "is not a field of this request; check its spelling against the API contract")),
                errors("""
                        {"learner": {"id": "l", "nickname": "x"},
                         "offerings": [{"id": "a", "type": "COURSE", "extra": {"a": [1, 2]},
                                        "provider": {"name": "U", "kind": "UNIVERSITY", "tags": ["x"]}}],
                         "comment": null}"""));
    }

    @Test
    void an_unknown_field_after_every_known_one_is_named_too() {
        assertEquals(List.of(new FieldError("offerings[0].zzz",
                "is not a field of this request; check its spelling against the API contract")),
                errors("""
                        {"learner": {"id": "l"}, "offerings": [{"id": "a", "title": "t", "type": "COURSE",
                         "provider": {"name": "U", "kind": "UNIVERSITY", "accreditor": "HLC", "domain": "u.edu", "country": "US"},
                         "creditEligible": true, "hasCapstone": false, "creditRecommendation": null,
                         "degreePathway": null, "alignedCertification": null, "zzz": {"deep": [1]}}]}"""));
    }

    @Test
    void a_fractional_semester_hour_count_is_kept_not_truncated() {
        RequestReader.Result result = reader.read("""
                {"learner": {"id": "l"}, "offerings": [{"id": "a", "type": "COURSE",
                 "provider": {"name": "U", "kind": "UNIVERSITY"},
                 "creditRecommendation": {"source": "ACE", "semesterHours": 12.5}}]}""".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), result.errors());
        assertEquals("12.5", result.request().offerings().get(0).creditRecommendation().semesterHours().toPlainString());
    }

    @Test
    void truncated_json_is_reported_with_its_position_and_no_parser_internals() {
        assertEquals(List.of(new FieldError("learner",
                "malformed JSON: Unexpected end-of-input: expected close marker for Object (line 1, column 23)")),
                errors("{\"learner\": {\"id\": \"x\""));
    }

    @Test
    void an_empty_body_is_reported_as_empty() {
        RequestReader.Result result = reader.read(new byte[0]);
        assertNull(result.request());
        assertEquals(List.of(new FieldError("$", "malformed JSON: the body is empty; expected a JSON object")), result.errors());
    }
}
