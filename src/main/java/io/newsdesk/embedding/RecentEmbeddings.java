package io.newsdesk.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedding model that computes each text once while it is recent: the vectors of the last {@value #TEXTS}
 * distinct texts (about 7 MiB), by text. A syndicated copy repeats its original's headline and lead, and a story's
 * summary embeds its articles' sentences again each time an article joins; a vector is a pure function of its text,
 * so those are served again instead of computed again. Each caller gets its own copy of a vector. Thread-safe
 * if the model is.
 */
final class RecentEmbeddings implements EmbeddingModel {

    static final int TEXTS = 4096;

    private final EmbeddingModel model;
    private final Cache<String, float[]> vectors;

    RecentEmbeddings(EmbeddingModel model) {
        this.model = model;
        this.vectors = Caffeine.newBuilder().maximumSize(TEXTS).recordStats().build();
    }

    Cache<String, float[]> cache() {
        return vectors;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        float[][] found = new float[segments.size()][];
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < found.length; i++) {
            String text = segments.get(i).text();
            found[i] = vectors.getIfPresent(text);
            if (found[i] == null) {
                missing.computeIfAbsent(text, t -> new ArrayList<>()).add(i);
            }
        }
        if (!missing.isEmpty()) {
            // One call for all the missing texts keeps the model's own parallelism over a batch.
            List<String> texts = List.copyOf(missing.keySet());
            List<Embedding> computed = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
            for (int t = 0; t < texts.size(); t++) {
                float[] vector = computed.get(t).vector().clone();
                vectors.put(texts.get(t), vector);
                for (int i : missing.get(texts.get(t))) {
                    found[i] = vector;
                }
            }
        }
        List<Embedding> embeddings = new ArrayList<>(found.length);
        for (float[] vector : found) {
            embeddings.add(Embedding.from(vector.clone()));
        }
        return Response.from(embeddings);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String modelName() {
        return model.modelName();
    }
}
