package io.newsdesk.feed;

import io.newsdesk.api.ApiDocument;
import io.newsdesk.api.PageSizes;
import io.newsdesk.api.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns feed query parameters into a {@link FeedQuery}, naming each parameter it rejects. */
@ApplicationScoped
class FeedQueries implements PageSizes {

    private final FeedConfig config;

    FeedQueries(FeedConfig config) {
        this.config = config;
    }

    @Override
    public String limitParameter() {
        return ApiDocument.FEED_LIMIT;
    }

    @Override
    public int defaultPageSize() {
        return config.defaultPageSize();
    }

    @Override
    public int maxPageSize() {
        return config.maxPageSize();
    }

    FeedQuery parse(String limit, String cursor, String since, String until, String source, String minArticles) {
        QueryParameters parameters = new QueryParameters();
        FeedQuery query = new FeedQuery(parameters.limit(limit, defaultPageSize(), maxPageSize()),
                parameters.cursor(cursor, FeedCursor::decode), parameters.timestamp(since, "since"),
                parameters.timestamp(until, "until"), parameters.text(source, "source"),
                parameters.wholeNumber(minArticles, "minArticles", 1, Integer.MAX_VALUE, 1));
        parameters.requireValid();
        return query;
    }
}
