package io.newsdesk.ingest;

import io.newsdesk.api.ProblemException;
import io.newsdesk.extract.ArticleCleaner;
import io.newsdesk.extract.CleanedText;
import io.newsdesk.extract.LanguageDetector;
import io.newsdesk.extract.PageDecoder;
import io.newsdesk.fingerprint.ArticleFingerprinter;
import io.newsdesk.fingerprint.ArticleFingerprints;
import io.newsdesk.store.Article;
import io.newsdesk.store.ArticleStore;
import io.newsdesk.store.ContentHash;
import io.newsdesk.store.Ingested;
import io.newsdesk.store.Summary;
import io.newsdesk.store.SummaryStatus;
import io.newsdesk.story.ArticleToAssign;
import io.newsdesk.story.Assignment;
import io.newsdesk.story.StoryAssigner;
import io.newsdesk.summary.SummaryConfig;
import io.newsdesk.summary.SummaryRequest;
import io.newsdesk.summary.SummaryService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The ingest path, top to bottom: validate, clean, store once, fingerprint, find duplicates (join or start a story),
 * summarize, respond. A submission of an article stored already (same canonical URL, or same title and text without
 * one) is answered from the store before the costly part: feeds are polled again and again. The article is stored
 * before anything that can fail slowly, so it is never lost: an article
 * whose story could not be decided (database trouble) is assigned later by the story sweeper, and one whose summary
 * could not be written stays queued.
 */
@ApplicationScoped
public class ArticleIngestService {

    private static final Logger LOG = Logger.getLogger(ArticleIngestService.class);

    private final SubmissionValidator validator;
    private final ArticleCleaner cleaner;
    private final LanguageDetector languages;
    private final ArticleFingerprinter fingerprinter;
    private final ArticleStore store;
    private final StoryAssigner stories;
    private final SummaryService summaries;
    private final SummaryConfig summaryConfig;
    private final IngestAdmission admission;
    private final Clock clock;
    private final Vertx vertx;

    ArticleIngestService(SubmissionValidator validator, ArticleCleaner cleaner, LanguageDetector languages,
            ArticleFingerprinter fingerprinter, ArticleStore store, StoryAssigner stories, SummaryService summaries,
            SummaryConfig summaryConfig, Clock clock, Vertx vertx, IngestAdmission admission) {
        this.validator = validator;
        this.cleaner = cleaner;
        this.languages = languages;
        this.fingerprinter = fingerprinter;
        this.store = store;
        this.stories = stories;
        this.summaries = summaries;
        this.summaryConfig = summaryConfig;
        this.admission = admission;
        this.clock = clock;
        this.vertx = vertx;
    }

    /**
     * Called on the request's Vert.x context. Everything proportional to the body's size runs on worker threads, which
     * deliver back on that context (a ProblemException thrown there fails the Uni: 400 as usual).
     */
    public Uni<Ingested> ingest(ArticleSubmission submission) {
        // No submission at all (an empty or null JSON body) is the validator's 400, in prepare.
        long chars = submission == null ? 0 : length(submission.body()) + length(submission.html());
        return ingestPrepared(chars, () -> prepare(submission));
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    /**
     * A raw page: its bytes are decoded ({@link PageDecoder}) on the worker thread too, then ingested as the html of
     * {@code fields} (whose html is null).
     *
     * @param charset the charset parameter of the request's Content-Type, or null
     */
    public Uni<Ingested> ingestPage(byte[] page, String charset, ArticleSubmission fields) {
        return ingestPrepared(page.length, () -> {
            String html;
            try {
                html = PageDecoder.decode(page, charset);
            } catch (PageDecoder.UndecodablePageException e) {
                throw ProblemException.badRequest("html", e.getMessage());
            }
            return prepare(new ArticleSubmission(fields.title(), null, html, fields.url(), fields.source(),
                    fields.publishedAt(), fields.language(), fields.author(), fields.siteName()));
        });
    }

    /** @param chars the size of the body or page, which weighs the article's places in the admission gate */
    private Uni<Ingested> ingestPrepared(long chars, Supplier<Article> preparation) {
        IngestAdmission.Ticket ticket;
        try {
            ticket = admission.admit(chars);
        } catch (ProblemException busy) {
            return Uni.createFrom().failure(busy);
        }
        // The ticket is given back once the story is decided: waiting for the summary costs no CPU here.
        return vertx.executeBlocking(Uni.createFrom().item(preparation), false)
                .flatMap(store::storeOnce)
                .flatMap(stored -> stored.created()
                        ? vertx.executeBlocking(Uni.createFrom().item(() -> fingerprints(stored.article())), false)
                                .flatMap(fingerprints -> findStory(stored.article(), fingerprints))
                                .invoke(ticket::close)
                                .flatMap(assignment -> summarize(stored.article(), assignment))
                                .map(done -> new Ingested(done, true))
                        : Uni.createFrom().item(stored))
                .onTermination().invoke(ticket::close);
    }

    /** Validates and cleans: CPU work, on a worker thread. */
    private Article prepare(ArticleSubmission submission) {
        AcceptedSubmission accepted = validator.validate(submission);
        CleanedText cleaned;
        if (accepted.isHtml()) {
            ArticleCleaner.CleanedPage page = cleaner.cleanPage(accepted.html(), accepted.url(), accepted.title());
            accepted = validator.completeFrom(accepted, page.metadata());
            cleaned = page.text();
            validator.checkPageText(cleaned.text());
        } else {
            cleaned = cleaner.clean(accepted.title(), accepted.body(), null);
        }
        if (cleaned.text().isBlank()) {
            throw ProblemException.badRequest(accepted.isHtml() ? "html" : "body", accepted.isHtml()
                    ? "contains no article text: the page has no readable text (only markup, scripts, styles or images)"
                    : "contains no article text");
        }
        return newArticle(accepted, cleaned);
    }

    /** The stored article's fingerprints, or null if they could not be computed. Blocks: on a worker thread. */
    private ArticleFingerprints fingerprints(Article article) {
        try {
            return fingerprinter.fingerprint(article.title, article.text);
        } catch (RuntimeException e) {
            LOG.warnf("Fingerprints of article %d not computed (%s); the story sweeper retries", article.id,
                    e.toString());
            return null;
        }
    }

    /** The article's story; null when it could not be decided now (the story sweeper retries). */
    private Uni<Assignment> findStory(Article article, ArticleFingerprints fingerprints) {
        if (fingerprints == null) {
            return Uni.createFrom().nullItem();
        }
        return stories.assign(new ArticleToAssign(article.id, article.title, article.text, article.publishedAt,
                        fingerprints))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "Story of article %d not decided yet; the story sweeper retries", article.id);
                    return null;
                });
    }

    /** Copies carry their original's summary, or wait for it; every other article is summarised now. */
    private Uni<Article> summarize(Article article, Assignment assignment) {
        if (assignment == null) {
            return Uni.createFrom().item(article);
        }
        article.storyId = assignment.storyId();
        article.duplicateOf = assignment.duplicateOf();
        article.duplicateKind = assignment.kind();
        article.similarity = assignment.similarity();
        article.duplicateReason = assignment.reason();
        if (assignment.reusedSummary() != null) {
            return Uni.createFrom().item(withSummary(article, assignment.reusedSummary()));
        }
        if (assignment.waitsForOriginal()) {
            return Uni.createFrom().item(article);
        }
        return summaries.summarizeNow(article.id, new SummaryRequest(article.title, article.text, article.language))
                .map(summary -> summary.map(done -> withSummary(article, done)).orElse(article));
    }

    private static Article withSummary(Article article, Summary summary) {
        article.summary = summary.text();
        article.summarizer = summary.summarizer();
        article.summarizedAt = summary.summarizedAt();
        article.summaryStatus = SummaryStatus.READY;
        return article;
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
        article.author = accepted.author();
        article.siteName = accepted.siteName();
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
