package io.newsdesk.summary;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deterministic stand-in for a sentence encoder in plain unit tests: hashed bag of lower-cased words, so texts that
 * share most words have a high cosine. Counts its calls.
 */
final class BagOfWordsEmbeddingModel implements EmbeddingModel {

    private static final int DIMENSION = 512;

    final AtomicInteger batches = new AtomicInteger();
    final AtomicInteger segments = new AtomicInteger();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> textSegments) {
        batches.incrementAndGet();
        segments.addAndGet(textSegments.size());
        return Response.from(textSegments.stream().map(s -> embedding(s.text())).toList());
    }

    private static Embedding embedding(String text) {
        float[] vector = new float[DIMENSION];
        for (String token : Rouge.tokenize(text)) {
            vector[Math.floorMod(token.hashCode(), DIMENSION)] += 1;
        }
        return Embedding.from(vector);
    }
}
