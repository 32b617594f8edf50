package io.newsdesk.summary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.newsdesk.testing.Database;
import io.newsdesk.text.SentenceSplitter;
import io.newsdesk.testing.Seeds;
import io.newsdesk.testing.Seeds.Seed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With no LLM configured, every article is summarised in process by the extractive summarizer. */
@QuarkusTest
class OfflineSummaryIngestTest {

    @Inject
    Database database;

    @BeforeEach
    void startFromAnEmptyStore() {
        // An article posted by an earlier test would make this one a copy, answered with that one's summary.
        database.deleteAllArticles();
    }

    @Test
    void answersEachSeedWithAnExtractiveSummaryOfItsCleanedText() {
        for (Seed seed : Seeds.all()) {
            Response created = given().contentType(ContentType.JSON)
                    .body(Map.of("title", seed.title(), "body", seed.text(),
                            "url", "https://summaries.example.org/" + UUID.randomUUID()))
                    .post("/api/articles");
            created.then().statusCode(201)
                    .body("summaryStatus", equalTo("READY"))
                    .body("summarizer", equalTo("extractive"))
                    .body("summarizedAt", notNullValue());
            String summary = created.path("summary");
            String text = created.jsonPath().getString("text").replaceAll("\\s+", " ");
            assertThat(summary.split("\\s+")).hasSizeBetween(8, 80);
            assertThat(summary).doesNotContain("Leave a Reply", "More like this", "Close this search box");
            assertThat(new SentenceSplitter().split(summary))
                    .hasSizeBetween(1, 3)
                    .allSatisfy(sentence -> assertThat(text).contains(sentence));

            Row row = database.rows("SELECT summary, summary_status, summarizer FROM article WHERE id = $1",
                    created.jsonPath().getLong("id")).get(0);
            assertThat(row.getString("summary")).isEqualTo(summary);
            assertThat(row.getString("summary_status")).isEqualTo("READY");
        }
    }

    @Test
    void sweeperAndQueueCompleteAnArticleLeftBehind() {
        // An article stored by an instance that stopped before its story and its summary were decided.
        String title = "Left behind " + UUID.randomUUID();
        long id = database.rows("""
                INSERT INTO article (title, published_at, received_at, language, raw_format, raw_content, text,
                                     content_hash, summary_status, summary_next_attempt_at)
                VALUES ($1, now(), now(), 'en', 'text', $2, $2, $1, 'PENDING', now() - interval '1 second')
                RETURNING id""", title, paragraphs()).get(0).getLong("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/articles/{id}", id).then().statusCode(200)
                        .body("storyId", notNullValue())
                        .body("summaryStatus", equalTo("READY"))
                        .body("summarizer", equalTo("extractive")));
        assertThat(database.count("SELECT summary_attempts FROM article WHERE id = $1", id)).isEqualTo(1);
    }

    private static String paragraphs() {
        return """
                Flooding closed the main coastal road on Sunday after two days of heavy rain across the region.

                Emergency crews evacuated more than two hundred residents from low-lying streets near the harbour.

                The weather service said the rain would ease by Tuesday, but warned of further flooding upstream.""";
    }
}
