package io.newsdesk.dedup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsdesk.embedding.InProcessEmbeddings;
import io.newsdesk.embedding.SimHash;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Computes an article's fingerprints on a worker thread (the embedding model blocks for milliseconds). The result
 * arrives on that worker thread: callers moving on to the database hand it back to their Vert.x context.
 */
@ApplicationScoped
public class ArticleFingerprinter {

    private static final int DIMENSIONS = 384;

    private final Instance<InProcessEmbeddings> embeddings;
    private final boolean embed;
    private final SimHash simHash = new SimHash(DIMENSIONS);
    private final Timer timer;
    private volatile StoryEmbedder embedder;

    ArticleFingerprinter(DedupConfig config, Instance<InProcessEmbeddings> embeddings, MeterRegistry registry) {
        this.embeddings = embeddings;
        this.embed = config.embeddings() == DedupConfig.Embeddings.IN_PROCESS;
        this.timer = Timer.builder("newsdesk.dedup.fingerprint")
                .description("Text fingerprint and story embedding per article").register(registry);
    }

    public Uni<ArticleFingerprints> fingerprint(String title, String cleanedText) {
        return Uni.createFrom().item(() -> timer.record(() -> compute(title, cleanedText)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private ArticleFingerprints compute(String title, String cleanedText) {
        TextFingerprint text = TextFingerprint.of(cleanedText);
        float[] embedding = embed ? embedder().embed(title, cleanedText) : null;
        return new ArticleFingerprints(text, embedding, embedding == null ? 0 : simHash.of(embedding));
    }

    private StoryEmbedder embedder() {
        if (embedder == null) {
            embedder = new StoryEmbedder(embeddings.get().model());
        }
        return embedder;
    }
}
