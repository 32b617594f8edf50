package io.newsdesk.platform;

import io.newsdesk.llm.LlmConfig;
import io.newsdesk.summary.SummaryConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses to start on settings that contradict each other, saying which and how to fix them. */
@ApplicationScoped
class ConfigurationCheck {

    private final LlmConfig llm;
    private final SummaryConfig summary;
    private final Optional<String> reactiveUrl;
    private final Optional<String> jdbcUrl;
    private final int defaultPageSize;
    private final int maxPageSize;

    ConfigurationCheck(LlmConfig llm, SummaryConfig summary,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
            @ConfigProperty(name = "newsdesk.articles.default-page-size") int defaultPageSize,
            @ConfigProperty(name = "newsdesk.articles.max-page-size") int maxPageSize) {
        this.llm = llm;
        this.summary = summary;
        this.reactiveUrl = reactiveUrl;
        this.jdbcUrl = jdbcUrl;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("newsdesk cannot start with contradictory settings:\n - "
                    + String.join("\n - ", problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (reactiveUrl.isPresent() != jdbcUrl.isPresent()) {
            problems.add("set both QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL (the JDBC one is "
                    + "used for schema migrations), or neither for the embedded PostgreSQL");
        }
        if (llm.enabled() && llm.baseUrl().contains("api.openai.com") && llm.apiKey().isEmpty()) {
            problems.add("newsdesk.llm.enabled=true with the OpenAI base URL needs newsdesk.llm.api-key "
                    + "(NEWSDESK_LLM_API_KEY)");
        }
        if (summary.fallbackToExtractive() && !llm.enabled()) {
            problems.add("newsdesk.summary.fallback-to-extractive=true needs newsdesk.llm.enabled=true "
                    + "(without an LLM every summary is extractive already)");
        }
        if (summary.maxSentences() < 1 || summary.maxWords() < 1) {
            problems.add("newsdesk.summary.max-sentences and max-words must be at least 1");
        }
        if (summary.retryBackoff().compareTo(summary.retryBackoffMax()) > 0) {
            problems.add("newsdesk.summary.retry-backoff must not exceed newsdesk.summary.retry-backoff-max");
        }
        if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            problems.add("newsdesk.articles.default-page-size must be between 1 and newsdesk.articles.max-page-size");
        }
        return problems;
    }
}
