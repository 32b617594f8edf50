package io.newsdesk.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.CheckedAgainstOpenApi;
import io.newsdesk.testing.Seeds;
import io.newsdesk.testing.Seeds.Seed;
import io.newsdesk.testing.Texts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CheckedAgainstOpenApi
class BatchIngestTest {


    @Inject
    Database database;

    @BeforeEach
    void startFromAnEmptyStore() {
        database.deleteAllArticles();
    }

    @Test
    void eachArticleIsAnsweredAsItsOwnPostWouldBeAndABadOneRefusesOnlyItself() {
        String url = ArticlePosts.newUrl("harbour.example.org");
        List<Map<String, Object>> batch = List.of(
                Map.of("title", "Harbour reopens", "body", Texts.article(0), "url", url),
                Map.of("body", Texts.article(1)),
                Map.of("title", "Harbour reopens again", "body", Texts.article(0), "url", url),
                Map.of("title", 42, "body", Texts.article(2)));

        Response answer = batch().contentType(ContentType.JSON).body(batch).post("/api/articles:batch");

        answer.then().statusCode(200).body("items", hasSize(4))
                .body("created", equalTo(1)).body("existing", equalTo(1)).body("refused", equalTo(2));
        Map<String, Object> first = answer.jsonPath().getMap("items[0]");
        assertThat(first.get("status")).isIn(201, 202);
        long id = ((Number) first.get("id")).longValue();
        assertThat(first.get("location")).isEqualTo("/api/articles/" + id);
        assertThat(first.get("storyId")).isNotNull();
        answer.then().body("items[1].index", equalTo(1)).body("items[1].status", equalTo(400))
                .body("items[1].id", equalTo(null))
                .body("items[1].problem.errors[0].field", equalTo("title"))
                .body("items[2].status", equalTo(200)).body("items[2].id", equalTo((int) id))
                .body("items[3].status", equalTo(400)).body("items[3].problem.errors[0].field", equalTo("title"));
        // The single POST answers the refused ones the same way.
        Response alone = ArticlePosts.post(batch.get(1));
        alone.then().statusCode(400);
        assertThat(alone.jsonPath().getString("detail")).isEqualTo(answer.jsonPath().getString("items[1].problem"
                + ".detail"));
        assertThat(database.count("SELECT count(*) FROM article")).isEqualTo(1);
    }

    @Test
    void ndjsonLinesAreArticlesAndAMalformedLineIsRefusedAlone() {
        String body = """
                {"title": "Kilmarnock names its manager", "body": "%s"}

                {"title": "broken",
                {"title": "Ferry runs aground", "body": "%s"}
                """.formatted(escape(Texts.article(3)), escape(Texts.FERRY));

        Response answer = batch().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/articles:batch");

        answer.then().statusCode(200).body("items", hasSize(3)).body("created", equalTo(2))
                .body("refused", equalTo(1))
                .body("items[1].status", equalTo(400))
                .body("items[1].problem.title", equalTo("Malformed JSON"))
                .body("items[2].index", equalTo(2));
        assertThat(database.count("SELECT count(*) FROM article")).isEqualTo(2);
    }

    @Test
    void aBodyThatIsNotOneWellFormedArrayOrHoldsTooManyArticlesIsRefusedWholeAndNothingIsStored() {
        String valid = "{\"title\": \"Harbour reopens\", \"body\": \"" + escape(Texts.article(0)) + "\"}";
        batch().contentType(ContentType.JSON).body("[" + valid + ", {\"title\": ]").post("/api/articles:batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        batch().contentType(ContentType.JSON).body(valid).post("/api/articles:batch")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(1001, valid)) + "]";
        batch().contentType(ContentType.JSON).body(tooMany).post("/api/articles:batch")
                .then().statusCode(413).body("errors[0].field", equalTo("body"))
                .body("detail", org.hamcrest.Matchers.containsString("1001 articles"));
        assertThat(database.count("SELECT count(*) FROM article")).isZero();
    }

    @Test
    void aBatchEndsInTheStoriesOfTheSameArticlesPostedOneByOne() {
        List<Map<String, Object>> articles = new ArrayList<>();
        for (Seed seed : Seeds.all()) {
            articles.add(Map.of("title", seed.title(), "body", seed.text(), "url",
                    "https://seeds.example.org/" + seed.name(), "publishedAt", "2024-04-16T08:00:00Z"));
        }
        Seed copied = Seeds.get(2);
        articles.add(Map.of("title", "Copy: " + copied.title(), "body", copied.text(), "url",
                "https://copies.example.org/" + copied.name(), "publishedAt", "2024-04-16T09:00:00Z"));
        articles.add(Map.of("title", "Ferry runs aground off Northport", "body", Texts.FERRY, "url",
                "https://ferry.example.org/report", "publishedAt", "2024-04-16T07:00:00Z"));
        articles.add(Map.of("title", "212 rescued as Island Queen hits sandbank", "body", """
                Coastguard crews rescued all 212 people from the Island Queen after the Coastline Shipping ferry \
                hit a sandbank off Northport on Tuesday. Eleven passengers were treated for hypothermia.""",
                "url", "https://ferry.example.org/brief", "publishedAt", "2024-04-16T11:00:00Z"));

        for (Map<String, Object> article : articles) {
            ArticlePosts.post(article).then().statusCode(org.hamcrest.Matchers.oneOf(201, 202));
        }
        Set<Set<String>> oneByOne = storiesByUrl();
        database.deleteAllArticles();
        batch().contentType(ContentType.JSON).body(articles).post("/api/articles:batch").then().statusCode(200)
                .body("created", equalTo(articles.size()));

        assertThat(storiesByUrl()).isEqualTo(oneByOne);
        assertThat(oneByOne).hasSizeLessThan(articles.size());
    }

    /** As clients send it: the colon of the custom method as it is (RFC 3986 allows it in a path segment). */
    private static RequestSpecification batch() {
        return given().urlEncodingEnabled(false);
    }

    private Set<Set<String>> storiesByUrl() {
        Map<Long, Set<String>> stories = new HashMap<>();
        for (Row row : database.rows("SELECT story_id, url FROM article")) {
            stories.computeIfAbsent(row.getLong("story_id"), s -> new TreeSet<>()).add(row.getString("url"));
        }
        return new HashSet<>(stories.values());
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
