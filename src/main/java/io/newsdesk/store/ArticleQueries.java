package io.newsdesk.store;

import io.newsdesk.api.ApiDocument;
import io.newsdesk.api.PageSizes;
import io.newsdesk.api.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns list query parameters into an {@link ArticleQuery}, naming each parameter it rejects. */
@ApplicationScoped
public class ArticleQueries implements PageSizes {

    private final int defaultPageSize;
    private final int maxPageSize;

    ArticleQueries(ArticlesConfig config) {
        this.defaultPageSize = config.defaultPageSize();
        this.maxPageSize = config.maxPageSize();
    }

    @Override
    public String limitParameter() {
        return ApiDocument.ARTICLES_LIMIT;
    }

    @Override
    public int defaultPageSize() {
        return defaultPageSize;
    }

    @Override
    public int maxPageSize() {
        return maxPageSize;
    }

    public ArticleQuery parse(String limit, String cursor, String source, String since, String until) {
        QueryParameters parameters = new QueryParameters();
        ArticleQuery query = new ArticleQuery(parameters.limit(limit, defaultPageSize, maxPageSize),
                parameters.cursor(cursor, PageCursor::decode), parameters.text(source, "source"),
                parameters.timestamp(since, "since"), parameters.timestamp(until, "until"));
        parameters.requireValid();
        return query;
    }
}
