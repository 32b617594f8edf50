package io.newsdesk.story;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The numbering of the story-update log ({@code story_update.seq}), which the feed pages by. A number is taken at the
 * end of the transaction that changes a story, which holds this advisory lock in SHARED mode from then until it
 * commits: writers do not wait for each other. A reader that needs every number up to a point to be final takes the
 * lock in EXCLUSIVE mode for a moment ({@link #finalUpTo}): that waits for the writers holding a number to commit
 * or roll back, so no number below the highest it then sees can still appear.
 */
public final class StoryUpdates {

    /** The advisory lock key ("newsdesk"). */
    public static final long NUMBERING_LOCK = 0x6E65_7773_6465_736BL;

    private StoryUpdates() {
    }

    /** The highest update number, every number up to it committed or rolled back: a feed snapshot. */
    public static Uni<Long> finalUpTo(Pool pool) {
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(NUMBERING_LOCK))
                .chain(() -> connection.query("SELECT coalesce(max(seq), 0) FROM story_update").execute())
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    /** The story's next update number, logged; call last in the transaction (the shared lock lasts until commit). */
    static Uni<Void> next(SqlConnection connection, long storyId) {
        return connection.preparedQuery("SELECT pg_advisory_xact_lock_shared($1)").execute(Tuple.of(NUMBERING_LOCK))
                .chain(() -> connection.preparedQuery("""
                                WITH n AS (SELECT nextval('story_update_seq') AS seq),
                                     logged AS (INSERT INTO story_update (seq, story_id) SELECT seq, $1 FROM n)
                                UPDATE story SET update_seq = (SELECT seq FROM n) WHERE id = $1""")
                        .execute(Tuple.of(storyId)))
                .replaceWithVoid();
    }
}
