package io.newsdesk.summary;

import static io.newsdesk.platform.TestConfigs.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.llm.LlmConfig;
import org.junit.jupiter.api.Test;

class SummarySettingsRuleTest {

    private static final LlmConfig NO_LLM = mapping(LlmConfig.class);
    private static final LlmConfig LLM = mapping(LlmConfig.class, "newsdesk.llm.enabled", "true");

    @Test
    void theDefaultsAgree() {
        assertThat(new SummarySettingsRule(mapping(SummaryConfig.class), NO_LLM).problems()).isEmpty();
    }

    @Test
    void aFirstBackoffLongerThanTheLongestIsRefusedNamingBothKeys() {
        SummaryConfig summary = mapping(SummaryConfig.class, "newsdesk.summary.retry-backoff", "1h");

        assertThat(new SummarySettingsRule(summary, NO_LLM).problems()).singleElement().asString()
                .contains("newsdesk.summary.retry-backoff (PT1H)", "newsdesk.summary.retry-backoff-max (PT10M)");
    }

    @Test
    void theExtractiveFallbackNeedsAnLlm() {
        SummaryConfig summary = mapping(SummaryConfig.class, "newsdesk.summary.fallback-to-extractive", "true");

        assertThat(new SummarySettingsRule(summary, NO_LLM).problems()).singleElement().asString()
                .contains("newsdesk.summary.fallback-to-extractive=true needs newsdesk.llm.enabled=true");
        assertThat(new SummarySettingsRule(summary, LLM).problems()).isEmpty();
    }
}
