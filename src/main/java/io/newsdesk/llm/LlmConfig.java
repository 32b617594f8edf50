package io.newsdesk.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * newsdesk.llm.*: whether an LLM is configured and how newsdesk treats it. The connection itself (base URL, key,
 * model) is passed on to quarkus-langchain4j in application.properties.
 */
@ConfigMapping(prefix = "newsdesk.llm")
public interface LlmConfig {

    /** Off by default: without an LLM, newsdesk uses its offline algorithms. */
    @WithDefault("false")
    boolean enabled();

    /** The server's OpenAI-compatible API root, e.g. http://localhost:11434/v1/ for Ollama. */
    @WithDefault("https://api.openai.com/v1/")
    String baseUrl();

    /** Sent as a bearer token; never logged. */
    Optional<String> apiKey();

    /** Longest a single HTTP call to the LLM may take. */
    @WithDefault("60s")
    Duration timeout();

    @WithDefault("0.2")
    double temperature();

    /** Names the provider in the {@code summarizer} label, e.g. openai, ollama, vllm. */
    @WithDefault("openai")
    String provider();

    @WithDefault("gpt-4o-mini")
    String model();

    /** Ask for JSON-schema structured output (response_format); servers without it still get the prompt's rules. */
    @WithDefault("true")
    boolean jsonSchema();

    /** Concurrent HTTP connections to the LLM server (the default client allows only 50). */
    @WithDefault("1024")
    int maxConnections();

    CircuitBreaker circuitBreaker();

    interface CircuitBreaker {

        /** Consecutive failures that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses calls before letting one trial call through. */
        @WithDefault("30s")
        Duration openDuration();
    }

    /** The label stored with each summary, e.g. {@code openai:gpt-4o-mini}. */
    default String label() {
        return provider() + ":" + model();
    }
}
