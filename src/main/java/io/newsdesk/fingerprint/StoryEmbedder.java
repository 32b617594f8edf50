package io.newsdesk.fingerprint;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsdesk.embedding.Vectors;
import io.newsdesk.text.SentenceSplitter;
import io.newsdesk.text.TextBeginning;
import java.util.ArrayList;
import java.util.List;

/**
 * The story embedding of an article for SAME_STORY candidates: the mean of the unit-length embeddings of the
 * headline and of the first {@link #LEAD_SENTENCES} sentences of the cleaned text (the lead says what happened;
 * later paragraphs drift into background shared by follow-up stories), normalised to unit length. Thread-safe if
 * the model is.
 */
public final class StoryEmbedder {

    public static final int LEAD_SENTENCES = 3;

    private final EmbeddingModel model;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public StoryEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** The segments embedded: the title (if any) and the lead sentences. */
    public List<String> segments(String title, String cleanedText) {
        List<String> segments = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            segments.add(TextBeginning.forEmbedding(title.strip()));
        }
        List<String> sentences = splitter.split(cleanedText);
        for (String sentence : sentences.subList(0, Math.min(LEAD_SENTENCES, sentences.size()))) {
            segments.add(TextBeginning.forEmbedding(sentence));
        }
        return segments;
    }

    /** The unit-length story embedding, or null when there is neither title nor text. */
    public float[] embed(String title, String cleanedText) {
        List<String> segments = segments(title, cleanedText);
        if (segments.isEmpty()) {
            return null;
        }
        List<Embedding> embeddings = model.embedAll(segments.stream().map(TextSegment::from).toList()).content();
        return Vectors.meanOfUnitVectors(embeddings.stream().map(Embedding::vector).toList());
    }
}
