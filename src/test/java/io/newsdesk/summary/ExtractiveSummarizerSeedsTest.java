package io.newsdesk.summary;

import io.newsdesk.text.SentenceSplitter;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.embedding.LexicalEmbeddingModel;
import io.newsdesk.testing.Seeds;
import io.newsdesk.testing.Seeds.Seed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The article summarizer as shipped, on lexical sentence vectors, on the scraped seeds (src/test/resources/seeds). */
class ExtractiveSummarizerSeedsTest {

    private final ExtractiveSummarizer summarizer =
            new ExtractiveSummarizer(new LexicalEmbeddingModel(), SummaryLimits.DEFAULT);

    static List<Seed> seeds() {
        return Seeds.all();
    }

    /** The seed without its site chrome: the paragraphs longer than 80 characters, blank-line separated. */
    private static String article(Seed seed) {
        return String.join("\n\n", Arrays.stream(seed.text().split("\\n\\s*\\n"))
                .map(String::strip)
                .filter(paragraph -> paragraph.length() > 80)
                .toList());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void summarizesEachSeedInAtMostThreeOfItsOwnSentencesAndEightyWords(Seed seed) {
        String text = article(seed);

        ExtractiveSummary summary = summarizer.summarize(text);

        assertThat(summary.sentences()).hasSizeBetween(1, 3).doesNotHaveDuplicates()
                .allSatisfy(sentence -> assertThat(text).contains(sentence));
        assertThat(summary.text().strip().split("\\s+")).hasSizeLessThanOrEqualTo(80);
        List<String> order = new SentenceSplitter().split(text);
        assertThat(summary.sentences()).allSatisfy(sentence -> assertThat(order).contains(sentence))
                .isSortedAccordingTo((a, b) -> order.indexOf(a) - order.indexOf(b));
    }

    @Test
    void neverPicksBothASentenceAndItsNearDuplicate() {
        // the same scoring without redundancy removal, to show that the near duplicates would otherwise be chosen
        ExtractiveSummarizer unfiltered = new ExtractiveSummarizer(new LexicalEmbeddingModel(),
                SummaryLimits.DEFAULT, ExtractiveSummarizer.Scoring.DEFAULT.withRedundancy(0, 1.01));
        int pickedTwiceWithoutTheFilter = 0;
        for (Seed seed : seeds()) {
            String text = article(seed);
            // a sentence the summarizer picks, restated with small edits in a new paragraph right after its own
            String picked = summarizer.summarize(text).sentences().get(0);
            String nearDuplicate = picked.replaceFirst("^(\\S+)\\s+(\\S+)", "$1 $2 also").replace(",", "");
            assertThat(nearDuplicate).isNotEqualTo(picked);
            List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n")));
            int at = paragraphs.indexOf(paragraphs.stream().filter(p -> p.contains(picked)).findFirst().orElseThrow());
            paragraphs.add(at + 1, nearDuplicate);
            String withDuplicate = String.join("\n\n", paragraphs);

            ExtractiveSummary summary = summarizer.summarize(withDuplicate);

            assertThat(summary.sentences()).as(seed.name())
                    .filteredOn(s -> s.equals(picked) || s.equals(nearDuplicate))
                    .hasSize(1);
            assertThat(summary.sentences()).hasSizeLessThanOrEqualTo(3)
                    .allSatisfy(s -> assertThat(withDuplicate).contains(s));
            List<String> withoutFilter = unfiltered.summarize(withDuplicate).sentences();
            if (withoutFilter.contains(picked) && withoutFilter.contains(nearDuplicate)) {
                pickedTwiceWithoutTheFilter++;
            }
        }
        assertThat(pickedTwiceWithoutTheFilter).isPositive();
    }
}
