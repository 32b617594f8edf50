package io.newsdesk.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The feed as a JSON Feed 1.1 document (https://jsonfeed.org/version/1.1): one item per story; the cluster data in
 * each item's {@code _newsdesk} extension object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(
        String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String description,
        @JsonProperty("next_url") String nextUrl,
        List<Item> items) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";
    static final String MEDIA_TYPE = "application/feed+json";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            String id,
            String url,
            String title,
            @JsonProperty("content_text") String contentText,
            String summary,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            @JsonProperty("_newsdesk") StoryView newsdesk) {

        static Item of(StoryView story) {
            String text = story.storySummary() != null && story.storySummary().text() != null
                    ? story.storySummary().text()
                    : story.summary() != null ? story.summary() : story.title();
            return new Item("story-" + story.storyId(), story.representative().url(), story.title(), text,
                    story.summary(), story.firstPublishedAt(), story.updatedAt(), story);
        }
    }
}
