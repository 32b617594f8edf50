package io.newsdesk.summary;

import io.newsdesk.embedding.InProcessEmbeddings;
import io.newsdesk.embedding.LexicalEmbeddingModel;
import io.newsdesk.extract.LanguageDetector;
import io.newsdesk.llm.LlmClient;
import io.newsdesk.llm.LlmConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The summarizers the service runs with: the LLM when one is configured (newsdesk.llm.enabled), otherwise the
 * in-process extractive summarizer; and, if newsdesk.summary.fallback-to-extractive is set, the extractive one as
 * the fallback when the LLM fails or is too slow. The same for whole stories: the LLM's story summary when one is
 * configured, and the offline one always (it stays when the LLM fails).
 */
// Built at start-up so that the log names the summarizers at once; the in-process model they use loads in the
// background (InProcessEmbeddings), and their first call waits for it if need be.
@Startup
@Singleton
public class Summarizers {

    private static final Logger LOG = Logger.getLogger(Summarizers.class);

    private final Summarizer primary;
    private final Optional<Summarizer> fallback;
    private final OfflineStorySummarizer storyOffline;
    private final Optional<LlmStorySummarizer> storyLlm;

    Summarizers(SummaryConfig summaryConfig, StorySummaryConfig storyConfig, LlmConfig llmConfig,
            Instance<LlmClient> llm, LanguageDetector languages, Clock clock,
            Instance<InProcessEmbeddings> embeddings) {
        Summarizer extractive = new OfflineSummarizer(summaryConfig.limits(), clock);
        if (llmConfig.enabled()) {
            LOG.infof("Summaries by LLM %s%s", llmConfig.label(),
                    summaryConfig.fallbackToExtractive() ? ", falling back to extractive summaries" : "");
            primary = new LlmSummarizer(llm.get(), llmConfig, summaryConfig.limits(), languages, clock);
            fallback = summaryConfig.fallbackToExtractive() ? Optional.of(extractive) : Optional.empty();
            storyLlm = Optional.of(new LlmStorySummarizer(llm.get(), llmConfig, storyConfig.limits(), languages));
        } else {
            LOG.info("No LLM configured: summaries by the in-process extractive summarizer");
            primary = extractive;
            fallback = Optional.empty();
            storyLlm = Optional.empty();
        }
        storyOffline = storyOffline(embeddings, storyConfig.limits());
    }

    /**
     * On the in-process model's sentence embeddings, which see the same fact in other outlets' words; on lexical
     * vectors where the build has no model.
     */
    private static OfflineStorySummarizer storyOffline(Instance<InProcessEmbeddings> embeddings,
            SummaryLimits limits) {
        if (embeddings.isResolvable()) {
            return new OfflineStorySummarizer(embeddings.get().model(), OfflineSummarizer.NAME, limits);
        }
        LOG.info("No in-process embedding model in this build: story summaries on lexical sentence vectors");
        return new OfflineStorySummarizer(new LexicalEmbeddingModel(), OfflineStorySummarizer.LEXICAL_NAME, limits);
    }

    public Summarizer primary() {
        return primary;
    }

    public Optional<Summarizer> fallback() {
        return fallback;
    }

    /** The offline story summarizer: always there, and what stays when the LLM fails. */
    OfflineStorySummarizer storyOffline() {
        return storyOffline;
    }

    /** The LLM story summarizer, when an LLM is configured. */
    Optional<LlmStorySummarizer> storyLlm() {
        return storyLlm;
    }
}
