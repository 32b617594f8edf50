package io.newsdesk.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

    /**
     * Inserts the article unless one with the same canonical URL (or, without URL, the same content hash) exists.
     * The unique indexes decide, so concurrent identical submissions cannot both insert. Emits the new id, or null.
     */
    public Uni<Long> insertIfAbsent(Article article) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        INSERT INTO article (title, url, canonical_url, source, published_at, received_at, language,
                                             raw_format, raw_content, text, content_hash, summary_status,
                                             summary_next_attempt_at)
                        VALUES (:title, :url, :canonicalUrl, :source, :publishedAt, :receivedAt, :language,
                                :rawFormat, :rawContent, :text, :contentHash, 'PENDING',
                                :summaryNextAttemptAt)
                        ON CONFLICT DO NOTHING
                        RETURNING id""", Long.class)
                .setParameter("title", article.title)
                .setParameter("url", article.url)
                .setParameter("canonicalUrl", article.canonicalUrl)
                .setParameter("source", article.source)
                .setParameter("publishedAt", article.publishedAt)
                .setParameter("receivedAt", article.receivedAt)
                .setParameter("language", article.language)
                .setParameter("rawFormat", article.rawFormat)
                .setParameter("rawContent", article.rawContent)
                .setParameter("text", article.text)
                .setParameter("contentHash", article.contentHash)
                .setParameter("summaryNextAttemptAt", article.summaryNextAttemptAt)
                .getSingleResultOrNull());
    }

    /** The article an identical earlier submission stored, by the same key the unique indexes use. */
    public Uni<Article> findSame(Article article) {
        return article.canonicalUrl != null
                ? find("canonicalUrl", article.canonicalUrl).firstResult()
                : find("contentHash = ?1 and canonicalUrl is null", article.contentHash).firstResult();
    }

    /** One page, newest first, strictly after the cursor position. Fetches one extra row to tell if more follow. */
    public Uni<List<Article>> page(ArticleQuery query) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (query.after() != null) {
            conditions.add("(publishedAt < :afterPublished or (publishedAt = :afterPublished and id < :afterId))");
            parameters.and("afterPublished", query.after().publishedAt()).and("afterId", query.after().id());
        }
        if (query.source() != null) {
            conditions.add("source = :source");
            parameters.and("source", query.source());
        }
        if (query.since() != null) {
            conditions.add("publishedAt >= :since");
            parameters.and("since", query.since());
        }
        if (query.until() != null) {
            conditions.add("publishedAt < :until");
            parameters.and("until", query.until());
        }
        Sort newestFirst = Sort.descending("publishedAt", "id");
        return (conditions.isEmpty()
                ? findAll(newestFirst)
                : find(String.join(" and ", conditions), newestFirst, parameters))
                .range(0, query.limit())
                .list();
    }
}
