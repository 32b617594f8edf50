package io.newsdesk.summary;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.newsdesk.text.SentenceSplitter;
import io.newsdesk.text.TextBeginning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selection rules, with a bag-of-words stand-in for the sentence encoder (the real model: the onnx-tagged test). */
class ExtractiveSummarizerTest {

    private static final String ARTICLE = """
            The city council approved a new budget for public transport on Monday evening.

            The budget adds forty new electric buses to the public transport fleet next year.
            Council members said the electric buses will replace the oldest diesel vehicles.
            "I have waited ten years for this," one resident told reporters.

            Critics said the public transport budget ignores the needs of rural villages.
            Weather was mild. The vote passed by nine votes to four after a long debate on the budget.
            """;

    private final BagOfWordsEmbeddingModel model = new BagOfWordsEmbeddingModel();
    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void returnsAtMostThreeVerbatimSentencesInDocumentOrder() {
        ExtractiveSummary summary = new ExtractiveSummarizer(model, SummaryLimits.DEFAULT).summarize(ARTICLE);

        assertThat(summary.sentences()).hasSizeBetween(1, 3).doesNotHaveDuplicates()
                .allSatisfy(s -> assertThat(ARTICLE).contains(s));
        List<String> all = splitter.split(ARTICLE);
        assertThat(summary.sentences()).isSortedAccordingTo((a, b) -> all.indexOf(a) - all.indexOf(b));
        assertThat(ExtractiveSummarizer.wordCount(summary.text())).isLessThanOrEqualTo(80);
        assertThat(summary.text()).isEqualTo(String.join(" ", summary.sentences()));
    }

    @Test
    void favoursTheLeadAndSkipsShortAndQuotedSentences() {
        ExtractiveSummary summary = new ExtractiveSummarizer(model, SummaryLimits.DEFAULT).summarize(ARTICLE);

        assertThat(summary.sentences()).contains(
                "The city council approved a new budget for public transport on Monday evening.");
        assertThat(summary.sentences()).doesNotContain("Weather was mild.",
                "\"I have waited ten years for this,\" one resident told reporters.");
    }

    @Test
    void embedsAllCandidatesInOneBatch() {
        new ExtractiveSummarizer(model, SummaryLimits.DEFAULT).summarize(ARTICLE);

        assertThat(model.batches).hasValue(1);
        assertThat(model.segments).hasValue(6); // 7 sentences, "Weather was mild." is too short
    }

    @Test
    void neverExceedsTheWordBudgetWhenTheBestSentenceFits() {
        for (int maxWords = 15; maxWords <= 60; maxWords += 5) {
            ExtractiveSummary summary = new ExtractiveSummarizer(model, new SummaryLimits(3, maxWords))
                    .summarize(ARTICLE);

            assertThat(ExtractiveSummarizer.wordCount(summary.text())).isLessThanOrEqualTo(maxWords);
            assertThat(summary.sentences()).allSatisfy(s -> assertThat(ARTICLE).contains(s));
        }
    }

    @Test
    void respectsTheSentenceLimit() {
        ExtractiveSummary summary = new ExtractiveSummarizer(model, new SummaryLimits(1, 500)).summarize(ARTICLE);

        assertThat(summary.sentences()).hasSize(1);
    }

    @Test
    void cutsASingleOverlongBestSentenceToTheBudgetWithAnEllipsis() {
        String text = "The regional parliament voted late on Thursday to approve the long-delayed railway line "
                + "between the two largest cities of the province after years of debate.";

        ExtractiveSummary summary = new ExtractiveSummarizer(model, new SummaryLimits(3, 10)).summarize(text);

        assertThat(summary.sentences()).containsExactly(
                "The regional parliament voted late on Thursday to approve the…");
        assertThat(summary.text().split(" ")).hasSize(10);
    }

    @Test
    void leavesOutANearDuplicateOfAChosenSentence() {
        String text = """
                Heavy rain flooded the main roads of the northern city on Sunday morning.

                Heavy rain flooded the main roads of the northern city early on Sunday morning.

                Emergency services evacuated two hundred residents from houses near the river.

                Schools in the district will stay closed until the water level drops again.
                """;

        ExtractiveSummary summary = new ExtractiveSummarizer(model, SummaryLimits.DEFAULT).summarize(text);

        assertThat(summary.sentences()).hasSize(3);
        assertThat(summary.sentences().stream().filter(s -> s.startsWith("Heavy rain"))).hasSize(1);
    }

    @Test
    void summarizesTextWithOnlyShortSentences() {
        ExtractiveSummary summary = new ExtractiveSummarizer(model, SummaryLimits.DEFAULT)
                .summarize("Markets fell sharply. Oil rose.");

        assertThat(summary.sentences()).isNotEmpty().isSubsetOf("Markets fell sharply.", "Oil rose.");
    }

    @Test
    void returnsAnEmptySummaryForBlankTextWithoutCallingTheModel() {
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer(model, SummaryLimits.DEFAULT);

        assertThat(summarizer.summarize("  \n\n ").isEmpty()).isTrue();
        assertThat(summarizer.summarize(null).text()).isEmpty();
        assertThat(model.batches).hasValue(0);
    }

    @Test
    void recognisesReportedSpeech() {
        assertThat(ExtractiveSummarizer.isReportedSpeech("\"It was a mistake,\" the minister said.")).isTrue();
        assertThat(ExtractiveSummarizer.isReportedSpeech("‘We will appeal,’ said the club.")).isTrue();
        assertThat(ExtractiveSummarizer.isReportedSpeech("The coach said his players gave me everything.")).isTrue();
        assertThat(ExtractiveSummarizer.isReportedSpeech("The US and Iran resumed talks in Oman.")).isFalse();
        assertThat(ExtractiveSummarizer.isReportedSpeech("Shares in Myriad rose 4% after the results.")).isFalse();
    }

    @Test
    void prefersWholeSentencesToHeadlineFragments() {
        String text = """
                Council approves electric buses for the public transport fleet

                The city council approved forty electric buses for the public transport fleet on Monday.
                """;

        ExtractiveSummary summary = new ExtractiveSummarizer(model, SummaryLimits.DEFAULT).summarize(text);

        assertThat(summary.sentences()).containsExactly(
                "The city council approved forty electric buses for the public transport fleet on Monday.");
        assertThat(new ExtractiveSummarizer(model, SummaryLimits.DEFAULT)
                .summarize("Council approves electric buses for the fleet").sentences())
                .containsExactly("Council approves electric buses for the fleet");
    }

    @Test
    void recognisesFragmentsWithoutFinalPunctuation() {
        assertThat(ExtractiveSummarizer.isFragment("Home News Politics US-Israel Talks Aim for Peace")).isTrue();
        assertThat(ExtractiveSummarizer.isFragment("Talks resumed on Monday.")).isFalse();
        assertThat(ExtractiveSummarizer.isFragment("He called it “a disgrace.”")).isFalse();
    }

    @Test
    void usesThreeSentencesAndEightyWordsByDefault() {
        assertThat(SummaryLimits.DEFAULT).isEqualTo(new SummaryLimits(3, 80));
        assertThat(new ExtractiveSummarizer(model).limits()).isEqualTo(SummaryLimits.DEFAULT);
        assertThatThrownBy(() -> new SummaryLimits(0, 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SummaryLimits(3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSentenceIsEmbeddedByItsBeginningOnly() {
        List<String> seen = new ArrayList<>();
        EmbeddingModel recording = segments -> {
            segments.forEach(segment -> seen.add(segment.text()));
            return Response.from(segments.stream()
                    .map(segment -> Embedding.from(new float[] {1, 0})).toList());
        };

        new ExtractiveSummarizer(recording).embed(List.of("word ".repeat(200_000) + "end.", "A short one."));

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).startsWith("word word").hasSizeLessThanOrEqualTo(TextBeginning.EMBEDDED_CHARS);
        assertThat(seen.get(1)).isEqualTo("A short one.");
    }
}
