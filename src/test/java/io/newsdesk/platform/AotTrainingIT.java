package io.newsdesk.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import io.newsdesk.testing.Seeds;
import io.newsdesk.testing.Seeds.Seed;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The training run of the JDK 25 AOT cache ({@code ./mvnw -Paot verify}, see docs/deployment.md): the packaged jar
 * serves what a user asks of it, so the cache holds the classes, and profiles, of ingest, reading, the reader's
 * pages and the operations endpoints, not only of start-up. Run only by that profile.
 */
@Tag("aot-training")
@QuarkusIntegrationTest
class AotTrainingIT {

    @Test
    void servesIngestReadingAndOperations() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("In-process embedding model"));
        int first = -1;
        for (int round = 0; round < 4; round++) {
            for (Seed seed : Seeds.all()) {
                int id = given().contentType(ContentType.JSON)
                        .body(Map.of("title", seed.title(), "body", seed.text(),
                                "url", "https://training.example.org/" + round + "/" + seed.name()))
                        .post("/api/articles").then().statusCode(oneOf(200, 201)).extract().path("id");
                first = first < 0 ? id : first;
            }
        }
        given().get("/api/articles/{id}", first).then().statusCode(200).body("id", equalTo(first));
        given().get("/api/articles").then().statusCode(200);
        given().get("/api/feed").then().statusCode(200);
        given().get("/").then().statusCode(200).contentType("text/html");
        given().get("/api/articles/{id}", Long.MAX_VALUE).then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }
}
