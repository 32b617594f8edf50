package io.newsdesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import io.newsdesk.summary.OfflineSummarizer;
import io.newsdesk.summary.SummaryLimits;
import io.newsdesk.summary.SummaryRequest;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalEmbeddingModelTest {

    private final LexicalEmbeddingModel model = new LexicalEmbeddingModel();

    @Test
    void textsSharingTheirWordsAreCloserThanUnrelatedOnes() {
        List<float[]> vectors = model.embedAll(List.of(
                TextSegment.from("Flooding closed the coastal road after heavy rain on Sunday."),
                TextSegment.from("Heavy rain closed the coastal road on Sunday, flooding it."),
                TextSegment.from("The central bank raised interest rates by a quarter point."))).content()
                .stream().map(e -> e.vector()).toList();

        assertThat(vectors.get(0)).hasSize(LexicalEmbeddingModel.DIMENSIONS);
        assertThat(Vectors.cosine(vectors.get(0), vectors.get(1))).isGreaterThan(0.8);
        assertThat(Vectors.cosine(vectors.get(0), vectors.get(2))).isLessThan(0.3);
    }

    @Test
    void sentencesSharingOnlyFunctionWordsAreUnrelated() {
        List<float[]> vectors = model.embedAll(List.of(
                TextSegment.from("Ministers said that they would meet the unions on Monday."),
                TextSegment.from("Fans said that they would travel to the final in their thousands."))).content()
                .stream().map(e -> e.vector()).toList();

        assertThat(Vectors.cosine(vectors.get(0), vectors.get(1))).isLessThan(0.2);
    }

    @Test
    void drivesTheOfflineArticleSummarizer() {
        String text = """
                Flooding closed the main coastal road on Sunday after two days of heavy rain across the region.

                Emergency crews evacuated more than two hundred residents from low-lying streets near the harbour.

                The weather service said the rain would ease by Tuesday, but warned of further flooding upstream.

                Local shops near the harbour stayed shut, and the ferry to the islands was cancelled for the day.""";
        var summary = new OfflineSummarizer(new SummaryLimits(2, 60), Clock.systemUTC()).summarize(new SummaryRequest("Floods close coastal road", text, "en"))
                .await().indefinitely();

        assertThat(summary.summarizer()).isEqualTo("extractive");
        assertThat(summary.text()).startsWith("Flooding closed the main coastal road");
        assertThat(summary.text().split("(?<=\\.) ")).hasSizeBetween(1, 2).allSatisfy(s -> assertThat(text).contains(s));
    }
}
