package io.newsdesk.feed;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/** A row of table story. */
public record StoryRow(long id, long representativeId, int articleCount, int sourceCount, Instant firstPublishedAt,
        Instant lastPublishedAt, Instant updatedAt) {

    /** The columns {@link #of(Row)} reads, for a SELECT over table story aliased {@code s}. */
    public static final String COLUMNS = "s.id, s.representative_id, s.article_count, s.source_count, "
            + "s.first_published_at, s.last_published_at, s.updated_at";

    public static StoryRow of(Row row) {
        return new StoryRow(row.getLong("id"), row.getLong("representative_id"), row.getInteger("article_count"),
                row.getInteger("source_count"), row.getOffsetDateTime("first_published_at").toInstant(),
                row.getOffsetDateTime("last_published_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
