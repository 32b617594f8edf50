package io.newsdesk.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.testing.Texts;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two packaged instances on one PostgreSQL, fed overlapping copies of the same events at the same time. */
class TwoInstancesOnOneDatabaseIT {

    private static final int EVENTS = 5;

    @Test
    void overlappingCopiesPostedToBothInstancesEndInOneStoryPerEvent() throws Exception {
        Path dir = Files.createTempDirectory("newsdesk-two-instances");
        int port = EmbeddedPostgres.start(dir.resolve("postgres"), dir.resolve("postgres-binaries"), 0);
        String[] database = {
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:" + port + "/postgres",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "-Dquarkus.datasource.username=postgres"};
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        try (PackagedService a = PackagedService.start(dir.resolve("a"), database);
                PackagedService b = PackagedService.start(dir.resolve("b"), database)) {
            record Post(int event, String baseUri, String title, String body) {
            }
            List<Post> posts = new ArrayList<>();
            for (int event = 0; event < EVENTS; event++) {
                String text = Texts.article(27 + event);
                List<String> versions = List.of(text, Texts.cutShort(text, 0.6),
                        Texts.lightlyEdited(text, 2), "UPDATED: " + text);
                for (int v = 0; v < versions.size(); v++) {
                    // Each event's versions alternate between the instances.
                    posts.add(new Post(event, (v % 2 == 0 ? a : b).baseUri(), "Event " + event + " v" + v,
                            versions.get(v)));
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            Map<Integer, Set<Long>> storiesByEvent = new HashMap<>();
            try {
                List<Callable<Response>> calls = posts.stream().<Callable<Response>>map(post -> () -> given()
                        .baseUri(post.baseUri()).contentType(ContentType.JSON)
                        .body(Map.of("title", post.title(), "body", post.body(), "publishedAt", "2015-08-01T08:00:00Z",
                                "url", "https://site" + UUID.randomUUID().toString().substring(0, 6) + ".example/a"))
                        .post("/api/articles")).toList();
                List<Future<Response>> answers = pool.invokeAll(calls);
                for (int i = 0; i < posts.size(); i++) {
                    Response answer = answers.get(i).get();
                    assertThat(answer.statusCode()).isIn(201, 202);
                    storiesByEvent.computeIfAbsent(posts.get(i).event(), e -> new HashSet<>())
                            .add(answer.jsonPath().getLong("storyId"));
                }
            } finally {
                pool.shutdownNow();
            }
            Set<Long> allStories = new HashSet<>();
            storiesByEvent.forEach((event, stories) -> {
                assertThat(stories).as("stories of event %d", event).hasSize(1);
                allStories.addAll(stories);
            });
            assertThat(allStories).hasSize(EVENTS);
            try (Connection sql = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    "postgres", "")) {
                assertThat(count(sql, "SELECT count(*) FROM article")).isEqualTo(posts.size());
                assertThat(count(sql, "SELECT count(*) FROM story")).isEqualTo(EVENTS);
                assertThat(count(sql, "SELECT count(*) FROM story WHERE article_count = 4")).isEqualTo(EVENTS);
                assertThat(count(sql, "SELECT count(*) FROM article WHERE duplicate_of IS NULL")).isEqualTo(EVENTS);
            }
        } finally {
            EmbeddedPostgres.stop();
        }
    }

    private static long count(Connection sql, String query) throws Exception {
        try (ResultSet rows = sql.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
