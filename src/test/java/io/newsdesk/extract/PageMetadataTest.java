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

    @Test
    void takesTheSiteNameOffAnOpenGraphTitleButNotAPartOfTheHeadline() {
        PageMetadata suffixed = PageMetadata.read(Jsoup.parse("""
                <html><head><meta property="og:site_name" content="CinemaBlend">
                <meta property="og:title" content="To 3D Or Not To 3D: Buy The Right Ticket - CINEMABLEND">
                </head></html>"""));
        PageMetadata colon = PageMetadata.read(Jsoup.parse("""
                <html><head><meta property="og:site_name" content="Valley News">
                <meta property="og:title" content="Floods: the coast road closes - for a week"></head></html>"""));

        assertThat(suffixed.title()).isEqualTo("To 3D Or Not To 3D: Buy The Right Ticket");
        assertThat(colon.title()).isEqualTo("Floods: the coast road closes - for a week");
    }

    @Test
    void readsTheBylineWhereNoMetadataNamesTheAuthor() {
        PageMetadata linked = PageMetadata.read(Jsoup.parse("""
                <html><body><p class="byline">By <a href="/author/oli">Oli Coleman</a></p>
                <div class="author-bio author">Oli Coleman writes about celebrities for the paper.</div></body></html>"""));
        PageMetadata dated = PageMetadata.read(Jsoup.parse("""
                <html><body><div class="byline">Wednesday January 18, 2017 11:44 am PST by Juli Clover</div>
                </body></html>"""));
        PageMetadata microdata = PageMetadata.read(Jsoup.parse("""
                <html><body><li class="author-name" itemprop="author">by <span itemprop="name">Matt Snyder</span></li>
                <a rel="author" href="/writers/other">Someone Else</a></body></html>"""));
        PageMetadata writer = PageMetadata.read(Jsoup.parse("""
                <html><body><span class="comment-count author-comments">1</span>
                <h4 class="writer-name">By <a href="/lauren-jarvis-gibson/">Lauren Jarvis-Gibson</a></h4></body></html>"""));
        PageMetadata bio = PageMetadata.read(Jsoup.parse("""
                <html><body><div class="author">Oli Coleman has written about celebrities, courts and the city's
                nightlife for the paper since 2009, after ten years at a news agency in London and Paris.</div>
                </body></html>"""));

        assertThat(linked.author()).isEqualTo("Oli Coleman");
        assertThat(dated.author()).isEqualTo("Juli Clover");
        assertThat(microdata.author()).isEqualTo("Matt Snyder");
        assertThat(writer.author()).isEqualTo("Lauren Jarvis-Gibson");
        assertThat(bio.author()).isNull();
    }

    @Test
    void readsTheDateFormatsPagesWriteBesideIso() {
        assertThat(published("<meta name=\"sailthru.date\" content=\"2016-12-13 22:33:06 UTC\">"))
                .isEqualTo(Instant.parse("2016-12-13T22:33:06Z"));
        assertThat(published("<meta property=\"article:published_time\" content=\"Mon Aug 03 12:45:00 EDT 2015\">"))
                .isEqualTo(Instant.parse("2015-08-03T16:45:00Z"));
        assertThat(published("<meta name=\"publish-date\" content=\"December 1, 2016\">"))
                .isEqualTo(Instant.parse("2016-12-01T00:00:00Z"));
        assertThat(published("<meta name=\"parsely-pub-date\" content=\"2016-12-16T13:38:14-0500\">"))
                .isEqualTo(Instant.parse("2016-12-16T18:38:14Z"));
        assertThat(published("<meta name=\"date\" content=\"Tue, 3 Jun 2008 11:05:30 GMT\">"))
                .isEqualTo(Instant.parse("2008-06-03T11:05:30Z"));
        assertThat(published("</head><body><time itemprop=\"datePublished\" content=\"2016-12-22T05:00:00-0800\">"
                + "Dec 22</time>")).isEqualTo(Instant.parse("2016-12-22T13:00:00Z"));
        assertThat(published("</head><body><abbr class=\"published\" title=\"Mar 9, 2017 10:15 am\">Mar 9</abbr>"))
                .isEqualTo(Instant.parse("2017-03-09T10:15:00Z"));
        assertThat(published("</head><body><div class=\"byline__time\" datetime=\"2016-10-13 17:00:00 -0400\">"
                + "Oct 13</div>")).isEqualTo(Instant.parse("2016-10-13T21:00:00Z"));
        assertThat(published("</head><body><time class=\"content-published-date\">December 9, 2016</time>"))
                .isEqualTo(Instant.parse("2016-12-09T00:00:00Z"));
        assertThat(published("</head><body><p class=\"published-date\"> December 12, 2016 7:00 AM </p>"))
                .isEqualTo(Instant.parse("2016-12-12T07:00:00Z"));
        assertThat(published("<meta name=\"date\" content=\"last Tuesday\">")).isNull();
    }

    private static Instant published(String markup) {
        return PageMetadata.read(Jsoup.parse("<html><head>" + markup + "</body></html>")).publishedAt();
    }
}
