package io.newsdesk.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.newsdesk.testing.Database;
import io.newsdesk.testing.CheckedAgainstOpenApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@CheckedAgainstOpenApi
class ArticleValidationTest {


    private static final String TEXT = "The harbour reopened on Friday after a week of storms closed it to shipping.";

    @Inject
    Database database;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing title          | {"body": "%s", "url": "%s"}                                         | title
            blank title            | {"title": "  ", "body": "%s", "url": "%s"}                          | title
            neither body nor html  | {"title": "%s", "url": "%s"}                                        | body
            both body and html     | {"title": "%s", "body": "x", "html": "<p>x</p>", "url": "%s"}      | html
            blank body             | {"title": "%s", "body": " ", "url": "%s"}                           | body
            ftp url                | {"title": "%s", "body": "x", "url": "ftp://example.org/%s"}         | url
            relative url           | {"title": "%s", "body": "x", "url": "/news/%s"}                     | url
            unparsable date        | {"title": "%s", "body": "x", "url": "%s", "publishedAt": "yesterday"} | publishedAt
            date without offset    | {"title": "%s", "body": "x", "url": "%s", "publishedAt": "2024-04-15T10:00:00"} | publishedAt
            number as title        | {"title": 42, "body": "%s", "url": "%s"}                            | title
            object as body         | {"title": "%s", "body": {"text": "x"}, "url": "%s"}                 | body
            array as url           | {"title": "%s", "body": "x", "url": ["%s"]}                         | url
            bad language tag       | {"title": "%s", "body": "x", "url": "%s", "language": "english!"}  | language
            control char in title  | {"title": "a\\u0007%s", "body": "x", "url": "%s"}                   | title
            Hangul fillers title   | {"title": "\\u3164\\u115F\\u1160\\uFFA0", "body": "%s", "url": "%s"}   | title
            braille blank title    | {"title": "\\u2800\\u2800", "body": "%s", "url": "%s"}             | title
            ignorables as title    | {"title": "\\u034F\\uFE0F\\u00AD\\u180E", "body": "%s", "url": "%s"} | title
            """)
    void rejectsInvalidFieldWithProblemNamingIt(String name, String template, String field) {
        String marker = UUID.randomUUID().toString();
        String url = "https://invalid.example.org/" + marker;
        String json = template.contains("\"title\": \"%s\"")
                ? String.format(template, marker, url)
                : String.format(template, TEXT, url);
        given().contentType(ContentType.JSON).body(json).post("/api/articles").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        assertNothingStoredFor(marker);
    }

    @Test
    void rejectsALanguageTagOfThousandsOfSubtagsNamingTheField() {
        String marker = UUID.randomUUID().toString();
        String json = String.format("""
                {"title": "%s", "body": "%s", "url": "https://invalid.example.org/%s", "language": "en%s"}""",
                marker, TEXT, marker, "-a".repeat(300_000));
        given().contentType(ContentType.JSON).body(json).post("/api/articles").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("language"));
        assertNothingStoredFor(marker);
    }

    @Test
    void rejectsMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"title\": \"Broken\", \"body\": ").post("/api/articles").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("errors.field", hasItem("body"));
    }

    @Test
    void rejectsEmptyRequestBody() {
        given().contentType(ContentType.JSON).post("/api/articles").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsBodyOverTheLimitWith413() {
        String marker = UUID.randomUUID().toString();
        String huge = "word ".repeat(1024 * 1024 / 5 + 10);
        given().contentType(ContentType.JSON)
                .body("{\"title\": \"" + marker + "\", \"body\": \"" + huge + "\"}")
                .post("/api/articles").then()
                .statusCode(413)
                .contentType("application/problem+json");
        assertNothingStoredFor(marker);
    }

    @Test
    void refusesOtherContentEncodingsAndGzipBombs() throws Exception {
        String marker = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Content-Encoding", "br")
                .body("{\"title\": \"" + marker + "\", \"body\": \"" + TEXT + "\"}").post("/api/articles").then()
                .statusCode(415).contentType("application/problem+json")
                .body("errors.field", hasItem("Content-Encoding"));
        // 40 MB of spaces after the title decode from about 40 kB: the limit is on the decoded size.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bomb)) {
            out.write(("{\"title\": \"" + marker + "\", \"body\": \"x\"").getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                out.write(spaces);
            }
            out.write('}');
        }
        assertThat(bomb.size()).isLessThan(100_000);
        given().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(bomb.toByteArray())
                .post("/api/articles").then()
                .statusCode(413).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body("not gzip at all")
                .post("/api/articles").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        assertNothingStoredFor(marker);
    }

    @Test
    void rejectsOtherContentTypesWith415() {
        given().contentType(ContentType.TEXT).body("title=x").post("/api/articles").then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void answersUnknownIdWith404Problem() {
        given().get("/api/articles/{id}", Long.MAX_VALUE).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("No article with id"));
    }

    @Test
    void rejectsHtmlWithoutAnyText() {
        String marker = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .body("{\"title\": \"" + marker + "\", \"html\": \"<script>x()</script><nav><a href=/>Home</a></nav>\"}")
                .post("/api/articles").then()
                .statusCode(400)
                .body("errors.field", hasItem("html"));
        assertNothingStoredFor(marker);
    }

    private void assertNothingStoredFor(String marker) {
        assertThat(database.count("SELECT count(*) FROM article WHERE title LIKE $1 OR url LIKE $1 OR text LIKE $1",
                "%" + marker + "%")).isZero();
    }
}
