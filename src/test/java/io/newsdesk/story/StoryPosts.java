package io.newsdesk.story;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/** Posting the articles of a story in the representative-rule tests: each at its own URL on its source's host. */
final class StoryPosts {

    private StoryPosts() {
    }

    /** Posts a new article and checks it was stored and summarised (201). */
    static Response post(String title, String body, String source, String publishedAt) {
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("title", title, "body", body, "source", source, "publishedAt", publishedAt,
                        "url", "https://" + source + "/" + UUID.randomUUID()))
                .post("/api/articles");
        response.then().statusCode(201);
        return response;
    }
}
