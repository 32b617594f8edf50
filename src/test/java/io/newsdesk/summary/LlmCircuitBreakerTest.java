package io.newsdesk.summary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.newsdesk.testing.Database;
import io.newsdesk.testing.Texts;
import io.newsdesk.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A failing LLM is called until the circuit opens, and then not at all; the articles wait in the queue. */
@QuarkusTest
@TestProfile(LlmCircuitBreakerTest.OpensAfterThreeFailures.class)
class LlmCircuitBreakerTest {

    public static class OpensAfterThreeFailures extends LlmStubProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("newsdesk.llm.circuit-breaker.failure-threshold", "3");
            overrides.put("newsdesk.llm.circuit-breaker.open-duration", "1h");
            overrides.put("newsdesk.summary.max-attempts", "100");
            return overrides;
        }
    }

    @Inject
    Database database;

    @Test
    void stopsCallingAFailingLlmOnceTheCircuitOpens() {
        // Queued summaries left by earlier test classes would otherwise fail against this stub and count too.
        database.deleteAllArticles();
        OpenAiStub.failWith(500, "{\"error\":{\"message\":\"internal error\"}}");
        String batch = UUID.randomUUID().toString();
        for (int i = 0; i < 6; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("title", "Floods close coastal road " + batch, "language", "en",
                            "url", "https://breaker.example.org/" + UUID.randomUUID(),
                            // different articles: a copy would wait for its original's summary, not call the LLM
                            "body", Texts.distinct(130 + i) + "\n\n" + LlmSummaryTest.floodArticle()))
                    .post("/api/articles").then().statusCode(202).body("summaryStatus", equalTo("PENDING"));
        }
        // several queue polls: none may reach the LLM while the circuit is open
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(OpenAiStub.requestsContaining(batch)).hasSize(3));
        assertThat(database.count("SELECT count(*) FROM article WHERE title LIKE $1 AND summary_status = 'PENDING'",
                "%" + batch + "%")).isEqualTo(6);
        assertThat(database.count("SELECT count(*) FROM article WHERE title LIKE $1 AND summary_error LIKE $2",
                "%" + batch + "%", "unavailable: circuit open%")).isGreaterThanOrEqualTo(3);
    }
}
