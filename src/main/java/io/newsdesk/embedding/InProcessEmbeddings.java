package io.newsdesk.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.platform.NativeLibraryCaches;
import io.newsdesk.platform.PlatformConfig;
import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * The one in-process ONNX embedding model of the service (quantized all-MiniLM-L6-v2, 384 dimensions), shared by
 * the extractive summarizer and the story embeddings. Loaded on first use, with its native libraries unpacked under
 * the data directory. Its calls block: run them on worker threads.
 *
 * <p>Left out of native builds: the ONNX runtime's JNI layer is reported to crash in native images. There the
 * summarizer uses {@link LexicalEmbeddingModel} and story embeddings come from the provider, or are off.
 */
@UnlessBuildProperty(name = "quarkus.native.enabled", stringValue = "true", enableIfMissing = true)
@Singleton
public class InProcessEmbeddings {

    private final Path dataDirectory;
    private volatile EmbeddingModel model;

    InProcessEmbeddings(PlatformConfig config) {
        this.dataDirectory = config.dataDir();
    }

    public EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    NativeLibraryCaches.placeUnder(dataDirectory);
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
