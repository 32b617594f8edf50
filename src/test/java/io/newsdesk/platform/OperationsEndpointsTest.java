package io.newsdesk.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
    }

    /** Ready does not wait for the in-process model: its check is UP while it loads, and says how far it is. */
    @Test
    void readinessReportsTheEmbeddingModelWithoutWaitingForIt() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'In-process embedding model' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'In-process embedding model' }.data.state",
                        oneOf("loading", "loaded"));
    }

    @Test
    void servesPrometheusMetrics() {
        given().get("/api/articles/{id}", Long.MAX_VALUE).then().statusCode(404);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void documentsTheArticleApiInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", equalTo("3.0.3"))
                .body("paths.'/api/articles'.post.summary", equalTo("Ingest an article"))
                .body("paths.'/api/articles/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ArticleView"))
                .body("paths.'/api/articles/{id}'.get.responses.'404'.'$ref'",
                        equalTo("#/components/responses/NotFound"))
                .body("components.responses.NotFound.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-Api-Key"));
    }

    @Test
    void unknownPathGetsProblemDocument() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
