package io.newsdesk.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.Resources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole pages in: as the html field or as a raw text/html body, with the page's own metadata filling the gaps. */
@QuarkusTest
class PageIngestTest {

    @Inject
    Database database;

    @BeforeEach
    void startFromAnEmptyStore() {
        database.deleteAllArticles();
    }

    @Test
    void takesTitleDateUrlLanguageAuthorAndSiteFromJsonLd() {
        Response created = ArticlePosts.post(Map.of("html", Resources.text("pages/jsonld-article.html")));

        created.then().statusCode(201)
                .body("title", equalTo("Harbour reopens after a week of storms"))
                .body("publishedAt", equalTo("2024-03-08T06:15:00Z"))
                .body("url", equalTo("https://coastal.example/news/harbour-reopens"))
                .body("canonicalUrl", equalTo("https://coastal.example/news/harbour-reopens"))
                .body("source", equalTo("coastal.example"))
                .body("language", equalTo("en-gb"))
                .body("author", equalTo("Ana Ribeiro, Tom Hale"))
                .body("siteName", equalTo("The Coastal Times"))
                .body("text", containsString("Fishermen, who lost a week of work"))
                .body("text", not(containsString("All rights reserved")))
                .body("text", not(containsString("Harbour reopens after a week of storms")));
        Row row = database.rows("SELECT author, site_name, raw_format FROM article WHERE id = $1",
                created.jsonPath().getLong("id")).get(0);
        assertThat(row.getString("author")).isEqualTo("Ana Ribeiro, Tom Hale");
        assertThat(row.getString("site_name")).isEqualTo("The Coastal Times");
        assertThat(row.getString("raw_format")).isEqualTo("html");

        // The canonical URL found in the page is the idempotency key: the same page again is the same article.
        ArticlePosts.post(Map.of("html", Resources.text("pages/jsonld-article.html"))).then().statusCode(200)
                .body("id", equalTo(created.path("id")));
        assertThat(database.count("SELECT count(*) FROM article")).isEqualTo(1);
    }

    @Test
    void aPageNestedThousandsOfElementsDeepIsStillAnArticle() {
        // 25 KB of <div>: deep enough to exhaust the stack of a recursive DOM walk (Readability4J's).
        String page = "<html><head><title>Deep page</title></head><body>" + "<div>".repeat(5000)
                + "<p>The harbour reopened on Friday after a week of storms, port officials said.</p>";

        ArticlePosts.post(Map.of("html", page)).then().statusCode(201)
                .body("title", equalTo("Deep page"))
                .body("text", equalTo("The harbour reopened on Friday after a week of storms, port officials said."));
    }

    @Test
    void theRequestsOwnFieldsWinOverThePagesMetadata() {
        String url = "https://coastal.example/" + UUID.randomUUID();
        ArticlePosts.post(Map.of("html", Resources.text("pages/jsonld-article.html"), "title", "Harbour open again",
                        "url", url, "publishedAt", "2024-03-09T10:00:00Z", "language", "pt", "author", "Desk",
                        "siteName", "Coastal"))
                .then().statusCode(201)
                .body("title", equalTo("Harbour open again"))
                .body("url", equalTo(url))
                .body("publishedAt", equalTo("2024-03-09T10:00:00Z"))
                .body("language", equalTo("pt"))
                .body("author", equalTo("Desk"))
                .body("siteName", equalTo("Coastal"));
    }

    @Test
    void readsOpenGraphOnlyPagesAndCanonicalisesTheirUrl() {
        ArticlePosts.post(Map.of("html", Resources.text("pages/open-graph-only.html"))).then().statusCode(201)
                .body("title", equalTo("Council approves new cycle lanes"))
                .body("canonicalUrl", equalTo("https://gazette.example/2024/05/cycle-lanes"))
                .body("publishedAt", equalTo("2024-05-02T16:40:00Z"))
                .body("language", equalTo("de-de"))
                .body("author", equalTo("Jonas Weber"))
                .body("siteName", equalTo("Riverside Gazette"))
                .body("text", containsString("Der Stadtrat hat am Donnerstag"))
                .body("text", not(containsString("Teilen")));
    }

    @Test
    void aPageWithoutMetadataNeedsATitle() {
        String page = Resources.text("pages/no-metadata.html");
        ArticlePosts.post(Map.of("html", page)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("title"));

        ArticlePosts.post(Map.of("html", page, "title", "Wind power record")).then().statusCode(201)
                .body("title", equalTo("Wind power record"))
                .body("author", nullValue())
                .body("siteName", nullValue())
                .body("language", equalTo("en"))
                .body("text", containsString("Wind turbines off the northern coast"));
    }

    @Test
    void rawPagesAreDecodedFromTheirDeclaredCharset() {
        rawPage(Resources.bytes("pages/windows-1252.html"), "text/html", "https://cafe.example/terraces")
                .then().statusCode(201)
                .body("title", equalTo("Café owners welcome the new terrace rules"))
                .body("url", equalTo("https://cafe.example/terraces"))
                .body("text", containsString("council’s decision"))
                .body("text", containsString("€1,200"));

        rawPage(Resources.bytes("pages/shift_jis.html"), "text/html", null).then().statusCode(201)
                .body("title", equalTo("港が再開"))
                .body("language", equalTo("ja"))
                .body("text", containsString("港湾当局が発表しました"));
    }

    @Test
    void theContentTypeCharsetWinsAndUndecodableBytesAreRefused() {
        byte[] utf8 = "<html><head><meta charset=\"windows-1252\"><title>Zürich votes</title></head><body><p>Zürich voted on Sunday to extend the tram line to the airport by 2030.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        rawPage(utf8, "text/html; charset=utf-8", "https://zurich.example/tram").then().statusCode(201)
                .body("title", equalTo("Zürich votes"));

        byte[] latin1 = "<title>Café</title><p>Le café du coin ferme ses portes après quarante ans.</p>"
                .getBytes(StandardCharsets.ISO_8859_1);
        String marker = "https://cafe.example/" + UUID.randomUUID();
        rawPage(latin1, "text/html; charset=utf-8", marker).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("html"))
                .body("errors.message", hasItem(containsString("is not valid UTF-8")));
        rawPage(latin1, "text/html; charset=klingon", marker).then().statusCode(400)
                .body("errors.message", hasItem(containsString("unknown charset")));
        assertThat(database.count("SELECT count(*) FROM article WHERE url = $1", marker)).isZero();
    }

    @Test
    void aPageOfScriptsAndImagesHasNoArticleText() {
        ArticlePosts.post(Map.of("html", Resources.text("pages/all-script.html"), "title", "Loading"))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("html"))
                .body("errors.message", hasItem(containsString("contains no article text")));
        assertThat(database.count("SELECT count(*) FROM article")).isZero();
    }

    @Test
    void aTwoSentenceWireBriefIsAnArticle() {
        ArticlePosts.post(Map.of("title", "Quake hits off Japan", "body",
                        "TOKYO (Reuters) - A magnitude 5.8 earthquake struck off northeastern Japan on Monday. "
                                + "There was no tsunami warning, the weather agency said."))
                .then().statusCode(201)
                .body("text", containsString("There was no tsunami warning"));
    }

    @Test
    void pagesUpToTenMebibytesAreAcceptedAndLargerOnesRefused() {
        String fiveMiB = bigPage(5 * 1024 * 1024);
        ArticlePosts.post(Map.of("html", fiveMiB, "title", "Inspection report")).then().statusCode(201)
                .body("text", containsString("Paragraph 0 of the report"));
        rawPage(fiveMiB.getBytes(StandardCharsets.UTF_8), "text/html", null).then().statusCode(200);

        byte[] elevenMiB = bigPage(11 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
        rawPage(elevenMiB, "text/html", null).then().statusCode(413)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("html"));
        assertThat(database.count("SELECT count(*) FROM article")).isEqualTo(1);
    }

    @Test
    void aPageHoldingMoreArticleTextThanABodyMayHaveIsRefusedNamingHtml() {
        String page = "<html><head><title>Endless report</title></head><body><article>"
                + "<p>The harbour reopened on Friday after a week of storms, officials said.</p>".repeat(16_000)
                + "</article></body></html>";

        ArticlePosts.post(Map.of("html", page)).then().statusCode(413)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("html"))
                .body("errors.message", hasItem(containsString("article text")));
        assertThat(database.count("SELECT count(*) FROM article WHERE title = 'Endless report'")).isZero();
    }

    @Test
    void aTextBodyOverOneMebibyteIsRefusedNamingTheField() {
        ArticlePosts.post(Map.of("title", "Long", "body", "word ".repeat(220_000))).then().statusCode(413)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
    }

    /**
     * A page of the given size as big news pages are: mostly inline script and markup (here a state blob and a long
     * menu), with an article of 300 paragraphs.
     */
    static String bigPage(int bytes) {
        StringBuilder article = new StringBuilder("<article>");
        for (int i = 0; i < 300; i++) {
            article.append("<p>Paragraph ").append(i).append(" of the report, with a comma, tells what the inspectors ")
                    .append("found at the site on their visit last week.</p>\n");
        }
        article.append("</article></body></html>");
        StringBuilder page = new StringBuilder("<html><head><title>Inspection report</title></head><body><nav>");
        for (int i = 0; i < 2000; i++) {
            page.append("<a href=\"/section/").append(i).append("\">Section ").append(i).append("</a> ");
        }
        page.append("</nav><script>window.__STATE__ = [");
        while (page.length() < bytes - article.length() - 20) {
            page.append("{\"id\": 12345, \"teaser\": \"Another story you may like\"},\n");
        }
        return page.append("0];</script>").append(article).toString();
    }

    private static Response rawPage(byte[] page, String contentType, String url) {
        // As fetched: no charset added to the Content-Type unless the test gives one.
        var request = given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(page);
        if (url != null) {
            request = request.queryParam("url", url);
        }
        return request.post("/api/articles");
    }
}
