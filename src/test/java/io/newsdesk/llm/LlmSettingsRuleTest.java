package io.newsdesk.llm;

import static io.newsdesk.platform.TestConfigs.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LlmSettingsRuleTest {

    @Test
    void withoutAnLlmNoKeyIsNeeded() {
        assertThat(new LlmSettingsRule(mapping(LlmConfig.class)).problems()).isEmpty();
    }

    @Test
    void openAiWithoutAKeyIsRefusedNamingTheKey() {
        LlmConfig config = mapping(LlmConfig.class, "newsdesk.llm.enabled", "true");

        assertThat(new LlmSettingsRule(config).problems()).singleElement().asString()
                .contains("newsdesk.llm.api-key", "NEWSDESK_LLM_API_KEY");
    }

    @Test
    void aKeyOrAnotherServerSatisfiesIt() {
        assertThat(new LlmSettingsRule(mapping(LlmConfig.class, "newsdesk.llm.enabled", "true",
                "newsdesk.llm.api-key", "sk-test")).problems()).isEmpty();
        assertThat(new LlmSettingsRule(mapping(LlmConfig.class, "newsdesk.llm.enabled", "true",
                "newsdesk.llm.base-url", "http://localhost:11434/v1/")).problems()).isEmpty();
    }
}
