package io.newsdesk.summary;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.newsdesk.embedding.LexicalEmbeddingModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The lexical sentence vectors of native builds, counting its calls: a deterministic encoder for unit tests. */
final class BagOfWordsEmbeddingModel implements EmbeddingModel {

    private final LexicalEmbeddingModel lexical = new LexicalEmbeddingModel();
    final AtomicInteger batches = new AtomicInteger();
    final AtomicInteger segments = new AtomicInteger();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> textSegments) {
        batches.incrementAndGet();
        segments.addAndGet(textSegments.size());
        return lexical.embedAll(textSegments);
    }
}
