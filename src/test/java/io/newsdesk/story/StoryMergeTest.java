package io.newsdesk.story;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.CheckedAgainstOpenApi;
import io.newsdesk.testing.Texts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two articles of one story assigned at the same moment cannot see each other (no lock makes them wait for each
 * other any more): both start a story, and the one committed later finds the other and merges the two stories.
 * The test makes the race certain ({@link SimultaneousPosts}).
 */
@QuarkusTest
@CheckedAgainstOpenApi
class StoryMergeTest {

    private static final String REPORT_TITLE = "Ferry runs aground off Northport";
    private static final String BRIEF_TITLE = "212 rescued as Island Queen hits sandbank";
    private static final String BRIEF = """
            Coastguard crews rescued all 212 people from the Island Queen after the Coastline Shipping ferry \
            hit a sandbank off Northport on Tuesday. Eleven passengers were treated for hypothermia.""";

    @Inject
    Database database;

    @Inject
    Pool pool;


    @BeforeEach
    void startFromAnEmptyStore() {
        database.deleteAllArticles();
    }

    @Test
    void aBriefAndItsReportAssignedAtTheSameMomentEndInOneStoryAndTheMergedStoryPointsToIt() {
        List<Response> posted = SimultaneousPosts.post(pool, database, List.of(
                () -> post(REPORT_TITLE, Texts.FERRY, "2015-05-05T07:00:00Z"),
                () -> post(BRIEF_TITLE, BRIEF, "2015-05-05T11:00:00Z")));
        long reportId = posted.get(0).then().statusCode(201).extract().jsonPath().getLong("id");
        long briefId = posted.get(1).then().statusCode(201).extract().jsonPath().getLong("id");

        long story = storyOf(reportId);
        assertThat(storyOf(briefId)).isEqualTo(story);
        long merged = database.rows("SELECT id FROM story WHERE merged_into IS NOT NULL").get(0).getLong("id");
        assertThat(database.count("SELECT merged_into FROM story WHERE id = $1", merged)).isEqualTo(story);
        // The story that took the other's articles has two distinct articles now: its summary is due.
        assertThat(database.count("SELECT count(*) FROM story_summary WHERE story_id = $1", story)).isEqualTo(1);

        given().redirects().follow(false).get("/api/stories/" + merged).then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/stories/" + story));
        given().get("/api/stories/" + merged).then().statusCode(200)
                .body("storyId", org.hamcrest.Matchers.equalTo((int) story))
                .body("articleCount", org.hamcrest.Matchers.equalTo(2));

        Response feed = given().get("/api/feed").then().statusCode(200).extract().response();
        assertThat(feed.jsonPath().getList("items.storyId", Long.class)).containsExactly(story);
        List<Map<String, Object>> articles = feed.jsonPath().getList("items[0].articles");
        assertThat(articles).extracting(a -> ((Number) a.get("id")).longValue())
                .containsExactlyInAnyOrder(reportId, briefId);
        // The first article of the story merged away is first no more: it points at the article it matched.
        Map<String, Object> reportView = article(reportId);
        Map<String, Object> briefView = article(briefId);
        Map<String, Object> joined = reportView.get("duplicateOf") != null ? reportView : briefView;
        Map<String, Object> first = joined == reportView ? briefView : reportView;
        assertThat(first.get("duplicateOf")).isNull();
        assertThat(((Number) joined.get("duplicateOf")).longValue())
                .isEqualTo(((Number) first.get("id")).longValue());
        assertThat(joined.get("duplicateKind")).isEqualTo("SAME_STORY");
        assertThat((String) joined.get("duplicateReason")).startsWith("Story merged after both were written. "
                + "Same event: same names:");
    }

    private static Map<String, Object> article(long id) {
        return given().get("/api/articles/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private long storyOf(long articleId) {
        return given().get("/api/articles/" + articleId).then().statusCode(200).extract().jsonPath()
                .getLong("storyId");
    }

    private static Response post(String title, String body, String publishedAt) {
        return ArticlePosts.post(Map.of("title", title, "body", body, "source", "example.org",
                "publishedAt", publishedAt, "url", ArticlePosts.newUrl("example.org")));
    }
}
