package io.newsdesk.store;

import io.newsdesk.api.FieldValues;

import io.newsdesk.api.FieldError;
import io.newsdesk.api.QueryParameters;
import io.newsdesk.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns list query parameters into an {@link ArticleQuery}, naming each parameter it rejects. */
@ApplicationScoped
public class ArticleQueries {

    private final int defaultPageSize;
    private final int maxPageSize;

    ArticleQueries(ArticlesConfig config) {
        this.defaultPageSize = config.defaultPageSize();
        this.maxPageSize = config.maxPageSize();
    }

    public ArticleQuery parse(String limit, String cursor, String source, String since, String until) {
        List<FieldError> errors = new ArrayList<>();
        int pageSize = QueryParameters.pageSize(limit, defaultPageSize, maxPageSize, errors);
        PageCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = PageCursor.decode(cursor.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("cursor", e.getMessage()));
            }
        }
        String sourceFilter = source == null || source.isBlank() ? null : source.strip();
        if (sourceFilter != null) {
            // A character no stored source can hold (NUL would even fail the query) matches nothing: a client error.
            FieldValues.checkCharacters(sourceFilter, "source", true, errors);
        }
        Instant sinceInstant = since == null || since.isBlank() ? null
                : FieldValues.parseTimestamp(since, "since", errors);
        Instant untilInstant = until == null || until.isBlank() ? null
                : FieldValues.parseTimestamp(until, "until", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        return new ArticleQuery(pageSize, after, sourceFilter, sinceInstant, untilInstant);
    }
}
