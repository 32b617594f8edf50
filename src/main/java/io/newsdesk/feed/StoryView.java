package io.newsdesk.feed;

import io.newsdesk.store.DuplicateKind;
import java.time.Instant;
import java.util.List;

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
        String summary,
        String summarizer,
        Representative representative,
        List<Member> articles,
        int articleCount,
        int sourceCount,
        Instant firstPublishedAt,
        Instant lastPublishedAt,
        Instant updatedAt) {

    /** The article that stands for the story, and the rule that chose it (earliest, longest, most-sources). */
    public record Representative(long articleId, String rule, String title, String url, String source) {
    }

    /** One article of the story. {@code duplicateKind} is null for the story's first article. */
    public record Member(long id, String title, String url, String source, Instant publishedAt,
            DuplicateKind duplicateKind, Long duplicateOf, Double similarity) {
    }
}
