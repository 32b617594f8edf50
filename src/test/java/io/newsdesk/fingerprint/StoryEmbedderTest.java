package io.newsdesk.fingerprint;

import io.newsdesk.testing.Texts;

import io.newsdesk.embedding.Vectors;
import io.newsdesk.text.TextBeginning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryEmbedderTest {

    /** Embeds a text as (length, 1): enough to see what was embedded. */
    private static final class RecordingModel implements EmbeddingModel {
        final List<String> seen = new ArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<Embedding> out = new ArrayList<>();
            for (TextSegment s : segments) {
                seen.add(s.text());
                out.add(Embedding.from(new float[] {s.text().length(), 1}));
            }
            return Response.from(out);
        }
    }

    @Test
    void embedsTheTitleAndTheLeadSentences() {
        RecordingModel model = new RecordingModel();
        float[] v = new StoryEmbedder(model).embed("Ferry runs aground", Texts.FERRY);
        assertThat(model.seen).hasSize(1 + StoryEmbedder.LEAD_SENTENCES);
        assertThat(model.seen.get(0)).isEqualTo("Ferry runs aground");
        assertThat(model.seen.get(1)).startsWith("A passenger ferry carrying 212 people");
        assertThat(v).hasSize(2);
        assertThat(Math.hypot(v[0], v[1])).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void withoutTitleOrTextThereIsNoEmbedding() {
        RecordingModel model = new RecordingModel();
        assertThat(new StoryEmbedder(model).embed(null, "")).isNull();
        assertThat(new StoryEmbedder(model).segments(" ", "One sentence only.")).containsExactly("One sentence only.");
    }

    @Test
    void aSentenceLongerThanAnyLeadIsEmbeddedByItsBeginning() {
        String endless = "word ".repeat(1_800_000) + "end.";

        List<String> segments = new StoryEmbedder(new RecordingModel()).segments("Words", endless + " Then it ended.");

        assertThat(segments).hasSize(3);
        assertThat(segments.get(1)).startsWith("word word").hasSizeLessThanOrEqualTo(TextBeginning.EMBEDDED_CHARS);
        assertThat(segments.get(2)).isEqualTo("Then it ended.");
    }

    @Test
    void meanOfUnitVectorsWeighsEachVectorEqually() {
        float[] mean = Vectors.meanOfUnitVectors(List.of(new float[] {10, 0}, new float[] {0, 0.1f}));
        assertThat(mean[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(mean[1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(Vectors.meanOfUnitVectors(List.of())).isNull();
    }
}
