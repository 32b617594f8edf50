package io.newsdesk.feed;

import io.newsdesk.story.StoryUpdates;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads feed pages. Each story change is logged with an increasing update number (table story_update); a page lists
 * stories by their latest number up to the snapshot, walking the log backwards from the cursor through its primary
 * key, so a deep page costs what the first does.
 */
@ApplicationScoped
class FeedService {

    private static final String PAGE = """
            SELECT u.seq, %s FROM story_update u JOIN story s ON s.id = u.story_id
            WHERE u.seq <= $1 AND u.seq < $2
              AND NOT EXISTS (SELECT 1 FROM story_update later
                              WHERE later.story_id = u.story_id AND later.seq > u.seq AND later.seq <= $1)
              AND s.merged_into IS NULL AND s.article_count >= $3
              AND ($4::timestamptz IS NULL OR s.last_published_at >= $4)
              AND ($5::timestamptz IS NULL OR s.first_published_at < $5)
              AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM article a WHERE a.story_id = s.id AND a.source = $6))
            ORDER BY u.seq DESC
            LIMIT $7""".formatted(StoryRow.COLUMNS);

    private final Pool pool;
    private final StoryViews views;

    FeedService(Pool pool, StoryViews views) {
        this.pool = pool;
        this.views = views;
    }

    Uni<FeedPage> page(FeedQuery query) {
        Uni<Long> snapshot = query.after() != null
                ? Uni.createFrom().item(query.after().snapshot())
                : StoryUpdates.finalUpTo(pool);
        return snapshot.flatMap(at -> pool.preparedQuery(PAGE)
                .execute(Tuple.from(Arrays.asList(at,
                        query.after() != null ? query.after().afterSeq() : Long.MAX_VALUE,
                        query.minArticles(),
                        query.since() == null ? null : query.since().atOffset(ZoneOffset.UTC),
                        query.until() == null ? null : query.until().atOffset(ZoneOffset.UTC),
                        query.source(),
                        query.limit() + 1)))
                .flatMap(rows -> {
                    List<Long> seqs = new ArrayList<>();
                    List<StoryRow> stories = new ArrayList<>();
                    for (Row row : rows) {
                        seqs.add(row.getLong("seq"));
                        stories.add(StoryRow.of(row));
                    }
                    boolean more = stories.size() > query.limit();
                    List<StoryRow> page = more ? stories.subList(0, query.limit()) : stories;
                    String next = more ? new FeedCursor(at, seqs.get(query.limit() - 1)).encode() : null;
                    return views.of(page).map(items -> new FeedPage(items, next));
                }));
    }
}
