package io.newsdesk.feed;

import io.newsdesk.api.QueryParameters;
import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** newsdesk.feed.*: page sizes of the deduplicated feed. */
@ConfigMapping(prefix = "newsdesk.feed")
public interface FeedConfig {

    @Description("Stories per feed page when the request has no limit parameter; at most max-page-size.")
    @WithDefault(QueryParameters.DEFAULT_PAGE_SIZE)
    @Min(1)
    int defaultPageSize();

    @Description("Largest limit a feed request may ask for.")
    @WithDefault(QueryParameters.MAX_PAGE_SIZE)
    @Min(1)
    int maxPageSize();

    @Description("Articles listed per story at most (earliest first; articleCount always counts all).")
    @WithDefault("50")
    @Min(1)
    int maxArticlesPerStory();

    @Description("The title of the JSON Feed document.")
    @WithDefault("newsdesk")
    @NotBlank
    String title();
}
