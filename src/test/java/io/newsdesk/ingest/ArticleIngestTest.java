package io.newsdesk.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.CheckedAgainstOpenApi;
import io.newsdesk.testing.Seeds.Seed;
import io.newsdesk.testing.Seeds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CheckedAgainstOpenApi
class ArticleIngestTest {


    @Inject
    Database database;
    @Inject
    IngestAdmission admission;

    @BeforeEach
    void startFromAnEmptyStore() {
        // An article posted by an earlier test would make this one a copy, answered with that one's summary.
        database.deleteAllArticles();
    }

    @Test
    void storesEachSeedAndReadsItBack() {
        for (Seed seed : Seeds.all()) {
            String url = "https://news.example.org/" + UUID.randomUUID() + "/" + seed.name();
            Map<String, Object> article = Map.of("title", seed.title(), "body", seed.text(), "url", url,
                    "publishedAt", "2024-04-16T08:00:00+02:00");

            Response created = post(article);
            created.then().statusCode(201)
                    .header("Location", endsWith("/api/articles/" + created.path("id")))
                    .body("title", equalTo(seed.title()))
                    .body("url", equalTo(url))
                    .body("source", equalTo("news.example.org"))
                    .body("publishedAt", equalTo("2024-04-16T06:00:00Z"))
                    .body("receivedAt", notNullValue())
                    .body("language", equalTo("en"));
            long id = created.jsonPath().getLong("id");

            given().get("/api/articles/{id}", id).then().statusCode(200)
                    .body("id", equalTo((int) id))
                    .body("text", equalTo(created.path("text")));
            Row row = database.rows("SELECT raw_content, raw_format, text FROM article WHERE id = $1", id).get(0);
            assertThat(row.getString("raw_content")).isEqualTo(seed.text());
            assertThat(row.getString("raw_format")).isEqualTo("text");
            assertThat(row.getString("text")).isEqualTo(created.path("text")).isNotBlank();
        }
    }

    @Test
    void sameCanonicalUrlReturnsTheStoredArticleWithoutSecondRow() {
        String path = "/world/" + UUID.randomUUID();
        Response first = post(article("Ceasefire talks resume", "https://News.Example.org" + path + "?id=7"));
        first.then().statusCode(201);

        String sameArticle = "HTTPS://news.example.org" + path + "/?utm_source=feed&id=7&fbclid=abc#comments";
        post(article("Ceasefire talks resume (updated)", sameArticle)).then().statusCode(200)
                .body("id", equalTo(first.path("id")))
                .body("title", equalTo("Ceasefire talks resume"));

        assertThat(database.count("SELECT count(*) FROM article WHERE canonical_url = $1",
                "https://news.example.org" + path + "?id=7")).isEqualTo(1);
    }

    @Test
    void withoutUrlSameTitleAndTextReturnsTheStoredArticle() {
        String title = "Council approves budget " + UUID.randomUUID();
        Map<String, Object> article = Map.of("title", title, "body", paragraphs());
        Response first = post(article);
        first.then().statusCode(201);

        post(Map.of("title", title.toUpperCase(), "body", "  " + paragraphs().replace(" ", "  ")))
                .then().statusCode(200).body("id", equalTo(first.path("id")));
        post(Map.of("title", title, "body", paragraphs() + "\n\nA correction was appended to this story later."))
                .then().statusCode(201);

        assertThat(database.count("SELECT count(*) FROM article WHERE lower(title) = lower($1)", title))
                .isEqualTo(2);
    }

    @Test
    void concurrentIdenticalPostsStoreOneRow() throws Exception {
        String url = "https://wire.example.com/story/" + UUID.randomUUID();
        Map<String, Object> article = article("Storm makes landfall", url);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                posts.add(() -> post(article));
            }
            List<Integer> statuses = new ArrayList<>();
            Map<Object, Integer> ids = new HashMap<>();
            for (Future<Response> answer : clients.invokeAll(posts)) {
                statuses.add(answer.get().statusCode());
                ids.merge(answer.get().path("id"), 1, Integer::sum);
            }
            assertThat(statuses).containsOnly(201, 200);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
            assertThat(ids).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(database.count("SELECT count(*) FROM article WHERE canonical_url = $1", url)).isEqualTo(1);
    }

    @Test
    void defaultsSourceToHostAndPublishedAtToReceivedTime() {
        Instant before = Instant.now();
        Response created = post(Map.of("title", "Markets rally", "body", paragraphs(),
                "url", "https://www.Markets.example.net/a/" + UUID.randomUUID()));
        created.then().statusCode(201).body("source", equalTo("markets.example.net"));
        Instant publishedAt = Instant.parse(created.path("publishedAt"));
        assertThat(publishedAt).isEqualTo(Instant.parse(created.path("receivedAt")));
        assertThat(publishedAt).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void keepsGivenSourceAndLanguage() {
        post(Map.of("title", "Le conseil vote le budget", "body", paragraphs(), "source", "Le Monde",
                "language", "FR", "url", "https://lemonde.example.fr/" + UUID.randomUUID()))
                .then().statusCode(201)
                .body("source", equalTo("Le Monde"))
                .body("language", equalTo("fr"));
    }

    @Test
    void turnsHtmlIntoCleanText() {
        String html = """
                <!doctype html><html><head><title>Bridge reopens</title><script>track()</script></head>
                <body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
                <article><h1>Bridge reopens after repairs</h1>
                <p>The bridge over the river reopened on Monday after eight months of repairs &amp; inspections.</p>
                <p>Officials said traffic would be limited to two lanes until the end of the month.</p></article>
                <footer>© 2024 Example Media. All rights reserved.</footer></body></html>""";
        Response created = post(Map.of("title", "Bridge reopens after repairs", "html", html,
                "url", "https://city.example.org/" + UUID.randomUUID()));
        created.then().statusCode(201)
                .body("text", containsString("repairs & inspections."))
                .body("text", containsString("limited to two lanes"));
        String text = created.path("text");
        assertThat(text).doesNotContain("track()", "Home", "All rights reserved", "<p>");
        long id = created.jsonPath().getLong("id");
        assertThat(database.rows("SELECT raw_format, raw_content FROM article WHERE id = $1", id).get(0)
                .getString("raw_content")).isEqualTo(html);
    }

    @Test
    void storesAndServesTheUrlWithoutCredentials() {
        String path = "/a/" + UUID.randomUUID();
        Response created = post(Map.of("title", "Ferry timetable changes", "body", paragraphs(),
                "url", "https://editor:s3cret@ferries.example.org" + path + "?page=2"));
        created.then().statusCode(201)
                .body("url", equalTo("https://ferries.example.org" + path + "?page=2"))
                .body("canonicalUrl", equalTo("https://ferries.example.org" + path + "?page=2"));
        long id = created.jsonPath().getLong("id");
        assertThat(database.rows("SELECT url, raw_content FROM article WHERE id = $1", id).get(0).getString("url"))
                .isEqualTo("https://ferries.example.org" + path + "?page=2");
        given().accept("application/feed+json").get("/api/feed").then().statusCode(200)
                .body(not(containsString("s3cret")));
    }

    @Test
    void acceptsAGzippedBody() throws IOException {
        String title = "Gzipped " + UUID.randomUUID();
        byte[] json = ("{\"title\": \"" + title + "\", \"body\": \"" + paragraphs().replace("\n", "\\n") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(json);
        }
        given().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(gzipped.toByteArray())
                .post("/api/articles").then().statusCode(201).body("title", equalTo(title));
        assertThat(database.count("SELECT count(*) FROM article WHERE title = $1", title)).isOne();
    }

    @Test
    void aPostBeyondTheArticlesIngestCanWorkOnIsAnswered503WithRetryAfterAndNothingStored() {
        List<IngestAdmission.Ticket> busy = new ArrayList<>();
        try {
            for (int i = 0; i < admission.limit(); i++) {
                busy.add(admission.admit(0));
            }
            Response refused = post(article("Budget approved", "https://news.example.org/refused"));
            refused.then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503))
                    .body("title", equalTo("Too busy"));
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
            assertThat(database.count("SELECT count(*) FROM article")).isZero();

            busy.remove(0).close();
            post(article("Budget approved", "https://news.example.org/admitted")).then().statusCode(201);
            assertThat(database.count("SELECT count(*) FROM article")).isOne();
        } finally {
            busy.forEach(IngestAdmission.Ticket::close);
        }
    }

    @Test
    void aLongArticleWeighsMorePlacesInTheGateThanANewsArticle() {
        List<IngestAdmission.Ticket> busy = new ArrayList<>();
        try {
            for (int i = 0; i < admission.limit() - 2; i++) {
                busy.add(admission.admit(0));
            }
            // Two places left: a body of 128 KiB and more weighs three.
            String longBody = (paragraphs() + "\n\n").repeat(2 * 64 * 1024 / paragraphs().length() + 1);
            post(Map.of("title", "Budget approved at length", "body", longBody,
                    "url", "https://news.example.org/long")).then().statusCode(503).body("title", equalTo("Too busy"));
            post(article("Budget approved", "https://news.example.org/short")).then().statusCode(201);
            assertThat(database.count("SELECT count(*) FROM article")).isOne();
        } finally {
            busy.forEach(IngestAdmission.Ticket::close);
        }
    }

    @Test
    void thePlacesOfAHeavyArticleAreAtMostAQuarterOfTheGateAndAllComeBack() {
        List<IngestAdmission.Ticket> busy = new ArrayList<>();
        try {
            IngestAdmission.Ticket heavy = admission.admit(10L * 1024 * 1024);
            busy.add(heavy);
            int quarter = Math.max(1, admission.limit() / 4);
            for (int i = 0; i < admission.limit() - quarter; i++) {
                busy.add(admission.admit(0));
            }
            assertThatThrownBy(() -> admission.admit(0)).isInstanceOf(io.newsdesk.api.ProblemException.class);

            heavy.close();
            for (int i = 0; i < quarter; i++) {
                busy.add(admission.admit(0));
            }
        } finally {
            busy.forEach(IngestAdmission.Ticket::close);
        }
    }

    static Response post(Map<String, Object> article) {
        return ArticlePosts.post(article);
    }

    static Map<String, Object> article(String title, String url) {
        return Map.of("title", title, "body", paragraphs(), "url", url);
    }

    static String paragraphs() {
        return """
                The city council approved the annual budget on Tuesday after a debate that lasted late into the night.

                The plan raises spending on schools and public transport while holding property taxes flat for a third year.

                Opposition members said the figures relied on optimistic forecasts of tourism revenue.""";
    }
    /**
     * The story embedding embeds the title and the lead sentences; the extractive summary then embeds the article's
     * sentences, the lead among them: those come from the recent-embeddings cache, not from the model again.
     */
    @Test
    void aNewArticleEmbedsOnlyItsHeadlineAndLeadWithTheModel() {
        Seed seed = Seeds.all().get(1);
        double embeddedBefore = recentEmbeddings("");

        ArticlePosts.post(Map.of("title", seed.title(), "body", seed.text(),
                "url", "https://news.example.org/" + UUID.randomUUID())).then().statusCode(201)
                .body("summaryStatus", equalTo("READY")).body("summarizer", equalTo("extractive"));

        // The story embedding's headline and three lead sentences; the summary's sentences use lexical vectors.
        assertThat(recentEmbeddings("") - embeddedBefore).isEqualTo(4);
    }

    @Test
    void aRepeatedPostIsAnsweredFromTheStoreWithoutFingerprintingItAgain() {
        Seed seed = Seeds.all().get(2);
        Map<String, String> article = Map.of("title", seed.title(), "body", seed.text(),
                "url", "https://news.example.org/" + UUID.randomUUID());
        long id = ArticlePosts.post(article).then().statusCode(201).extract().jsonPath().getLong("id");
        double embeddedBefore = recentEmbeddings("");

        ArticlePosts.post(article).then().statusCode(200).body("id", equalTo((int) id));

        assertThat(recentEmbeddings("") - embeddedBefore).isZero();
    }

    @Test
    void aSyndicatedCopysStoryEmbeddingIsServedFromTheRecentTexts() {
        Seed seed = Seeds.all().get(0);
        Map<String, String> article = Map.of("title", seed.title(), "body", seed.text());
        ArticlePosts.post(with(article, "url", "https://news.example.org/" + UUID.randomUUID())).then()
                .statusCode(201);
        double hitsBefore = recentEmbeddings("hit");

        ArticlePosts.post(with(article, "url", "https://copies.example.net/" + UUID.randomUUID())).then()
                .statusCode(201).body("duplicateOf", notNullValue());

        // The headline and the three lead sentences, computed for the original.
        assertThat(recentEmbeddings("hit") - hitsBefore).isGreaterThanOrEqualTo(4);
    }

    private static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> copy = new HashMap<>(fields);
        copy.put(key, value);
        return copy;
    }

    /** Texts asked of the in-process model so far: those served from the recent ones ("hit"), or all (""). */
    private static double recentEmbeddings(String result) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("cache_gets_total{")
                        && line.contains("cache=\"newsdesk.embeddings.recent\"")
                        && line.contains("result=\"" + result))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
