package io.newsdesk.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.newsdesk.testing.Seeds;
import io.newsdesk.testing.Seeds.Seed;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the packaged application as a user would, twice on one data directory. */
class PackagedServiceIT {

    @Test
    void restartOnTheSameEmbeddedDataDirectoryKeepsEveryArticle() throws Exception {
        Path dataDir = Files.createTempDirectory("newsdesk-restart");
        Seed seed = Seeds.get(3);
        int id;
        String text;
        try (PackagedService service = PackagedService.start(dataDir, freePort())) {
            id = given().baseUri(service.baseUri()).contentType(ContentType.JSON)
                    .body(Map.of("title", seed.title(), "body", seed.text(), "url", "https://restart.example.org/a"))
                    .post("/api/articles").then().statusCode(201).extract().path("id");
            text = given().baseUri(service.baseUri()).get("/api/articles/{id}", id).then().statusCode(200)
                    .extract().path("text");
            System.out.printf("packaged app (embedded PostgreSQL, fresh data dir): started in %d ms, RSS %d MiB%n",
                    service.startupMillis(), service.rssKib() / 1024);
        }
        try (PackagedService service = PackagedService.start(dataDir, freePort())) {
            given().baseUri(service.baseUri()).get("/api/articles/{id}", id).then().statusCode(200)
                    .body("text", equalTo(text))
                    .body("title", equalTo(seed.title()));
            System.out.printf("packaged app (embedded PostgreSQL, existing data dir): started in %d ms, RSS %d MiB%n",
                    service.startupMillis(), service.rssKib() / 1024);
            assertThat(service.startupMillis()).isLessThan(Duration.ofMinutes(1).toMillis());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
