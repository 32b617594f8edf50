package io.newsdesk.feed;

import java.util.List;

/** One page of the deduplicated feed: one item per story, most recently updated first. */
public record FeedPage(List<StoryView> items, String nextCursor) {
}
