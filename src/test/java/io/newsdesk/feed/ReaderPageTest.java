package io.newsdesk.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.testing.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader's pages as HTML over HTTP: what they list, how they page, and that article text stays text. */
@QuarkusTest
class ReaderPageTest {

    @Inject
    Database database;

    @BeforeEach
    void emptyStore() {
        database.deleteAllArticles();
    }

    @Test
    void listsStoriesNewestFirstWithTheirSummaryOutletsAndArticles() {
        List<Long> stories = ReaderPosts.seedsAndStories();
        ReaderPosts.awaitStorySummaries(stories);

        String page = given().get("/").then().statusCode(200).contentType("text/html").extract().asString();

        assertThat(page).contains("<main id=\"main\">", "<h1>Latest stories</h1>", "lang=\"en\"",
                "name=\"viewport\"");
        // Newest story first: the museum fire was posted last.
        assertThat(page.indexOf("Fire destroys workshop at Harlow rail museum"))
                .isLessThan(page.indexOf("Ferry runs aground off Northport"))
                .isLessThan(page.indexOf("US-Israel Talks Aim for Peace and Security in Gaza"));
        assertThat(page).contains("3 articles from\n    3 outlets", "wire.example <span class=\"count\">(1)</span>",
                "href=\"#article-" + stories.get(0) + "-1\"", "rel=\"noopener nofollow\"",
                "href=\"/stories/" + stories.get(0) + "\"");
        assertThat(page).doesNotContain("Older stories");
    }

    @Test
    void pagesByTheFeedsCursor() {
        ReaderPosts.seedsAndStories();
        String first = given().get("/?limit=3").then().statusCode(200).extract().asString();
        String next = first.replaceAll("(?s).*<a rel=\"next\" href=\"([^\"]+)\">Older stories</a>.*", "$1")
                .replace("&amp;", "&");
        assertThat(next).startsWith("/?limit=3&cursor=");

        String second = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().asString();

        assertThat(second).contains("<h1>Earlier stories</h1>", "<a href=\"/\">Newest stories</a>");
        assertThat(first).contains("Fire destroys workshop").doesNotContain("US-Israel Talks Aim");
        assertThat(second).doesNotContain("Fire destroys workshop");
    }

    @Test
    void oneStoryHasItsOwnPageAndAnUnknownOneIsNotFound() {
        List<Long> stories = ReaderPosts.seedsAndStories();
        String page = given().get("/stories/{id}", stories.get(1)).then().statusCode(200).extract().asString();
        assertThat(page).contains("<h1 id=\"story-" + stories.get(1) + "\">Fire destroys workshop at Harlow rail "
                + "museum</h1>", "Priya Raman");
        given().get("/stories/{id}", 999_999_999).then().statusCode(404);
    }

    @Test
    void escapesEverythingAnArticleCarries() {
        String script = "<script>alert('x')</script>";
        ArticlePosts.post(Map.of("title", "Harbour \"reopens\" " + script, "body",
                "The harbour reopened on Friday after storms <img src=x onerror=alert(1)> closed it to shipping for "
                        + "a week, officials said.", "source", "evil<b>.example",
                "url", "https://harbour.example/" + java.util.UUID.randomUUID())).then().statusCode(201);

        String page = given().get("/").then().statusCode(200).extract().asString();

        assertThat(page).doesNotContain(script, "<img src=x", "<b>.example")
                .contains("Harbour &quot;reopens&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }
}
