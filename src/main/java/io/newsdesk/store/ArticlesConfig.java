package io.newsdesk.store;

import io.newsdesk.api.QueryParameters;
import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** newsdesk.articles.*: page sizes of the article list (GET /api/articles). */
@ConfigMapping(prefix = "newsdesk.articles")
public interface ArticlesConfig {

    @Description("Articles per page when the request has no limit parameter; at most max-page-size.")
    @WithDefault(QueryParameters.DEFAULT_PAGE_SIZE)
    @Min(1)
    int defaultPageSize();

    @Description("Largest limit a request may ask for.")
    @WithDefault(QueryParameters.MAX_PAGE_SIZE)
    @Min(1)
    int maxPageSize();
}
