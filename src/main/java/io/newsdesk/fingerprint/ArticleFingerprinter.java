package io.newsdesk.fingerprint;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsdesk.embedding.EmbeddingCells;
import io.newsdesk.embedding.EmbeddingsConfig;
import io.newsdesk.embedding.InProcessEmbeddings;
import io.newsdesk.embedding.ProviderEmbeddings;
import io.newsdesk.embedding.SimHash;
import io.newsdesk.text.Mentions;
import io.newsdesk.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/**
 * Computes an article's fingerprints. The embedding model blocks for milliseconds (the provider's for a network
 * call): callers run it on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class ArticleFingerprinter {

    private static final Logger LOG = Logger.getLogger(ArticleFingerprinter.class);

    private final EmbeddingsConfig.Source source;
    private final Instance<InProcessEmbeddings> inProcess;
    private final Instance<ProviderEmbeddings> provider;
    private final Timer timer;
    private volatile StoryEmbedder embedder;
    private volatile SimHash simHash;

    ArticleFingerprinter(EmbeddingsConfig config, Instance<InProcessEmbeddings> inProcess,
            Instance<ProviderEmbeddings> provider, MeterRegistry registry) {
        if (config.source() == EmbeddingsConfig.Source.IN_PROCESS && !inProcess.isResolvable()) {
            LOG.warn("No in-process embedding model in this build (native): SAME_STORY detection is off; set "
                    + "newsdesk.embeddings.source=provider to use the LLM provider's embeddings");
            this.source = EmbeddingsConfig.Source.NONE;
        } else {
            this.source = config.source();
        }
        this.inProcess = inProcess;
        this.provider = provider;
        this.timer = Timer.builder("newsdesk.dedup.fingerprint")
                .description("Text fingerprint and story embedding per article").register(registry);
    }

    /** Blocks: call on a worker thread. */
    public ArticleFingerprints fingerprint(String title, String cleanedText) {
        return timer.record(() -> compute(title, cleanedText));
    }

    private ArticleFingerprints compute(String title, String cleanedText) {
        TextFingerprint text = TextFingerprint.of(cleanedText);
        float[] embedding = source == EmbeddingsConfig.Source.NONE ? null : embedder().embed(title, cleanedText);
        long[] code = embedding == null ? new long[0] : simHash(embedding.length).of(embedding);
        int[] cells = embedding == null || source != EmbeddingsConfig.Source.IN_PROCESS ? new int[0]
                : EmbeddingCells.inProcessModel().nearestFirst(embedding);
        Mentions names = Mentions.of(title, cleanedText);
        return new ArticleFingerprints(text, embedding, code, cells, MentionKeys.of(names), names,
                Words.count(cleanedText));
    }

    private StoryEmbedder embedder() {
        if (embedder == null) {
            EmbeddingModel model = source == EmbeddingsConfig.Source.PROVIDER
                    ? provider.get().model()
                    : inProcess.get().model();
            embedder = new StoryEmbedder(model);
        }
        return embedder;
    }

    /** Hyperplanes for the model's dimension (384 in process; the provider's model decides its own). */
    private SimHash simHash(int dimensions) {
        SimHash hash = simHash;
        if (hash == null || hash.dimensions() != dimensions) {
            hash = new SimHash(dimensions);
            simHash = hash;
        }
        return hash;
    }
}
