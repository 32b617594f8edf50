package io.newsdesk.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/** POST /api/articles as a client sends it, for the HTTP tests. */
public final class ArticlePosts {

    private ArticlePosts() {
    }

    /** Posts the article JSON object as it is. */
    public static Response post(Map<String, ?> article) {
        return given().contentType(ContentType.JSON).body(article).post("/api/articles");
    }

    /** Posts a plain-text article published at {@code publishedAt} (RFC 3339) under {@code url}. */
    public static Response post(String title, String body, String publishedAt, String url) {
        return post(Map.of("title", title, "body", body, "publishedAt", publishedAt, "url", url));
    }

    /** A URL of its own on {@code host}. */
    public static String newUrl(String host) {
        return "https://" + host + "/" + UUID.randomUUID();
    }
}
