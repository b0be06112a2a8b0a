package org.advising.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document portal developers read describes the evaluation endpoint, its schemas and errors. */
@QuarkusTest
class OpenApiTest {

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
                .body("components.schemas.CreditTransfer.enum", hasItems("YES", "NO", "CONDITIONAL"));
    }

    @Test
    void swagger_ui_is_served() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
