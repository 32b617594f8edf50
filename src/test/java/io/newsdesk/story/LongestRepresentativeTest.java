package io.newsdesk.story;

import static io.newsdesk.story.StoryPosts.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.newsdesk.testing.Database;
import io.newsdesk.testing.EvalArticles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** newsdesk.story.representative=longest: the fullest write-up stands for the story, whichever came first. */
@QuarkusTest
@TestProfile(LongestRepresentativeTest.Longest.class)
class LongestRepresentativeTest {

    public static class Longest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.story.representative", "longest");
        }
    }

    @Inject
    Database database;

    @Test
    void theLongestArticleRepresentsTheStory() {
        database.deleteAllArticles();
        String text = EvalArticles.cnndm(230);
        Response shortFirst = post("Short version", EvalArticles.cutShort(text, 0.6), "longest.example",
                "2015-10-01T08:00:00Z");
        Response full = post("Full version", text, "longest.example", "2015-10-01T09:00:00Z");

        given().get("/api/stories/{id}", shortFirst.jsonPath().getLong("storyId")).then().statusCode(200)
                .body("articleCount", equalTo(2))
                .body("representative.rule", equalTo("longest"))
                .body("representative.articleId", equalTo(full.path("id")))
                .body("title", equalTo("Full version"));
    }
}
