package io.newsdesk.summary;

import io.newsdesk.embedding.InProcessEmbeddings;
import io.newsdesk.embedding.LexicalEmbeddingModel;
import io.newsdesk.extract.LanguageDetector;
import io.newsdesk.llm.LlmClient;
import io.newsdesk.llm.LlmConfig;
import io.newsdesk.llm.LlmMetrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The summarizers the service runs with: the LLM when one is configured (newsdesk.llm.enabled), otherwise the
 * in-process extractive summarizer; and, if newsdesk.summary.fallback-to-extractive is set, the extractive one as
 * the fallback when the LLM fails or is too slow.
 */
// Built at start-up: loading the ONNX model takes a moment that no request's event loop should wait for.
@Startup
@Singleton
public class Summarizers {

    private static final Logger LOG = Logger.getLogger(Summarizers.class);

    private final Summarizer primary;
    private final Optional<Summarizer> fallback;

    Summarizers(SummaryConfig summaryConfig, LlmConfig llmConfig, Instance<LlmClient> llm, LanguageDetector languages,
            LlmMetrics metrics, Clock clock, Instance<InProcessEmbeddings> embeddings) {
        if (llmConfig.enabled()) {
            LOG.infof("Summaries by LLM %s%s", llmConfig.label(),
                    summaryConfig.fallbackToExtractive() ? ", falling back to extractive summaries" : "");
            primary = new LlmSummarizer(llm.get(), llmConfig, summaryConfig.limits(), languages, metrics, clock);
            fallback = summaryConfig.fallbackToExtractive()
                    ? Optional.of(offline(embeddings, summaryConfig, clock))
                    : Optional.empty();
        } else {
            LOG.info("No LLM configured: summaries by the in-process extractive summarizer");
            primary = offline(embeddings, summaryConfig, clock);
            fallback = Optional.empty();
        }
    }

    /** The extractive summarizer on the in-process model, or on lexical vectors where the build has none. */
    private static Summarizer offline(Instance<InProcessEmbeddings> embeddings, SummaryConfig config, Clock clock) {
        if (embeddings.isResolvable()) {
            return new OfflineSummarizer(embeddings.get().model(), OfflineSummarizer.NAME, config.limits(), clock);
        }
        LOG.info("No in-process embedding model in this build: extractive summaries on lexical sentence vectors");
        return new OfflineSummarizer(new LexicalEmbeddingModel(), OfflineSummarizer.LEXICAL_NAME, config.limits(),
                clock);
    }

    public Summarizer primary() {
        return primary;
    }

    public Optional<Summarizer> fallback() {
        return fallback;
    }
}
