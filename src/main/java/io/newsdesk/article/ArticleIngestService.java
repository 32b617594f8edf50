package io.newsdesk.article;

import io.newsdesk.api.ProblemException;
import io.newsdesk.cleaning.ArticleCleaner;
import io.newsdesk.cleaning.CleanedText;
import io.newsdesk.language.LanguageDetector;
import io.newsdesk.summary.SummaryConfig;
import io.newsdesk.summary.SummaryService;
import io.newsdesk.summary.SummaryStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The ingest path, top to bottom: validate, clean, fingerprint, store once, summarize. */
@ApplicationScoped
public class ArticleIngestService {

    private final SubmissionValidator validator;
    private final ArticleCleaner cleaner;
    private final LanguageDetector languages;
    private final ArticleStore store;
    private final SummaryService summaries;
    private final SummaryConfig summaryConfig;
    private final Clock clock;

    ArticleIngestService(SubmissionValidator validator, ArticleCleaner cleaner, LanguageDetector languages,
            ArticleStore store, SummaryService summaries, SummaryConfig summaryConfig, Clock clock) {
        this.validator = validator;
        this.cleaner = cleaner;
        this.languages = languages;
        this.store = store;
        this.summaries = summaries;
        this.summaryConfig = summaryConfig;
        this.clock = clock;
    }

    public Uni<Ingested> ingest(ArticleSubmission submission) {
        AcceptedSubmission accepted = validator.validate(submission);
        CleanedText cleaned = cleaner.clean(accepted.title(), accepted.body(), accepted.html());
        if (cleaned.text().isBlank()) {
            throw ProblemException.badRequest(accepted.isHtml() ? "html" : "body", "contains no article text");
        }
        Article article = newArticle(accepted, cleaned);
        return store.storeOnce(article).flatMap(stored -> stored.created()
                ? summaries.summarizeNow(stored.article()).map(summarized -> new Ingested(summarized, true))
                : Uni.createFrom().item(stored));
    }

    private Article newArticle(AcceptedSubmission accepted, CleanedText cleaned) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Article article = new Article();
        article.title = accepted.title();
        article.url = accepted.url();
        article.canonicalUrl = accepted.canonicalUrl();
        article.source = accepted.source();
        article.publishedAt = accepted.publishedAt() != null ? accepted.publishedAt() : receivedAt;
        article.receivedAt = receivedAt;
        article.language = accepted.language() != null ? accepted.language() : languages.detect(cleaned.text());
        article.rawFormat = accepted.isHtml() ? "html" : "text";
        article.rawContent = accepted.rawContent();
        article.text = cleaned.text();
        article.contentHash = ContentHash.of(accepted.title(), cleaned.text());
        article.summaryStatus = SummaryStatus.PENDING;
        // The queue leaves the article to this request while it waits for the summary inline.
        article.summaryNextAttemptAt = receivedAt.plus(summaryConfig.inlineTimeout()).plusSeconds(5);
        return article;
    }
}
