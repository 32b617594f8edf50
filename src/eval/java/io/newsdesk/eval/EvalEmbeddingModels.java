package io.newsdesk.eval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;

/**
 * The in-process embedding models the retellings evaluation can compare (-Deval.embedding=minilm|e5|bge):
 * the shipped all-MiniLM-L6-v2 and two 12-layer retrieval models of the same size class from langchain4j.
 */
final class EvalEmbeddingModels {

    static final String NAME = System.getProperty("eval.embedding", "minilm");

    private EvalEmbeddingModels() {
    }

    static EmbeddingModel create() {
        return switch (NAME) {
            case "minilm" -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            case "bge" -> new BgeSmallEnV15QuantizedEmbeddingModel();
            // e5 is trained with a prefix on every input; "query: " is its prefix for symmetric similarity
            case "e5" -> prefixed(new E5SmallV2QuantizedEmbeddingModel(), "query: ");
            default -> throw new IllegalArgumentException("eval.embedding: minilm, e5 or bge, not " + NAME);
        };
    }

    private static EmbeddingModel prefixed(EmbeddingModel model, String prefix) {
        return new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                return model.embedAll(segments.stream().map(s -> TextSegment.from(prefix + s.text())).toList());
            }

            @Override
            public int dimension() {
                return model.dimension();
            }
        };
    }
}
