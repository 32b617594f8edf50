package io.newsdesk.summary;

import io.newsdesk.llm.LlmConfig;
import io.newsdesk.platform.SettingsRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
class SummarySettingsRule implements SettingsRule {

    private final SummaryConfig summary;
    private final LlmConfig llm;

    SummarySettingsRule(SummaryConfig summary, LlmConfig llm) {
        this.summary = summary;
        this.llm = llm;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>(SettingsRule.notAbove("newsdesk.summary.retry-backoff",
                summary.retryBackoff(), "newsdesk.summary.retry-backoff-max", summary.retryBackoffMax()));
        if (summary.fallbackToExtractive() && !llm.enabled()) {
            problems.add("newsdesk.summary.fallback-to-extractive=true needs newsdesk.llm.enabled=true "
                    + "(without an LLM every summary is extractive already): remove the first or enable the LLM");
        }
        return problems;
    }
}
