package io.newsdesk.ingest;

import java.time.Instant;

/**
 * A submission that passed validation, with its URL canonicalised and its dates parsed. The title is null only for a
 * page until its metadata is read ({@link SubmissionValidator#completeFrom}).
 */
public record AcceptedSubmission(
        String title,
        String body,
        String html,
        String url,
        String canonicalUrl,
        String source,
        Instant publishedAt,
        String language,
        String author,
        String siteName) {

    public boolean isHtml() {
        return html != null;
    }

    public String rawContent() {
        return isHtml() ? html : body;
    }
}
