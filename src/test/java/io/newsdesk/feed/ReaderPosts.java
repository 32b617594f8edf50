package io.newsdesk.feed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.testing.Seeds;
import io.newsdesk.testing.Stories;
import io.newsdesk.testing.Stories.Report;
import io.newsdesk.testing.Stories.Story;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the reader's page tests show: the seeds and the multi-outlet stories, posted through the API. */
final class ReaderPosts {

    private ReaderPosts() {
    }

    /** Posts the five seeds, then each story's reports; returns the story ids of {@link Stories#ALL}. */
    static List<Long> seedsAndStories() {
        for (Seeds.Seed seed : Seeds.all()) {
            ArticlePosts.post(Map.of("title", seed.title(), "body", seed.text(), "publishedAt",
                    "2024-04-16T08:00:00Z", "url", ArticlePosts.newUrl("seeds.example"), "source", "seeds.example"))
                    .then().statusCode(201);
        }
        List<Long> storyIds = new ArrayList<>();
        for (Story story : Stories.ALL) {
            long storyId = -1;
            for (Report report : story.reports()) {
                Response response = ArticlePosts.post(Map.of("title", report.title(), "body", report.text(),
                        "source", report.source(), "publishedAt", report.publishedAt(),
                        "url", ArticlePosts.newUrl(report.source())));
                response.then().statusCode(201);
                storyId = response.jsonPath().getLong("storyId");
            }
            storyIds.add(storyId);
        }
        return storyIds;
    }

    /** Waits until each story's summary covers its current articles. */
    static void awaitStorySummaries(List<Long> storyIds) {
        for (long storyId : storyIds) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "READY".equals(given()
                    .get("/api/stories/{id}", storyId).then().extract().jsonPath().getString("storySummary.status")));
        }
    }
}
