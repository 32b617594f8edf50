package io.newsdesk.feed;

import io.newsdesk.api.FieldError;
import io.newsdesk.api.ProblemException;
import io.newsdesk.api.QueryParameters;
import io.newsdesk.api.FieldValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns feed query parameters into a {@link FeedQuery}, naming each parameter it rejects. */
@ApplicationScoped
class FeedQueries {

    private final FeedConfig config;

    FeedQueries(FeedConfig config) {
        this.config = config;
    }

    FeedQuery parse(String limit, String cursor, String since, String until, String source, String minArticles) {
        List<FieldError> errors = new ArrayList<>();
        int pageSize = QueryParameters.pageSize(limit, config.defaultPageSize(), config.maxPageSize(), errors);
        FeedCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = FeedCursor.decode(cursor.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("cursor", e.getMessage()));
            }
        }
        Instant sinceInstant = since == null || since.isBlank() ? null
                : FieldValues.parseTimestamp(since, "since", errors);
        Instant untilInstant = until == null || until.isBlank() ? null
                : FieldValues.parseTimestamp(until, "until", errors);
        int min = QueryParameters.wholeNumber(minArticles, "minArticles", 1, Integer.MAX_VALUE, 1, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        return new FeedQuery(pageSize, after, sinceInstant, untilInstant,
                source == null || source.isBlank() ? null : source.strip(), min);
    }
}
