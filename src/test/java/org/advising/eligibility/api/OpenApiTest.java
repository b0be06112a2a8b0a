package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.advising.eligibility.ContractExamples;
import org.advising.eligibility.api.openapi.OpenApiExamples;
import org.junit.jupiter.api.Test;

/** The OpenAPI document portal developers read describes the evaluation endpoint, its schemas and errors. */
@QuarkusTest
class OpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_document_describes_the_evaluation_endpoint_with_schemas_enums_example_and_errors() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Eligibility decision service"))
                .body("paths.'/api/v1/evaluations'.post.summary", equalTo("Evaluate offerings for a learner"))
                .body("paths.'/api/v1/evaluations'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/EvaluationRequest"))
                .body("paths.'/api/v1/evaluations'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/evaluations'.post.responses.'200'.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/evaluations'.post.responses.keySet()", hasItems("200", "400", "413", "415", "503"))
                .body("components.schemas.OfferingType.enum", hasItems("COURSE", "SPECIALIZATION", "MASTERTRACK", "DEGREE",
                        "PROFESSIONAL_CERTIFICATE"))
                .body("components.schemas.CreditTransfer.enum", hasItems("YES", "NO", "CONDITIONAL"))
                .body("components.schemas.Transfer.enum", hasItems("ACCEPTED", "EXPECTED", "REVIEW", "NOT_ACCEPTED"))
                .body("components.schemas.EvaluationRequest.properties.receivingInstitutions.maxItems", equalTo(10))
                .body("paths.'/api/v1/institutions'.get.summary", equalTo("List the receiving institutions in effect on a date"));
    }

    @Test
    void the_examples_are_the_contract_example_and_the_answer_the_service_gives_it() throws Exception {
        JsonNode document = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString()).at("/paths/~1api~1v1~1evaluations/post");
        String name = OpenApiExamples.NAME;
        JsonNode request = ContractExamples.read("01-mastertrack-completed-eligible.json").get("request");
        assertEquals(request, document.at("/requestBody/content/application~1json/examples").get(name).get("value"));

        JsonNode example = document.at("/responses/200/content/application~1json/examples").get(name).get("value");
        assertEquals(JSON.readTree(Files.readString(Path.of("src/main/resources", OpenApiExamples.RESPONSE))), example);
        ObjectNode answer = (ObjectNode) JSON.readTree(given().contentType(ContentType.JSON).body(request.toString())
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString());
        answer.set("asOf", example.get("asOf")); // the day and the rulebase differ from the example's, nothing else
        answer.set("rulebase", example.get("rulebase"));
        assertEquals(example, answer);
    }

    @Test
    void swagger_ui_is_served() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
