package io.newsdesk.story;


import io.newsdesk.testing.ArticlePosts;
import io.restassured.response.Response;
import java.util.Map;

/** Posting the articles of a story in RepresentativeRuleTest: each at its own URL on its source's host. */
final class StoryPosts {

    private StoryPosts() {
    }

    /** Posts a new article and checks it was stored and summarised (201). */
    static Response post(String title, String body, String source, String publishedAt) {
        Response response = ArticlePosts.post(Map.of("title", title, "body", body, "source", source,
                "publishedAt", publishedAt, "url", ArticlePosts.newUrl(source)));
        response.then().statusCode(201);
        return response;
    }
}
