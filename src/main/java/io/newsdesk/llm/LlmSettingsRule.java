package io.newsdesk.llm;

import io.newsdesk.platform.SettingsRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** OpenAI itself refuses every call without a key: better to say so at start than on the first article. */
@ApplicationScoped
class LlmSettingsRule implements SettingsRule {

    private final LlmConfig config;

    LlmSettingsRule(LlmConfig config) {
        this.config = config;
    }

    @Override
    public List<String> problems() {
        if (config.enabled() && config.baseUrl().contains("api.openai.com")
                && config.apiKey().filter(key -> !key.isBlank()).isEmpty()) {
            return List.of("newsdesk.llm.enabled=true with the OpenAI base URL needs newsdesk.llm.api-key "
                    + "(NEWSDESK_LLM_API_KEY), or set newsdesk.llm.base-url to a server that needs no key");
        }
        return List.of();
    }
}
