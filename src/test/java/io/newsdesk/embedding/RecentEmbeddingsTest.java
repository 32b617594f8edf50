package io.newsdesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentEmbeddingsTest {

    /** The lexical model of native builds, recording every text it is asked to embed. */
    private static final class RecordingModel implements EmbeddingModel {
        private final LexicalEmbeddingModel lexical = new LexicalEmbeddingModel();
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            calls.add(segments.stream().map(TextSegment::text).toList());
            return lexical.embedAll(segments);
        }
    }

    private final RecordingModel model = new RecordingModel();
    private final RecentEmbeddings recent = new RecentEmbeddings(model);

    private List<float[]> embed(String... texts) {
        return recent.embedAll(List.of(texts).stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }

    @Test
    void aTextEmbeddedRecentlyIsNotComputedAgainAndGetsTheSameVector() {
        String lead = "The council approved the new bridge on Monday after a two-year dispute.";
        List<float[]> first = embed("Bridge approved", lead);
        List<float[]> second = embed(lead, "Work starts in spring, the council said.");

        assertThat(model.calls).containsExactly(List.of("Bridge approved", lead),
                List.of("Work starts in spring, the council said."));
        assertThat(second.get(0)).containsExactly(first.get(1));
        assertThat(second.get(1)).containsExactly(new LexicalEmbeddingModel()
                .embed("Work starts in spring, the council said.").content().vector());
    }

    @Test
    void aTextRepeatedWithinOneCallIsComputedOnceAndAnswersKeepTheirOrder() {
        List<float[]> vectors = embed("Rain closed the road.", "Shares fell sharply.", "Rain closed the road.");

        assertThat(model.calls).containsExactly(List.of("Rain closed the road.", "Shares fell sharply."));
        assertThat(vectors.get(2)).containsExactly(vectors.get(0));
        assertThat(Vectors.cosine(vectors.get(0), vectors.get(1))).isLessThan(0.5);
    }

    @Test
    void everyCallerGetsItsOwnCopyOfAVector() {
        float[] first = embed("Rain closed the road.").get(0);
        float[] original = first.clone();
        first[0] = 42f;

        assertThat(embed("Rain closed the road.").get(0)).containsExactly(original);
        assertThat(model.calls).hasSize(1);
    }
}
