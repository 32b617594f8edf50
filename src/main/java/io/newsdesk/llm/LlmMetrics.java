package io.newsdesk.llm;

import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** LLM calls by purpose and outcome, their latency, tokens from the provider's usage, and failures by cause. */
@ApplicationScoped
public class LlmMetrics {

    private final MeterRegistry registry;

    LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void succeeded(String purpose, Duration latency, TokenUsage usage) {
        registry.counter("newsdesk.llm.calls", "purpose", purpose, "outcome", "success").increment();
        Timer.builder("newsdesk.llm.latency").tag("purpose", purpose).register(registry).record(latency);
        if (usage != null) {
            count(purpose, "input", usage.inputTokenCount());
            count(purpose, "output", usage.outputTokenCount());
        }
    }

    /** A call that failed, or that was never made (cause {@code unavailable}). */
    public void failed(String purpose, Throwable failure) {
        String cause = LlmFailures.cause(failure);
        registry.counter("newsdesk.llm.calls", "purpose", purpose, "outcome",
                "unavailable".equals(cause) ? "rejected" : "failure").increment();
        registry.counter("newsdesk.llm.failures", "purpose", purpose, "cause", cause).increment();
    }

    /** The call succeeded but its answer was unusable. */
    public void invalidAnswer(String purpose) {
        registry.counter("newsdesk.llm.failures", "purpose", purpose, "cause", "invalid_answer").increment();
    }

    private void count(String purpose, String type, Integer tokens) {
        if (tokens != null) {
            registry.counter("newsdesk.llm.tokens", "purpose", purpose, "type", type).increment(tokens);
        }
    }
}
