package io.newsdesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.testing.Stories;
import io.newsdesk.testing.Stories.Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline story summarizer on lexical sentence vectors (deterministic, no model to load). */
class MultiDocumentSummarizerTest {

    private static final SummaryLimits STORY = new SummaryLimits(5, 120);
    private final BagOfWordsEmbeddingModel model = new BagOfWordsEmbeddingModel();
    private final MultiDocumentSummarizer summarizer = new MultiDocumentSummarizer(model, STORY);

    @Test
    void picksVerbatimSentencesWithinTheBudgetEachCitingTheArticleItComesFrom() {
        List<StoryArticle> ferry = articles(Stories.FERRY.reports());

        StorySummaryText summary = summarizer.summarize(ferry);

        assertThat(summary.sentences()).hasSizeBetween(3, 5);
        assertThat(ExtractiveSummarizer.wordCount(summary.text())).isLessThanOrEqualTo(120);
        for (StorySentence sentence : summary.sentences()) {
            StoryArticle first = ferry.stream().filter(a -> a.id() == sentence.sources().get(0)).findFirst()
                    .orElseThrow();
            assertThat(first.text().replaceAll("\\s+", " ")).contains(sentence.text());
        }
        // All embeddings in one batch.
        assertThat(model.batches).hasValue(1);
    }

    @Test
    void aSentenceSeveralOutletsCarryIsShownOnceFromTheEarliestWithAllOfThemAsSources() {
        String shared = "Coastguard crews rescued all 212 people from the Island Queen after the ferry hit a sandbank "
                + "off Northport on Tuesday.";
        List<StoryArticle> articles = List.of(
                article(1, "2015-05-05T07:00:00Z", shared + " The operator suspended all crossings on the route "
                        + "until an inspection of the hull is complete."),
                article(2, "2015-05-05T09:00:00Z", "Eleven passengers were treated for hypothermia at the "
                        + "Northport General Hospital and released. " + shared),
                article(3, "2015-05-05T11:00:00Z", shared + " Investigators from the marine accident branch arrived "
                        + "in Northport on Wednesday morning."));

        StorySummaryText summary = summarizer.summarize(articles);

        List<StorySentence> repeated = summary.sentences().stream().filter(s -> s.text().equals(shared)).toList();
        assertThat(repeated).hasSize(1);
        assertThat(repeated.get(0).sources()).containsExactly(1L, 2L, 3L);
        assertThat(summary.sentences().get(0).text()).isEqualTo(shared);
    }

    @Test
    void fragmentsAreNeverPickedEvenWhenAnArticleHasNothingElse() {
        StorySummaryText summary = summarizer.summarize(List.of(article(1, "2015-05-05T07:00:00Z", "Menu\n\nHome"),
                article(2, "2015-05-05T08:00:00Z", "Island Queen runs aground\n\nShare this article")));

        assertThat(summary.isEmpty()).isTrue();
    }

    private static List<StoryArticle> articles(List<Report> reports) {
        List<StoryArticle> articles = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            articles.add(new StoryArticle(i + 1, report.title(), report.text(), "en", report.source(),
                    Instant.parse(report.publishedAt())));
        }
        return articles;
    }

    private static StoryArticle article(long id, String publishedAt, String text) {
        return new StoryArticle(id, "Title " + id, text, "en", "outlet" + id + ".example", Instant.parse(publishedAt));
    }
}
