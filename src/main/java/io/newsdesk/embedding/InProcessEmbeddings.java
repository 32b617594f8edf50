package io.newsdesk.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.newsdesk.platform.NativeLibraryCaches;
import io.newsdesk.platform.PlatformConfig;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The one in-process ONNX embedding model of the service ({@link MiniLmModel}: quantized all-MiniLM-L6-v2, 384
 * dimensions), shared by the extractive summarizer and the story embeddings, with its native libraries unpacked
 * under the data directory.
 * It loads on a thread of its own from start-up on, so that the service is ready (and serves everything that needs
 * no model) without waiting for it; a call that needs the model before it is loaded waits for it. Its calls block:
 * run them on worker threads.
 *
 * <p>Left out of native builds: the ONNX runtime's JNI layer is reported to crash in native images. There the
 * summarizer uses {@link LexicalEmbeddingModel} and story embeddings come from the provider, or are off.
 */
@UnlessBuildProperty(name = "quarkus.native.enabled", stringValue = "true", enableIfMissing = true)
@Singleton
public class InProcessEmbeddings {

    private static final Logger LOG = Logger.getLogger(InProcessEmbeddings.class);

    private final BackgroundLoad<EmbeddingModel> load;
    private final RecentEmbeddings model = new RecentEmbeddings(new AwaitedModel());

    InProcessEmbeddings(PlatformConfig config, MeterRegistry registry) {
        Path dataDirectory = config.dataDir();
        this.load = new BackgroundLoad<>("embedding-model-load", () -> {
            NativeLibraryCaches.placeUnder(dataDirectory);
            EmbeddingModel loaded = new MiniLmModel();
            LOG.info("In-process embedding model loaded");
            return loaded;
        });
        CaffeineCacheMetrics.monitor(registry, model.cache(), "newsdesk.embeddings.recent");
    }

    void startLoading(@Observes StartupEvent event) {
        load.start();
    }

    /** The model; its calls wait while it is still loading, and a text embedded recently is not computed again. */
    public EmbeddingModel model() {
        return model;
    }

    BackgroundLoad.State state() {
        return load.state();
    }

    long loadMillis() {
        return load.loadMillis();
    }

    String failure() {
        return load.failure();
    }

    private final class AwaitedModel implements EmbeddingModel {

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return load.get().embedAll(segments);
        }

        @Override
        public int dimension() {
            return load.get().dimension();
        }

        @Override
        public String modelName() {
            return load.get().modelName();
        }
    }
}
