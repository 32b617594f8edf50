package io.newsdesk.summary;

import java.time.Instant;

/** One distinct article of a story (copies are left out), as the story summarizers read it. */
public record StoryArticle(long id, String title, String text, String language, String source,
        Instant publishedAt) {
}
