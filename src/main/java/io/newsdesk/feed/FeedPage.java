package io.newsdesk.feed;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the deduplicated feed: one item per story, most recently updated first. */
public record FeedPage(List<StoryView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page")
        String nextCursor) {
}
