package io.newsdesk.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.newsdesk.text.Words;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence vectors without a neural model: the {@link Words#contentWords content words} of the text, hashed into
 * {@link #DIMENSIONS} buckets with sublinear term frequency (1 + ln tf). Texts sharing most of their content words
 * have a high cosine; synonyms count for nothing. The article summary's sentence vectors in every build (on a par
 * with the in-process MiniLM's there, in about 1 % of its time: docs/quality.md), and the story summary's in builds
 * without the in-process model (the native image).
 */
public final class LexicalEmbeddingModel implements EmbeddingModel {

    public static final int DIMENSIONS = 1024;

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> textSegments) {
        return Response.from(textSegments.stream().map(segment -> Embedding.from(vector(segment.text()))).toList());
    }

    static float[] vector(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String token : Words.contentWords(text)) {
            counts.merge(token, 1, Integer::sum);
        }
        float[] vector = new float[DIMENSIONS];
        counts.forEach((token, count) -> vector[Math.floorMod(token.hashCode(), DIMENSIONS)] +=
                (float) (1 + Math.log(count)));
        return vector;
    }

    @Override
    public int dimension() {
        return DIMENSIONS;
    }
}
