package io.newsdesk.summary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.CheckedAgainstOpenApi;
import io.newsdesk.testing.Stories;
import io.newsdesk.testing.Stories.Report;
import io.newsdesk.testing.Texts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offline story summaries through the API: written from the queue, kept current, never caused by a copy. */
@QuarkusTest
@CheckedAgainstOpenApi
class StorySummaryTest {

    @Inject
    Database database;


    @BeforeEach
    void emptyStore() {
        database.deleteAllArticles();
    }

    @Test
    void aStoryOfTwoOutletsGetsOneSummaryWhoseSentencesNameTheirArticles() {
        List<Long> ids = post(Stories.FERRY.reports().subList(0, 2));
        long storyId = storyOf(ids.get(0));
        assertThat(storyOf(ids.get(1))).isEqualTo(storyId);

        JsonPath story = awaitReady(storyId);

        List<Map<String, Object>> sentences = story.getList("storySummary.sentences");
        assertThat(sentences).hasSizeBetween(2, 5);
        assertThat(story.getString("storySummary.summarizer")).isEqualTo("extractive");
        assertThat(story.getString("storySummary.text")).isEqualTo(
                sentences.stream().map(s -> (String) s.get("text")).collect(Collectors.joining(" ")));
        assertThat(story.getString("storySummary.updatedAt")).isNotNull();
        for (Map<String, Object> sentence : sentences) {
            List<Long> sources = sources(sentence);
            assertThat(sources).isNotEmpty().isSubsetOf(ids);
            // Each sentence is verbatim from its first source: a reader can check it there.
            String first = Stories.FERRY.reports().get(ids.indexOf(sources.get(0))).text().replaceAll("\\s+", " ");
            assertThat(first).contains((String) sentence.get("text"));
        }
        assertThat(database.count("SELECT count(*) FROM story_summary WHERE story_id = $1", storyId)).isEqualTo(1);
    }

    @Test
    void copiesNeverCauseASummaryAndAreCountedOnce() {
        String text = Texts.article(7);
        Response original = ArticlePosts.post("Wire original", text, "2015-08-01T08:00:00Z",
                ArticlePosts.newUrl("wire.example"));
        Response copy = ArticlePosts.post("Partner re-post", Texts.cutShort(text, 0.8), "2015-08-01T09:00:00Z",
                ArticlePosts.newUrl("partner.example"));
        copy.then().statusCode(201);
        assertThat(copy.jsonPath().getString("duplicateKind")).isEqualTo("NEAR_VERBATIM");
        long storyId = original.jsonPath().getLong("storyId");

        assertThat(database.count("SELECT count(*) FROM story_summary WHERE story_id = $1", storyId)).isZero();
        JsonPath story = given().get("/api/stories/{id}", storyId).then().statusCode(200).extract().jsonPath();
        assertThat(story.getInt("articleCount")).isEqualTo(2);
        assertThat(story.getMap("$")).doesNotContainKey("storySummary");

        // A copy joining a story that has a summary leaves its version alone.
        List<Long> ids = post(Stories.FERRY.reports().subList(0, 2));
        long ferry = storyOf(ids.get(0));
        awaitReady(ferry);
        long version = database.count("SELECT version FROM story_summary WHERE story_id = $1", ferry);
        Response ferryCopy = ArticlePosts.post(Map.of("title", "Ferry runs aground (re-post)",
                "body", Texts.cutShort(Texts.FERRY, 0.9), "publishedAt", "2015-05-05T12:00:00Z",
                "url", ArticlePosts.newUrl("aggregator.example"), "source", "aggregator.example"));
        assertThat(ferryCopy.jsonPath().getString("duplicateKind")).isEqualTo("NEAR_VERBATIM");
        assertThat(ferryCopy.jsonPath().getLong("storyId")).isEqualTo(ferry);
        assertThat(database.count("SELECT version FROM story_summary WHERE story_id = $1", ferry))
                .isEqualTo(version);
    }

    @Test
    void aNewOutletsArticleRewritesTheSummaryAfterTheDebounceInterval() {
        List<Report> reports = Stories.FERRY.reports();
        List<Long> ids = post(reports.subList(0, 2));
        long storyId = storyOf(ids.get(0));
        Instant first = Instant.parse(awaitReady(storyId).getString("storySummary.updatedAt"));

        ids.addAll(post(reports.subList(2, 3)));
        assertThat(storyOf(ids.get(2))).isEqualTo(storyId);
        // Right after the post the summary shown is the earlier one, marked as being brought up to date.
        JsonPath after = given().get("/api/stories/{id}", storyId).then().statusCode(200).extract().jsonPath();
        if (after.getString("storySummary.updatedAt").equals(first.toString())) {
            assertThat(after.getString("storySummary.status")).isEqualTo("PENDING");
        }

        JsonPath updated = await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/stories/{id}", storyId)
                .then().extract().jsonPath(), story -> "READY".equals(story.getString("storySummary.status"))
                        && !story.getString("storySummary.updatedAt").equals(first.toString()));
        Instant second = Instant.parse(updated.getString("storySummary.updatedAt"));
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofSeconds(2)); // the debounce
        List<Long> cited = new ArrayList<>();
        updated.<Map<String, Object>>getList("storySummary.sentences").forEach(s -> cited.addAll(sources(s)));
        assertThat(cited).isSubsetOf(ids);
    }

    @Test
    void feedItemsCarryTheStorySummaryAndJsonFeedUsesItAsContent() {
        List<Long> ids = post(Stories.MUSEUM_FIRE.reports());
        long storyId = storyOf(ids.get(0));
        assertThat(storyOf(ids.get(1))).isEqualTo(storyId);
        String text = awaitReady(storyId).getString("storySummary.text");

        JsonPath feed = given().get("/api/feed").then().statusCode(200).extract().jsonPath();
        assertThat(feed.getString("items.find { it.storyId == " + storyId + " }.storySummary.text")).isEqualTo(text);
        JsonPath jsonFeed = given().accept("application/feed+json").get("/api/feed").then().statusCode(200)
                .extract().jsonPath();
        assertThat(jsonFeed.getString("items.find { it.id == 'story-" + storyId + "' }.content_text"))
                .isEqualTo(text);
    }

    private static List<Long> post(List<Report> reports) {
        List<Long> ids = new ArrayList<>();
        for (Report report : reports) {
            Response response = ArticlePosts.post(Map.of("title", report.title(), "body", report.text(),
                    "source", report.source(), "publishedAt", report.publishedAt(),
                    "url", ArticlePosts.newUrl(report.source())));
            response.then().statusCode(201);
            ids.add(response.jsonPath().getLong("id"));
        }
        return ids;
    }

    private static long storyOf(long articleId) {
        return given().get("/api/articles/{id}", articleId).then().statusCode(200).extract().jsonPath()
                .getLong("storyId");
    }

    private static JsonPath awaitReady(long storyId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/stories/{id}", storyId).then()
                .statusCode(200).extract().jsonPath(), story -> "READY".equals(story.getString("storySummary.status")));
    }

    private static List<Long> sources(Map<String, Object> sentence) {
        return ((List<?>) sentence.get("sources")).stream().map(id -> ((Number) id).longValue()).toList();
    }
}
