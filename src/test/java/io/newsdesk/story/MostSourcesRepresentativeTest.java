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

/**
 * newsdesk.story.representative=most-sources: the text that most outlets carried (the wire original and its
 * copies) stands for the story, not the short take that happened to be published first.
 */
@QuarkusTest
@TestProfile(MostSourcesRepresentativeTest.MostSources.class)
class MostSourcesRepresentativeTest {

    public static class MostSources implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.story.representative", "most-sources");
        }
    }

    @Inject
    Database database;

    @Test
    void theTextCarriedByTheMostSourcesRepresentsTheStory() {
        database.deleteAllArticles();
        String wire = EvalArticles.cnndm(231);
        Response shortTake = post("Early short take", EvalArticles.cutShort(wire, 0.6), "early.example",
                "2015-10-02T08:00:00Z");
        Response original = post("Wire story", wire, "wire.example", "2015-10-02T09:00:00Z");
        post("Wire story", wire, "outlet-one.example", "2015-10-02T10:00:00Z").then()
                .body("duplicateOf", equalTo(original.path("id")));
        post("Wire story", wire, "outlet-two.example", "2015-10-02T11:00:00Z");
        long storyId = shortTake.jsonPath().getLong("storyId");
        original.then().body("storyId", equalTo(shortTake.path("storyId")));

        given().get("/api/stories/{id}", storyId).then().statusCode(200)
                .body("articleCount", equalTo(4))
                .body("sourceCount", equalTo(4))
                .body("representative.rule", equalTo("most-sources"))
                .body("representative.articleId", equalTo(original.path("id")))
                .body("representative.source", equalTo("wire.example"))
                .body("title", equalTo("Wire story"));
    }
}
