package io.newsdesk.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The article table through the reactive pool (its unique indexes and keyset order are PostgreSQL's). */
@ApplicationScoped
public class ArticleRepository {

    private final Pool pool;

    ArticleRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inserts the article unless one with the same canonical URL (or, without URL, the same content hash) exists.
     * The unique indexes decide, so concurrent identical submissions cannot both insert. Emits the new id, or null.
     */
    public Uni<Long> insertIfAbsent(Article article) {
        return pool.preparedQuery("""
                        INSERT INTO article (title, url, canonical_url, source, published_at, received_at, language,
                                             raw_format, raw_content, text, content_hash, summary_status,
                                             summary_next_attempt_at, author, site_name)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'PENDING', $12, $13, $14)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .execute(Tuple.from(Arrays.asList(article.title, article.url, article.canonicalUrl, article.source,
                        utc(article.publishedAt), utc(article.receivedAt), article.language, article.rawFormat,
                        article.rawContent, article.text, article.contentHash, utc(article.summaryNextAttemptAt),
                        article.author, article.siteName)))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
    }

    /** The article an identical earlier submission stored, by the same key the unique indexes use. */
    public Uni<Article> findSame(Article article) {
        return article.canonicalUrl != null
                ? one("SELECT " + Article.COLUMNS + " FROM article WHERE canonical_url = $1", article.canonicalUrl)
                : one("SELECT " + Article.COLUMNS + " FROM article WHERE content_hash = $1 AND canonical_url IS NULL",
                        article.contentHash);
    }

    /** The article, or null. */
    public Uni<Article> findById(long id) {
        return one("SELECT " + Article.COLUMNS + " FROM article WHERE id = $1", id);
    }

    /** One page, newest first, strictly after the cursor position. */
    public Uni<ArticlePage> page(ArticleQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (query.after() != null) {
            parameters.add(utc(query.after().publishedAt()));
            parameters.add(query.after().id());
            conditions.add("(published_at, id) < ($%d, $%d)".formatted(parameters.size() - 1, parameters.size()));
        }
        if (query.source() != null) {
            parameters.add(query.source());
            conditions.add("source = $" + parameters.size());
        }
        if (query.since() != null) {
            parameters.add(utc(query.since()));
            conditions.add("published_at >= $" + parameters.size());
        }
        if (query.until() != null) {
            parameters.add(utc(query.until()));
            conditions.add("published_at < $" + parameters.size());
        }
        // One extra row tells whether more follow.
        parameters.add(query.limit() + 1);
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return pool.preparedQuery("SELECT " + Article.COLUMNS + " FROM article" + where
                        + " ORDER BY published_at DESC, id DESC LIMIT $" + parameters.size())
                .execute(Tuple.from(parameters))
                .map(rows -> {
                    List<Article> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(Article.from(row)));
                    List<Article> page = found.size() > query.limit() ? found.subList(0, query.limit()) : found;
                    Article last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > query.limit()
                            ? new PageCursor(last.publishedAt, last.id).encode() : null;
                    return new ArticlePage(page.stream().map(ArticleView::of).toList(), next);
                });
    }

    private Uni<Article> one(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter))
                .map(rows -> rows.size() == 0 ? null : Article.from(rows.iterator().next()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
