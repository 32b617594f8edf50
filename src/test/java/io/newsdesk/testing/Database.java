package io.newsdesk.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads the database behind the service directly, to check what an HTTP call really stored. */
@ApplicationScoped
public class Database {

    private final Pool pool;

    Database(Pool pool) {
        this.pool = pool;
    }

    public long count(String sql, Object... parameters) {
        return rows(sql, parameters).get(0).getLong(0);
    }

    public List<Row> rows(String sql, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    /**
     * Empties the article and story tables, for tests whose assertions on story membership must not meet articles of
     * earlier tests or earlier runs (the test database outlives a run).
     */
    public void deleteAllArticles() {
        rows("TRUNCATE article, story, story_update, article_embedding, article_vector, same_story_answer CASCADE");
    }
}
