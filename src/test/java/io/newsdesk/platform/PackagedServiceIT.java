package io.newsdesk.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsdesk.testing.Seeds;
import io.newsdesk.testing.Seeds.Seed;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs the packaged application as a user would. */
class PackagedServiceIT {

    @Test
    void restartOnTheSameEmbeddedDataDirectoryKeepsEveryArticle() throws Exception {
        Path dataDir = Files.createTempDirectory("newsdesk-restart");
        Seed seed = Seeds.get(3);
        int id;
        String text;
        try (PackagedService service = PackagedService.start(dataDir)) {
            id = given().baseUri(service.baseUri()).contentType(ContentType.JSON)
                    .body(Map.of("title", seed.title(), "body", seed.text(), "url", "https://restart.example.org/a"))
                    .post("/api/articles").then().statusCode(201).extract().path("id");
            text = given().baseUri(service.baseUri()).get("/api/articles/{id}", id).then().statusCode(200)
                    .extract().path("text");
            System.out.printf("packaged app (embedded PostgreSQL, fresh data dir): ready in %d ms, RSS %d MiB%n",
                    service.startupMillis(), service.rssKib() / 1024);
        }
        try (PackagedService service = PackagedService.start(dataDir)) {
            given().baseUri(service.baseUri()).get("/api/articles/{id}", id).then().statusCode(200)
                    .body("text", equalTo(text))
                    .body("title", equalTo(seed.title()))
                    .body("summaryStatus", equalTo("READY"));
            System.out.printf("packaged app (embedded PostgreSQL, existing data dir): ready in %d ms, RSS %d MiB%n",
                    service.startupMillis(), service.rssKib() / 1024);
        }
    }

    @Test
    void refusesToStartOnContradictorySettings() throws Exception {
        Path dataDir = Files.createTempDirectory("newsdesk-contradiction");
        PackagedService.Exit exit = PackagedService.expectStartFailure(dataDir,
                "-Dnewsdesk.summary.fallback-to-extractive=true");
        assertThat(exit.code()).isNotZero();
        assertThat(exit.log()).contains("contradictory settings", "newsdesk.summary.fallback-to-extractive");
    }

    @Test
    void refusesToStartOnAValueOutsideItsConstraint() throws Exception {
        Path dataDir = Files.createTempDirectory("newsdesk-constraint");
        PackagedService.Exit exit = PackagedService.expectStartFailure(dataDir,
                "-Dnewsdesk.dedup.candidate-cosine=1.5");
        assertThat(exit.code()).isNotZero();
        assertThat(exit.log()).contains("newsdesk.dedup.candidate-cosine", "less than or equal to 1");
    }

    /** As in a read-only container: only the data directory is writable (the JVM's temp dir placed inside it). */
    @Test
    void runsWithOnlyTheDataDirectoryWritable() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv to run as an unprivileged user");
        Path root = Files.createTempDirectory("newsdesk-readonly");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path readOnlyWorkDir = Files.createDirectory(root.resolve("workdir"));
        Path dataDir = Files.createDirectories(root.resolve("data/tmp")).getParent();
        UserPrincipal nobody = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.toList()) {
                Files.setOwner(path, nobody);
            }
        }
        List<String> asNobody = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "env", "HOME=/nonexistent");
        Path app = copyOfTheApplication(root.resolve("app"));
        try (PackagedService service = PackagedService.start(dataDir, asNobody, readOnlyWorkDir, app,
                "-Djava.io.tmpdir=" + dataDir.resolve("tmp"))) {
            Seed seed = Seeds.get(0);
            given().baseUri(service.baseUri()).contentType(ContentType.JSON)
                    .body(Map.of("title", seed.title(), "body", seed.text()))
                    .post("/api/articles").then().statusCode(201)
                    .body("summaryStatus", equalTo("READY"))
                    .body("summarizer", equalTo("extractive"));
        }
        assertThat(Files.list(readOnlyWorkDir)).isEmpty();
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        assertThat(dataDir.resolve("djl")).isDirectory();
    }

    /** A world-readable copy of target/quarkus-app, wherever the checkout lives. */
    private static Path copyOfTheApplication(Path target) throws IOException {
        Path source = PackagedService.jar().getParent();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(file, copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        return target.resolve(PackagedService.jar().getFileName().toString());
    }
}
