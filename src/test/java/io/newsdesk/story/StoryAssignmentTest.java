package io.newsdesk.story;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.CheckedAgainstOpenApi;
import io.newsdesk.testing.Seeds.Seed;
import io.newsdesk.testing.Seeds;
import io.newsdesk.testing.Texts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CheckedAgainstOpenApi
class StoryAssignmentTest {


    @Inject
    Database database;

    @BeforeEach
    void startFromAnEmptyStore() {
        database.deleteAllArticles();
    }

    @Test
    void firstArticleOfAStoryHasNoDuplicateFields() {
        Response first = post("Kilmarnock names its manager", Texts.article(0), "2015-04-02T09:00:00Z");

        first.then().statusCode(201)
                .body("duplicateOf", nullValue())
                .body("duplicateKind", nullValue())
                .body("similarity", nullValue())
                .body("duplicateReason", nullValue());
        long storyId = first.jsonPath().getLong("storyId");
        assertThat(database.count("SELECT count(*) FROM article WHERE story_id = $1", storyId)).isEqualTo(1);
        assertThat(database.count("SELECT representative_id FROM story WHERE id = $1", storyId))
                .isEqualTo(first.jsonPath().getLong("id"));
    }

    @Test
    void sameTextUnderAnotherUrlAndHeadlineIsAnExactCopyWithTheOriginalsSummary() {
        String text = Texts.article(1);
        Response original = post("The original headline", text, "2015-04-02T09:00:00Z");
        Response copy = post("A syndicated headline", "MORE FROM OUR PARTNERS\n\n" + text, "2015-04-02T11:30:00Z");

        copy.then().statusCode(201)
                .body("storyId", equalTo(original.path("storyId")))
                .body("duplicateOf", equalTo(original.path("id")))
                .body("duplicateKind", equalTo("EXACT"))
                .body("similarity", equalTo(1.0f))
                .body("summary", equalTo(original.path("summary")))
                .body("summarizer", equalTo(original.path("summarizer")));
        assertThat(copy.jsonPath().getString("duplicateReason")).contains("hash");
    }

    @Test
    void copyCutShortAndEditedIsNearVerbatim() {
        String text = Texts.article(2);
        Response original = post("Original", text, "2015-04-03T09:00:00Z");
        Response copy = post("Retitled by a partner site", Texts.lightlyEdited(Texts.cutShort(text, 0.6), 3),
                "2015-04-03T10:00:00Z");

        copy.then().statusCode(201)
                .body("storyId", equalTo(original.path("storyId")))
                .body("duplicateOf", equalTo(original.path("id")))
                .body("duplicateKind", equalTo("NEAR_VERBATIM"))
                .body("summary", equalTo(original.path("summary")));
        assertThat(copy.jsonPath().getDouble("similarity")).isBetween(0.6, 1.0);
        assertThat(copy.jsonPath().getString("duplicateReason")).containsIgnoringCase("MinHash");
        assertThat(database.count("SELECT article_count FROM story WHERE id = $1", copy.jsonPath().getLong("storyId")))
                .isEqualTo(2);
    }

    @Test
    void copyArrivingBeforeItsOriginalStillEndsInOneStory() {
        String text = Texts.article(3);
        Response copyFirst = post("Shortened re-post", Texts.cutShort(text, 0.5), "2015-04-04T12:00:00Z");
        Response original = post("Full original", text, "2015-04-04T08:00:00Z");

        original.then().statusCode(201)
                .body("storyId", equalTo(copyFirst.path("storyId")))
                .body("duplicateOf", equalTo(copyFirst.path("id")))
                .body("duplicateKind", equalTo("NEAR_VERBATIM"));
        // The representative is the earliest published, whatever the arrival order.
        assertThat(database.count("SELECT representative_id FROM story WHERE id = $1",
                original.jsonPath().getLong("storyId"))).isEqualTo(original.jsonPath().getLong("id"));
    }

    @Test
    void copiesPostedAtTheSameMomentEndInOneStory() throws Exception {
        String text = Texts.article(4);
        List<String> versions = List.of(text, Texts.cutShort(text, 0.7), Texts.lightlyEdited(text, 2),
                "Breaking: " + text, Texts.cutShort(Texts.lightlyEdited(text, 4), 0.8), text + " Ends.");
        ExecutorService pool = Executors.newFixedThreadPool(versions.size());
        try {
            List<Callable<Response>> posts = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                String version = versions.get(i);
                String title = "Wire copy " + i;
                posts.add(() -> post(title, version, "2015-04-05T08:00:00Z"));
            }
            Set<Long> stories = new HashSet<>();
            List<Long> ids = new ArrayList<>();
            for (Future<Response> response : pool.invokeAll(posts)) {
                // 202 for a copy that arrived while its original's summary was still being written
                response.get().then().statusCode(anyOf(equalTo(201), equalTo(202)));
                stories.add(response.get().jsonPath().getLong("storyId"));
                ids.add(response.get().jsonPath().getLong("id"));
            }
            assertThat(stories).hasSize(1);
            long storyId = stories.iterator().next();
            assertThat(database.count("SELECT count(*) FROM article WHERE story_id = $1", storyId)).isEqualTo(6);
            assertThat(database.count("SELECT article_count FROM story WHERE id = $1", storyId)).isEqualTo(6);
            assertThat(database.count("SELECT count(*) FROM article WHERE id = ANY($1) AND duplicate_of IS NULL",
                    (Object) ids.toArray(Long[]::new))).isEqualTo(1);
            // Copies get their original's summary, never one of their own.
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(database.count(
                    "SELECT count(*) FROM article WHERE story_id = $1 AND summary_status = 'READY'", storyId))
                    .isEqualTo(6));
            assertThat(database.count("SELECT count(DISTINCT (summary, summarizer)) FROM article WHERE story_id = $1",
                    storyId)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherOutletsTwoSentenceBriefJoinsTheStoryOfferingItsReasonAndAFollowUpStaysApart() {
        Response report = post("Ferry runs aground off Northport", Texts.FERRY, "2015-05-05T07:00:00Z");
        Response brief = post("212 rescued as Island Queen hits sandbank", """
                Coastguard crews rescued all 212 people from the Island Queen after the Coastline Shipping ferry \
                hit a sandbank off Northport on Tuesday. Eleven passengers were treated for hypothermia.""",
                "2015-05-05T11:00:00Z");
        Response followUp = post("Island Queen back in service", """
                The Island Queen returned to service on Monday after Coastline Shipping spent 1.2 million pounds on \
                repairs, and the port authority installed 14 new buoys, Maria Edwards said.""",
                "2015-05-07T09:00:00Z");

        brief.then().statusCode(201)
                .body("storyId", equalTo(report.path("storyId")))
                .body("duplicateOf", equalTo(report.path("id")))
                .body("duplicateKind", equalTo("SAME_STORY"));
        assertThat(brief.jsonPath().getString("duplicateReason")).startsWith("Same event: same names:")
                .contains("Island Queen", "212");
        assertThat(brief.jsonPath().getDouble("similarity")).isBetween(0.9, 1.0);
        followUp.then().statusCode(201).body("duplicateKind", nullValue());
        assertThat(followUp.jsonPath().getLong("storyId")).isNotEqualTo(report.jsonPath().getLong("storyId"));
        assertThat(database.count("SELECT count(*) FROM article_mention WHERE article_id = $1",
                brief.jsonPath().getLong("id"))).isPositive();
    }

    @Test
    void anArticleJudgedAgainAsACandidateIsNotReadAgain() {
        Response report = post("Ferry runs aground off Northport", Texts.FERRY, "2015-05-15T07:00:00Z");
        post("212 rescued as Island Queen hits sandbank", "Coastguard crews rescued all 212 people from the Island "
                + "Queen after the Coastline Shipping ferry hit a sandbank off Northport on Tuesday.",
                "2015-05-15T11:00:00Z");
        double hitsBefore = comparisonCacheHits();

        Response another = post("Ferry passengers describe the rescue", "Passengers of the Island Queen, which hit a "
                + "sandbank off Northport, told of waiting hours in the cold for the coastguard.",
                "2015-05-15T13:00:00Z");

        another.then().statusCode(anyOf(equalTo(201), equalTo(202)))
                .body("storyId", equalTo(report.path("storyId")));
        // The report and the first brief were read when the brief was assigned; now they come from the cache.
        assertThat(comparisonCacheHits()).isGreaterThan(hitsBefore);
    }

    private static double comparisonCacheHits() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("cache_gets_total{")
                        && line.contains("cache=\"newsdesk.dedup.compared-names\"") && line.contains("result=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void distinctEventsOnTheSameTopicAmongTheSeedsStayApart() {
        Set<Long> stories = new HashSet<>();
        for (Seed seed : Seeds.all()) {
            Response response = post(seed.title(), seed.text(), "2024-04-16T08:00:00Z");
            response.then().statusCode(201);
            assertThat(response.jsonPath().getString("duplicateKind")).isNotEqualTo("SAME_STORY");
            stories.add(response.jsonPath().getLong("storyId"));
        }
        assertThat(stories).as("002 strike plans, 003 Rafah talks, 004 Austin-Gallant meeting ... are five stories")
                .hasSize(5);
    }

    @Test
    void storiesEndpointShowsTheStoryWithItsArticles() {
        String text = Texts.article(5);
        Response original = post("Story endpoint original", text, "2015-04-06T09:00:00Z");
        Response copy = post("Story endpoint copy", Texts.cutShort(text, 0.8), "2015-04-06T10:00:00Z");
        long storyId = original.jsonPath().getLong("storyId");

        given().get("/api/stories/{id}", storyId).then().statusCode(200)
                .body("storyId", equalTo((int) storyId))
                .body("title", equalTo("Story endpoint original"))
                .body("summary", equalTo(original.path("summary")))
                .body("representative.articleId", equalTo(original.path("id")))
                .body("representative.rule", equalTo("earliest"))
                .body("articleCount", equalTo(2))
                .body("sourceCount", equalTo(2))
                .body("articles.id", equalTo(List.of(original.path("id"), copy.path("id"))))
                .body("articles.duplicateKind", equalTo(java.util.Arrays.asList(null, "NEAR_VERBATIM")))
                .body("firstPublishedAt", equalTo("2015-04-06T09:00:00Z"))
                .body("lastPublishedAt", equalTo("2015-04-06T10:00:00Z"));
        given().get("/api/stories/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static Response post(String title, String body, String publishedAt) {
        return ArticlePosts.post(title, body, publishedAt,
                ArticlePosts.newUrl(UUID.randomUUID().toString().substring(0, 8) + ".example.com"));
    }
}
