package io.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.testing.Resources;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageMetadataTest {

    @Test
    void readsJsonLdLinkAndHtmlLang() {
        PageMetadata page = read("pages/jsonld-article.html");

        assertThat(page.title()).isEqualTo("Harbour reopens after a week of storms");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-03-08T06:15:00Z"));
        assertThat(page.canonicalUrl()).isEqualTo("https://coastal.example/news/harbour-reopens");
        assertThat(page.language()).isEqualTo("en-GB");
        assertThat(page.author()).isEqualTo("Ana Ribeiro, Tom Hale");
        assertThat(page.siteName()).isEqualTo("The Coastal Times");
    }

    @Test
    void readsOpenGraphOnly() {
        PageMetadata page = read("pages/open-graph-only.html");

        assertThat(page.title()).isEqualTo("Council approves new cycle lanes");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-05-02T16:40:00Z"));
        assertThat(page.canonicalUrl()).isEqualTo("https://gazette.example/2024/05/cycle-lanes?utm_source=feed");
        assertThat(page.language()).isEqualTo("de-DE");
        assertThat(page.author()).isEqualTo("Jonas Weber");
        assertThat(page.siteName()).isEqualTo("Riverside Gazette");
    }

    @Test
    void findsNothingOnAPageWithoutMetadata() {
        assertThat(read("pages/no-metadata.html")).isEqualTo(new PageMetadata(null, null, null, null, null, null));
    }

    @Test
    void takesTheTitleWithoutTheSiteNameAndTheFirstTimeElement() {
        PageMetadata page = PageMetadata.read(Jsoup.parse("""
                <html><head><title>Floods close the coast road – Valley News</title></head>
                <body><time datetime="2024-02-01">1 February</time><h1>Other heading</h1></body></html>"""));

        assertThat(page.title()).isEqualTo("Floods close the coast road");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
    }

    @Test
    void fallsBackToTheH1AndIgnoresBrokenJsonLdAndRelativeCanonicals() {
        PageMetadata page = PageMetadata.read(Jsoup.parse("""
                <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
                <link rel="canonical" href="javascript:alert(1)"></head>
                <body><h1>Bridge to close for repairs</h1><p>Text.</p></body></html>"""));

        assertThat(page.title()).isEqualTo("Bridge to close for repairs");
        assertThat(page.canonicalUrl()).isNull();
    }

    private static PageMetadata read(String resource) {
        return PageMetadata.read(Jsoup.parse(Resources.text(resource), "https://example.org/"));
    }
}
