package io.newsdesk.feed;

import io.newsdesk.store.DuplicateKind;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A story as clients see it.
 *
 * @param title          the representative article's title
 * @param summary        the representative's summary, or the earliest summary in the story while it has none
 * @param articles       the story's articles, earliest first: the first newsdesk.feed.max-articles-per-story,
 *                       and the representative
 * @param articleCount   all articles of the story
 * @param sourceCount    distinct sources among them
 */
public record StoryView(
        long storyId,
        String title,
        @Schema(nullable = true) String summary,
        @Schema(nullable = true) String summarizer,
        Representative representative,
        List<Member> articles,
        int articleCount,
        int sourceCount,
        Instant firstPublishedAt,
        Instant lastPublishedAt,
        Instant updatedAt) {

    /** The article that stands for the story, and the rule that chose it (earliest, longest, most-sources). */
    public record Representative(long articleId, String rule, String title, @Schema(nullable = true) String url,
            @Schema(nullable = true) String source) {
    }

    /** One article of the story. {@code duplicateKind} is null for the story's first article. */
    public record Member(long id, String title, @Schema(nullable = true) String url,
            @Schema(nullable = true) String source, Instant publishedAt,
            @Schema(nullable = true) DuplicateKind duplicateKind, @Schema(nullable = true) Long duplicateOf,
            @Schema(nullable = true) Double similarity) {
    }
}
