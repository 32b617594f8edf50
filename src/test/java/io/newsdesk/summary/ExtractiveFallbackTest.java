package io.newsdesk.summary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.newsdesk.testing.Database;
import io.newsdesk.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the extractive fallback, a failing LLM still leaves every answer with a summary. Tagged to run in a JVM of its
 * own: the ONNX tokenizer's native library can be loaded by one application class loader per JVM only.
 */
@Tag("separate-jvm")
@QuarkusTest
@TestProfile(ExtractiveFallbackTest.WithFallback.class)
class ExtractiveFallbackTest {

    @Inject
    Database database;

    @BeforeEach
    void startFromAnEmptyStore() {
        // An article posted by an earlier test would make this one a copy, answered with that one's summary.
        database.deleteAllArticles();
    }

    public static class WithFallback extends LlmStubProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("newsdesk.summary.fallback-to-extractive", "true");
            return overrides;
        }
    }

    @Test
    void answersWithTheExtractiveSummaryWhenTheLlmFails() {
        OpenAiStub.server().resetAll();
        OpenAiStub.failWith(503, "{\"error\":{\"message\":\"overloaded\"}}");
        String marker = UUID.randomUUID().toString();

        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Floods close coastal road " + marker, "language", "en",
                        "body", LlmSummaryTest.floodArticle()))
                .post("/api/articles").then().statusCode(201)
                .body("summaryStatus", equalTo("READY"))
                .body("summarizer", equalTo("extractive"))
                .body("summary", notNullValue());
        assertThat(OpenAiStub.requestsContaining(marker)).hasSize(1);
    }
}
