package io.newsdesk.ingest;

import io.newsdesk.api.FieldValues;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client POSTs. Exactly one of {@code body} (plain text) and {@code html} (a page or fragment). With
 * {@code html}, every field the request leaves out is taken from the page's metadata where it has it.
 */
@Schema(description = "A news article to ingest: exactly one of body (with title) and html (the document's oneOf "
        + "says so). Unknown properties are ignored.", additionalProperties = Schema.True.class)
public record ArticleSubmission(
        @Schema(maxLength = SubmissionValidator.MAX_TITLE_LENGTH,
                pattern = FieldValues.VISIBLE_LINE_PATTERN, examples = "Israel weighs its response to Iran",
                description = "One line with at least one visible character; spaces are collapsed. Required with "
                        + "body; with html, defaults to the page's og:title, <title> without the site name, or <h1>")
        String title,
        @Schema(pattern = FieldValues.CONTENT_PATTERN, examples = "The harbour reopened on Friday after a week of "
                + "storms closed it to shipping.",
                description = "Plain text of the article, at most newsdesk.ingest.max-text-bytes (1 MiB); it must "
                        + "still hold readable text once site chrome (menus, share bars, teasers) is stripped, or the "
                        + "answer is 400")
        String body,
        @Schema(pattern = FieldValues.CONTENT_PATTERN, examples = "<article><p>The harbour reopened on Friday.</p>"
                + "</article>",
                description = "A whole web page or an HTML fragment, at most newsdesk.ingest.max-html-bytes (10 MiB); "
                        + "its main text is extracted and must be non-empty and at most newsdesk.ingest.max-text-bytes "
                        + "(1 MiB)")
        String html,
        @Schema(maxLength = SubmissionValidator.MAX_URL_LENGTH, format = "uri",
                pattern = SubmissionValidator.URL_PATTERN,
                examples = "https://example.org/news/harbour-reopens",
                description = "Absolute http(s) URL of the article, the key of idempotent ingest; user name and "
                        + "password are dropped before it is stored. With html, defaults to the page's canonical URL")
        String url,
        @Schema(maxLength = SubmissionValidator.MAX_SOURCE_LENGTH, pattern = FieldValues.LINE_PATTERN,
                examples = "Harbour Times", description = "Outlet name; defaults to the URL's host without www.")
        String source,
        @Schema(format = "date-time", examples = "2024-04-15T09:30:00Z",
                description = "RFC 3339 date-time with offset, years 1000 to 9999; with html, defaults to the page's "
                        + "datePublished; else the time received")
        String publishedAt,
        @Schema(pattern = SubmissionValidator.LANGUAGE_PATTERN, examples = "pt-BR",
                description = "Language tag (ISO 639 code and subtags), stored lower-case; with html, defaults to "
                        + "<html lang>; else detected from the text")
        String language,
        @Schema(description = "Author name(s); with html, defaults to the page's") String author,
        @Schema(description = "Name of the publication; with html, defaults to the page's og:site_name")
        String siteName) {
}
