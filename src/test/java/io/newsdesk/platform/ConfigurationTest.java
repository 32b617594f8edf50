package io.newsdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.llm.LlmConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * The newsdesk.llm.* keys reach quarkus-langchain4j through expressions in application.properties that give no
 * default of their own: the mapping's defaults must resolve there too.
 */
@QuarkusTest
class ConfigurationTest {

    @Inject
    Config config;

    @Inject
    LlmConfig llm;

    @Test
    void theLlmClientGetsTheMappingDefaults() {
        assertThat(config.getValue("quarkus.langchain4j.openai.chat-model.model-name", String.class))
                .isEqualTo(llm.model()).isEqualTo("gpt-4o-mini");
        assertThat(config.getValue("quarkus.langchain4j.openai.base-url", String.class)).isEqualTo(llm.baseUrl());
        assertThat(config.getValue("quarkus.langchain4j.openai.timeout", Duration.class)).isEqualTo(llm.timeout());
        assertThat(config.getValue("quarkus.langchain4j.openai.chat-model.temperature", Double.class))
                .isEqualTo(llm.temperature());
    }
}
