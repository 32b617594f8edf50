package io.newsdesk.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.newsdesk.testing.Database;
import io.newsdesk.testing.CheckedAgainstOpenApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CheckedAgainstOpenApi
class ArticleListTest {


    @Inject
    Database database;

    @BeforeEach
    void startFromAnEmptyStore() {
        // An article posted by an earlier test would make this one a copy, answered with that one's summary.
        database.deleteAllArticles();
    }

    @Test
    void pagesNewestFirstWithCursorAndNoGapsWhileArticlesArrive() {
        String source = "paging-" + UUID.randomUUID();
        List<Integer> ids = new ArrayList<>();
        for (int hour = 0; hour < 7; hour++) {
            ids.add(postAt(source, String.format("2024-05-01T%02d:00:00Z", hour)));
        }
        // Two articles at the same instant are ordered by id, so none is lost at a page boundary.
        ids.add(postAt(source, "2024-05-01T03:00:00Z"));

        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = given().queryParam("source", source).queryParam("limit", 3)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/articles").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Integer.class));
            cursor = page.getString("nextCursor");
            if (pages++ == 0) {
                postAt(source, "2024-05-01T23:00:00Z"); // newer than everything: must not shift later pages
            }
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(ids.get(6), ids.get(5), ids.get(4), ids.get(7), ids.get(3), ids.get(2),
                ids.get(1), ids.get(0));
    }

    @Test
    void filtersBySinceAndUntil() {
        String source = "window-" + UUID.randomUUID();
        postAt(source, "2024-06-01T10:00:00Z");
        int inside = postAt(source, "2024-06-02T10:00:00Z");
        postAt(source, "2024-06-03T10:00:00Z");

        given().queryParam("source", source)
                .queryParam("since", "2024-06-02T00:00:00Z").queryParam("until", "2024-06-03T00:00:00+00:00")
                .get("/api/articles").then().statusCode(200)
                .body("items.id", equalTo(List.of(inside)))
                .body("nextCursor", nullValue());
    }

    @Test
    void rejectsInvalidParametersByName() {
        given().queryParam("limit", 101).get("/api/articles").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().queryParam("limit", "ten").get("/api/articles").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "not-a-cursor").get("/api/articles").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        given().queryParam("since", "last week").get("/api/articles").then().statusCode(400)
                .body("errors.field", hasItem("since"));
        // Well formed, but its timestamp (year 294277) is beyond PostgreSQL's: once a 500 "timestamp out of range".
        given().queryParam("cursor", "KzI5NDI3Ny0wMS0wMVQwMDowMDowMFp8MQ").get("/api/articles").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
    }

    private static int postAt(String source, String publishedAt) {
        String marker = UUID.randomUUID().toString();
        return given().contentType(ContentType.JSON)
                .body(Map.of("title", "Story " + marker, "source", source, "publishedAt", publishedAt,
                        "body", "A report filed at " + publishedAt + " about event " + marker
                                + ". Officials confirmed the details later that day."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }
}
