package io.newsdesk.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.CheckedAgainstOpenApi;
import io.newsdesk.testing.Texts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CheckedAgainstOpenApi
class FeedTest {


    @Inject
    Database database;

    @BeforeEach
    void startFromAnEmptyStore() {
        database.deleteAllArticles();
    }

    @Test
    void listsOneItemPerStoryWithItsCopiesFoldedIn() {
        String text = Texts.article(6);
        long original = id(post("Feed original", text, "2015-05-01T08:00:00Z", "wire.example.net"));
        long copy = id(post("Feed copy", Texts.cutShort(text, 0.7), "2015-05-01T09:00:00Z",
                "partner.example.org"));

        Response feed = given().get("/api/feed?limit=5");
        feed.then().statusCode(200).contentType(ContentType.JSON);
        List<Map<String, Object>> items = feed.jsonPath().getList("items");
        Map<String, Object> item = items.get(0);
        assertThat(item.get("articleCount")).isEqualTo(2);
        assertThat(item.get("sourceCount")).isEqualTo(2);
        assertThat(item.get("title")).isEqualTo("Feed original");
        assertThat(item.get("summary")).isNotNull();
        assertThat(item.get("firstPublishedAt")).isEqualTo("2015-05-01T08:00:00Z");
        assertThat(item.get("lastPublishedAt")).isEqualTo("2015-05-01T09:00:00Z");
        assertThat(feed.jsonPath().getList("items[0].articles.id", Long.class)).containsExactly(original, copy);
        assertThat(feed.jsonPath().getList("items[0].articles.duplicateKind")).containsExactly(null, "NEAR_VERBATIM");
        assertThat(feed.jsonPath().getLong("items[0].representative.articleId")).isEqualTo(original);
        assertThat(feed.jsonPath().getString("items[0].representative.rule")).isEqualTo("earliest");
        List<Long> storyIds = feed.jsonPath().getList("items.storyId", Long.class);
        assertThat(storyIds).doesNotHaveDuplicates();
    }

    @Test
    void pagesStayCorrectWhileArticlesArriveBetweenThem() {
        long[] stories = new long[4];
        String[] texts = new String[4];
        for (int i = 0; i < 4; i++) {
            texts[i] = Texts.article(7 + i);
            stories[i] = post("Paging story " + i, texts[i], "2015-05-02T0" + i + ":00:00Z", "paging.example.com")
                    .jsonPath().getLong("storyId");
        }
        Response first = given().get("/api/feed?limit=2");
        assertThat(first.jsonPath().getList("items.storyId", Long.class)).containsExactly(stories[3], stories[2]);
        String cursor = first.jsonPath().getString("nextCursor");
        assertThat(cursor).isNotNull();

        // Between the pages: story 0 (not shown yet) gets a copy, story 3 (shown) gets one, and a new story starts.
        post("Paging copy 0", Texts.cutShort(texts[0], 0.8), "2015-05-02T05:00:00Z", "late.example.com");
        post("Paging copy 3", Texts.cutShort(texts[3], 0.8), "2015-05-02T06:00:00Z", "late.example.com");
        long newStory = post("Paging new story", Texts.article(11), "2015-05-02T07:00:00Z", "late.example.com")
                .jsonPath().getLong("storyId");

        Response second = given().get("/api/feed?limit=2&cursor=" + cursor);
        second.then().statusCode(200);
        assertThat(second.jsonPath().getList("items.storyId", Long.class))
                .as("neither skipped nor shown twice").containsExactly(stories[1], stories[0]);
        assertThat(second.jsonPath().getInt("items[1].articleCount")).as("items show current content").isEqualTo(2);

        Response fresh = given().get("/api/feed?limit=3");
        assertThat(fresh.jsonPath().getList("items.storyId", Long.class))
                .containsExactly(newStory, stories[3], stories[0]);
    }

    @Test
    void filtersBySourceAndMinimumArticles() {
        String source = UUID.randomUUID().toString().substring(0, 8) + ".filters.example";
        String text = Texts.article(12);
        long pair = post("Filtered pair", text, "2015-05-03T08:00:00Z", source).jsonPath().getLong("storyId");
        post("Filtered pair copy", Texts.cutShort(text, 0.9), "2015-05-03T09:00:00Z", "other.example");
        long single = post("Filtered single", Texts.article(13), "2015-05-03T10:00:00Z", source)
                .jsonPath().getLong("storyId");

        assertThat(given().get("/api/feed?source=" + source).jsonPath().getList("items.storyId", Long.class))
                .containsExactly(single, pair);
        assertThat(given().get("/api/feed?minArticles=2&source=" + source).jsonPath()
                .getList("items.storyId", Long.class)).containsExactly(pair);
        assertThat(given().get("/api/feed?source=" + source + "&since=2015-05-03T09:30:00Z").jsonPath()
                .getList("items.storyId", Long.class)).containsExactly(single);
        assertThat(given().get("/api/feed?source=" + source + "&until=2015-05-03T09:30:00Z").jsonPath()
                .getList("items.storyId", Long.class)).containsExactly(pair);
    }

    @Test
    void rejectsBadParametersNamingThem() {
        given().get("/api/feed?minArticles=0").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("minArticles"));
        given().get("/api/feed?limit=1000").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().get("/api/feed?cursor=bm90LWEtY3Vyc29y").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().get("/api/feed?since=yesterday").then().statusCode(400).body("errors.field", hasItem("since"));
        // A NUL cannot reach SQL (it used to fail the query with a 500).
        given().urlEncodingEnabled(false).get("/api/feed?source=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("source"));
    }

    @Test
    void servesJsonFeed11WhenAskedFor() {
        post("JSON Feed story", Texts.article(14), "2015-05-04T08:00:00Z", "jsonfeed.example");
        post("JSON Feed story two", Texts.article(15), "2015-05-04T09:00:00Z", "jsonfeed.example");

        Response feed = given().accept("application/feed+json").get("/api/feed?limit=1");
        feed.then().statusCode(200).contentType("application/feed+json")
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("title", equalTo("newsdesk"))
                .body("feed_url", notNullValue())
                .body("next_url", startsWith("http"))
                .body("items[0].id", startsWith("story-"))
                .body("items[0].title", equalTo("JSON Feed story two"))
                .body("items[0].content_text", notNullValue())
                .body("items[0].date_published", equalTo("2015-05-04T09:00:00Z"))
                .body("items[0]._newsdesk.articleCount", equalTo(1));
        assertThat(feed.jsonPath().getString("items[0].id"))
                .isEqualTo("story-" + feed.jsonPath().getLong("items[0]._newsdesk.storyId"));
        assertThat(feed.jsonPath().getString("next_url")).contains("cursor=").contains("limit=1");
        String next = feed.jsonPath().getString("next_url");
        given().accept("application/feed+json").get(next.substring(next.indexOf("/api/feed"))).then()
                .statusCode(200).body("items[0].title", equalTo("JSON Feed story"));
    }

    @Test
    void answersNotModifiedToTheCurrentETagAndChangesItWhenTheFeedChanges() {
        post("ETag story", Texts.article(16), "2015-05-05T08:00:00Z", "etag.example");
        Response first = given().get("/api/feed?limit=3");
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        given().header("If-None-Match", etag).get("/api/feed?limit=3").then().statusCode(304);
        given().header("If-None-Match", "W/" + etag).get("/api/feed?limit=3").then().statusCode(304);
        given().accept("application/feed+json").header("If-None-Match", etag).get("/api/feed?limit=3").then()
                .statusCode(200);

        post("ETag story two", Texts.article(17), "2015-05-05T09:00:00Z", "etag.example");
        Response changed = given().header("If-None-Match", etag).get("/api/feed?limit=3");
        changed.then().statusCode(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    private static Response post(String title, String body, String publishedAt, String host) {
        Response response = ArticlePosts.post(title, body, publishedAt, ArticlePosts.newUrl(host));
        response.then().statusCode(201);
        return response;
    }

    private static long id(Response response) {
        return response.jsonPath().getLong("id");
    }
}
