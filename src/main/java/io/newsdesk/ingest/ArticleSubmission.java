package io.newsdesk.ingest;

import io.newsdesk.api.FieldValues;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client POSTs. Exactly one of {@code body} (plain text) and {@code html} (a page or fragment). */
@Schema(description = "A news article to ingest: exactly one of body and html (the document's oneOf says so). "
        + "Unknown properties are ignored.", additionalProperties = Schema.True.class)
public record ArticleSubmission(
        @Schema(required = true, maxLength = SubmissionValidator.MAX_TITLE_LENGTH,
                pattern = FieldValues.VISIBLE_LINE_PATTERN, examples = "Israel weighs its response to Iran",
                description = "One line with at least one visible character; spaces are collapsed")
        String title,
        @Schema(pattern = FieldValues.CONTENT_PATTERN, examples = "The harbour reopened on Friday after a week of "
                + "storms closed it to shipping.",
                description = "Plain text of the article; it must still hold article text once site chrome "
                        + "(menus, share bars, teasers) is stripped, or the answer is 400")
        String body,
        @Schema(pattern = FieldValues.CONTENT_PATTERN, examples = "<article><p>The harbour reopened on Friday.</p>"
                + "</article>",
                description = "A whole web page or an HTML fragment, converted to text; the text must be non-empty")
        String html,
        @Schema(maxLength = SubmissionValidator.MAX_URL_LENGTH, format = "uri",
                pattern = SubmissionValidator.URL_PATTERN,
                examples = "https://example.org/news/harbour-reopens",
                description = "Absolute http(s) URL of the article, the key of idempotent ingest; user name and "
                        + "password are dropped before it is stored")
        String url,
        @Schema(maxLength = SubmissionValidator.MAX_SOURCE_LENGTH, pattern = FieldValues.LINE_PATTERN,
                examples = "Harbour Times", description = "Outlet name; defaults to the URL's host without www.")
        String source,
        @Schema(format = "date-time", examples = "2024-04-15T09:30:00Z",
                description = "RFC 3339 date-time with offset, years 1000 to 9999; defaults to the time received")
        String publishedAt,
        @Schema(pattern = SubmissionValidator.LANGUAGE_PATTERN, examples = "pt-BR",
                description = "Language tag (ISO 639 code and subtags), stored lower-case; detected from the text "
                        + "when absent")
        String language) {
}
