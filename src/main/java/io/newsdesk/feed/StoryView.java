package io.newsdesk.feed;

import io.newsdesk.store.DuplicateKind;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param storySummary   the summary of the whole story; null (left out) below two distinct articles
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
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The summary of the whole story; absent while the story has fewer than two distinct "
                + "articles (copies count once)")
        StorySummary storySummary) {

    /** Where a story summary stands. */
    public enum StorySummaryStatus {
        /** It covers the story's current articles. */
        READY,
        /** Articles joined since it was written (or none is written yet): a new one is due within the debounce. */
        PENDING
    }

    /**
     * The summary of a whole story.
     *
     * @param text       the sentences joined; null until the first one is written
     * @param sentences  each with the ids of the articles it comes from, earliest first
     * @param summarizer {@code extractive}, or the LLM's {@code provider:model}
     */
    public record StorySummary(@Schema(nullable = true) String text, List<Sentence> sentences,
            @Schema(nullable = true) String summarizer, StorySummaryStatus status,
            @Schema(nullable = true) Instant updatedAt) {
    }

    /** A sentence of the story summary and the articles (ids) it comes from. */
    public record Sentence(String text, List<Long> sources) {
    }

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
