package io.newsdesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.newsdesk.summary.LlmStubProfile;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.OpenAiStub;
import io.newsdesk.testing.CheckedAgainstOpenApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With an API key configured, writes need it; reads stay open; no secret ever reaches the log. */
@QuarkusTest
@CheckedAgainstOpenApi
@TestProfile(ApiKeyTest.WithApiKey.class)
class ApiKeyTest {


    static final String API_KEY = "nd-secret-" + "5f1c0a9e77";
    static final Path LOG = Path.of("target/api-key-test.log");

    public static class WithApiKey extends LlmStubProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("newsdesk.security.api-key", API_KEY);
            overrides.put("quarkus.log.file.enabled", "true");
            overrides.put("quarkus.log.file.path", LOG.toString());
            overrides.put("quarkus.log.level", "DEBUG");
            overrides.put("quarkus.log.min-level", "DEBUG");
            // RestAssured's own HTTP client runs in this JVM and logs the headers it sends: not the service's log.
            overrides.put("quarkus.log.category.\"org.apache.http\".level", "INFO");
            return overrides;
        }
    }

    @Inject
    Database database;

    @BeforeEach
    void startFromAnEmptyStore() {
        // An article posted by an earlier test would make this one a copy, answered with that one's summary.
        database.deleteAllArticles();
    }

    @Test
    void writesNeedTheKeyAsHeaderOrBearerToken() {
        OpenAiStub.answer(OpenAiStub.summaryJson("en", "The harbour reopened on Friday after a week of storms."));
        String url = "https://secure.example.org/" + UUID.randomUUID();
        Map<String, String> article = Map.of("title", "Harbour reopens", "url", url, "language", "en",
                "body", "The harbour reopened on Friday after a week of storms closed it to shipping.");

        given().contentType(ContentType.JSON).body(article).post("/api/articles").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"newsdesk\"");
        given().contentType(ContentType.JSON).header("X-Api-Key", API_KEY + "x").body(article).post("/api/articles")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body(article)
                .post("/api/articles").then().statusCode(401);
        assertThat(database.count("SELECT count(*) FROM article WHERE url = $1", url)).isZero();

        int id = given().contentType(ContentType.JSON).header("X-Api-Key", API_KEY).body(article)
                .post("/api/articles").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + API_KEY).body(article)
                .post("/api/articles").then().statusCode(200).body("id", equalTo(id));

        given().get("/api/articles/{id}", id).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        // Reads are open (newsdesk.security.protect-reads=false): so is the reader's page.
        given().get("/").then().statusCode(200).contentType("text/html");
    }

    @Test
    void neverLogsTheApiKeyOrTheLlmKey() throws IOException {
        OpenAiStub.failWith(500, "{\"error\":{\"message\":\"boom\"}}");
        given().contentType(ContentType.JSON).header("X-Api-Key", API_KEY)
                .body(Map.of("title", "Storm " + UUID.randomUUID(), "language", "en",
                        "body", "A storm closed the harbour on Friday and shipping stopped for a week."))
                .post("/api/articles").then().statusCode(202);
        given().contentType(ContentType.JSON).header("X-Api-Key", "wrong-" + API_KEY).body("{}")
                .post("/api/articles").then().statusCode(401);

        String log = Files.readString(LOG);
        assertThat(log).contains("Summary of article").doesNotContain(API_KEY, OpenAiStub.API_KEY);
    }
}
