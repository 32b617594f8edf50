package io.newsdesk.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** newsdesk.feed.*: page sizes of the deduplicated feed. */
@ConfigMapping(prefix = "newsdesk.feed")
public interface FeedConfig {

    @WithDefault("20")
    int defaultPageSize();

    @WithDefault("100")
    int maxPageSize();

    /** Articles listed per story at most (earliest first; articleCount always counts all). */
    @WithDefault("50")
    int maxArticlesPerStory();

    /** The title of the JSON Feed document. */
    @WithDefault("newsdesk")
    String title();
}
