package io.newsdesk.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client POSTs. Exactly one of {@code body} (plain text) and {@code html} (a page or fragment). With
 * {@code html}, every field the request leaves out is taken from the page's metadata where it has it.
 */
@Schema(description = "A news article to ingest; give either body or html")
public record ArticleSubmission(
        @Schema(description = "Required with body; with html, defaults to the page's og:title, <title> without the "
                + "site name, or <h1>", examples = "Israel weighs its response to Iran") String title,
        @Schema(description = "Plain text of the article, at most newsdesk.ingest.max-text-bytes (1 MiB)") String body,
        @Schema(description = "A whole web page or an HTML fragment, at most newsdesk.ingest.max-html-bytes (10 MiB); "
                + "its main text is extracted") String html,
        @Schema(description = "http(s) URL of the article; the key of idempotent ingest. With html, defaults to the "
                + "page's canonical URL") String url,
        @Schema(description = "Outlet name; defaults to the URL's host") String source,
        @Schema(description = "RFC 3339 date-time; with html, defaults to the page's "
                + "datePublished; else the time received", examples = "2024-04-15T09:30:00Z")
        String publishedAt,
        @Schema(description = "ISO 639-1 code; with html, defaults to <html lang>; else detected from the text",
                examples = "en") String language,
        @Schema(description = "Author name(s); with html, defaults to the page's") String author,
        @Schema(description = "Name of the publication; with html, defaults to the page's og:site_name")
        String siteName) {
}
