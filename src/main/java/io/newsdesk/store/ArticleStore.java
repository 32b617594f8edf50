package io.newsdesk.store;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Stores an article exactly once, whatever the number of identical submissions racing each other. */
@ApplicationScoped
public class ArticleStore {

    private final ArticleRepository articles;

    ArticleStore(ArticleRepository articles) {
        this.articles = articles;
    }

    /**
     * The new article, or the one an identical earlier submission stored. No transaction is needed: an insert that
     * meets a conflict has waited for the conflicting row to commit, so the lookup after it finds that row.
     */
    public Uni<Ingested> storeOnce(Article article) {
        return articles.insertIfAbsent(article).flatMap(id -> {
            if (id != null) {
                article.id = id;
                return Uni.createFrom().item(new Ingested(article, true));
            }
            return articles.findSame(article).map(existing -> new Ingested(existing, false));
        });
    }
}
