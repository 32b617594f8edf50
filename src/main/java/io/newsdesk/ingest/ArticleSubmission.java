package io.newsdesk.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client POSTs. Exactly one of {@code body} (plain text) and {@code html} (a page or fragment). */
@Schema(description = "A news article to ingest; give either body or html")
public record ArticleSubmission(
        @Schema(required = true, examples = "Israel weighs its response to Iran") String title,
        @Schema(description = "Plain text of the article") String body,
        @Schema(description = "A whole web page or an HTML fragment; converted to text") String html,
        @Schema(description = "http(s) URL of the article; the key of idempotent ingest") String url,
        @Schema(description = "Outlet name; defaults to the URL's host") String source,
        @Schema(description = "RFC 3339 date-time; defaults to the time received", examples = "2024-04-15T09:30:00Z")
        String publishedAt,
        @Schema(description = "ISO 639-1 code; detected from the text when absent", examples = "en") String language) {
}
