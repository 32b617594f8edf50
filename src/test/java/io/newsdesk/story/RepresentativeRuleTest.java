package io.newsdesk.story;

import static io.newsdesk.story.StoryPosts.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.newsdesk.testing.Database;
import io.newsdesk.testing.Texts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Which article stands for its story. The service applies the configured rule (earliest by default, seen through
 * the API); the other rules' ORDER BY is checked on the same stored story, so that no test needs a restart with
 * another newsdesk.story.representative.
 */
@QuarkusTest
class RepresentativeRuleTest {

    @Inject
    Database database;

    @Test
    void eachRulePicksItsArticleOfTheSameStory() {
        database.deleteAllArticles();
        String wire = Texts.article(26);
        Response shortTake = post("Early short take", Texts.cutShort(wire, 0.6), "early.example",
                "2015-10-02T08:00:00Z");
        Response original = post("Wire story", wire, "wire.example", "2015-10-02T09:00:00Z");
        post("Wire story", wire, "outlet-one.example", "2015-10-02T10:00:00Z").then()
                .body("duplicateOf", equalTo(original.path("id")));
        post("Wire story", wire, "outlet-two.example", "2015-10-02T11:00:00Z");
        Response longest = post("Full version", wire + "\n\nRace officials said a record eleven thousand runners "
                + "finished the course and that the prize money will be doubled next year to attract more international "
                + "athletes.", "longest.example", "2015-10-02T12:00:00Z");
        long storyId = shortTake.jsonPath().getLong("storyId");
        original.then().body("storyId", equalTo(shortTake.path("storyId")));
        longest.then().body("storyId", equalTo(shortTake.path("storyId")));

        given().get("/api/stories/{id}", storyId).then().statusCode(200)
                .body("articleCount", equalTo(5))
                .body("sourceCount", equalTo(5))
                .body("representative.rule", equalTo("earliest"))
                .body("representative.articleId", equalTo(shortTake.path("id")))
                .body("title", equalTo("Early short take"));
        assertThat(representative(storyId, RepresentativeRule.EARLIEST)).isEqualTo(shortTake.jsonPath().getLong("id"));
        assertThat(representative(storyId, RepresentativeRule.LONGEST)).isEqualTo(longest.jsonPath().getLong("id"));
        assertThat(representative(storyId, RepresentativeRule.MOST_SOURCES))
                .isEqualTo(original.jsonPath().getLong("id"));
    }

    /** The article the rule's ORDER BY puts first among the story's articles, as the service's story update does. */
    private long representative(long storyId, RepresentativeRule rule) {
        return database.count("SELECT a.id FROM article a WHERE a.story_id = $1 ORDER BY " + rule.order + " LIMIT 1",
                storyId);
    }
}
