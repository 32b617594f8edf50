package io.newsdesk.feed;

import java.time.Instant;

/**
 * One feed page request.
 *
 * @param after       null for the first page
 * @param since       stories whose latest article was published at or after this; may be null
 * @param until       stories whose first article was published before this; may be null
 * @param source      stories with at least one article from this source; may be null
 * @param minArticles stories with at least this many articles
 */
record FeedQuery(int limit, FeedCursor after, Instant since, Instant until, String source, int minArticles) {
}
