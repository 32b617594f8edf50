package io.newsdesk.summary;

import io.newsdesk.embedding.InProcessEmbeddings;
import io.newsdesk.language.LanguageDetector;
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
            LlmMetrics metrics, Clock clock, InProcessEmbeddings embeddings) {
        if (llmConfig.enabled()) {
            LOG.infof("Summaries by LLM %s%s", llmConfig.label(),
                    summaryConfig.fallbackToExtractive() ? ", falling back to extractive summaries" : "");
            primary = new LlmSummarizer(llm.get(), llmConfig, summaryConfig.limits(), languages, metrics, clock);
            fallback = summaryConfig.fallbackToExtractive()
                    ? Optional.of(new OfflineSummarizer(embeddings.model(), summaryConfig.limits(), clock))
                    : Optional.empty();
        } else {
            LOG.info("No LLM configured: summaries by the in-process extractive summarizer");
            primary = new OfflineSummarizer(embeddings.model(), summaryConfig.limits(), clock);
            fallback = Optional.empty();
        }
    }

    public Summarizer primary() {
        return primary;
    }

    public Optional<Summarizer> fallback() {
        return fallback;
    }
}
