package io.newsdesk.llm;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * newsdesk.llm.*: whether an LLM is configured and how newsdesk treats it. The connection keys (enabled, base URL,
 * key, model, temperature, timeout) are also passed on to quarkus-langchain4j, by expressions in
 * application.properties; those see this mapping's defaults.
 */
@ConfigMapping(prefix = "newsdesk.llm")
public interface LlmConfig {

    @Description("Use an LLM (OpenAI chat-completions protocol) for summaries and same-story decisions. Off: newsdesk "
            + "uses its offline algorithms only.")
    @WithDefault("false")
    boolean enabled();

    @Description("The server's OpenAI-compatible API root: OpenAI, Azure-style gateways, vLLM, llama.cpp, LM Studio, "
            + "Ollama (http://localhost:11434/v1/).")
    @WithDefault("https://api.openai.com/v1/")
    @NotBlank
    String baseUrl();

    @Description("Sent as a bearer token; never logged. Needed with the OpenAI base URL.")
    Optional<String> apiKey();

    @Description("Longest a single HTTP call to the LLM may take.")
    @WithDefault("60s")
    @DurationMin(millis = 1)
    Duration timeout();

    @Description("Sampling temperature of the chat model.")
    @WithDefault("0.2")
    @DecimalMin("0")
    @DecimalMax("2")
    double temperature();

    @Description("Names the provider in the summarizer label stored with each summary, e.g. openai, ollama, vllm.")
    @WithDefault("openai")
    @NotBlank
    String provider();

    @Description("The chat model.")
    @WithDefault("gpt-4o-mini")
    @NotBlank
    String model();

    @Description("Ask for JSON-schema structured output (response_format); servers without it still get the prompt's "
            + "rules.")
    @WithDefault("true")
    boolean jsonSchema();

    @Description("Concurrent HTTP connections to the LLM server (the client's own pool allows only 50).")
    @WithDefault("1024")
    @Min(1)
    int maxConnections();

    CircuitBreaker circuitBreaker();

    interface CircuitBreaker {

        @Description("Consecutive failures that open the circuit.")
        @WithDefault("5")
        @Min(1)
        int failureThreshold();

        @Description("How long an open circuit refuses calls before letting one trial call through.")
        @WithDefault("30s")
        @DurationMin(millis = 1)
        Duration openDuration();
    }

    /** The label stored with each summary, e.g. {@code openai:gpt-4o-mini}. */
    default String label() {
        return provider() + ":" + model();
    }
}
