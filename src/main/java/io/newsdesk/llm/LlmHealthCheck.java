package io.newsdesk.llm;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the LLM's state in readiness without ever failing it: articles are accepted and queued while the LLM is
 * down, so an unreachable LLM must not take the service out of a load balancer.
 */
@Readiness
@ApplicationScoped
class LlmHealthCheck implements HealthCheck {

    private final LlmConfig config;
    private final LlmCircuitBreaker breaker;
    private final LlmRateLimit rateLimit;

    LlmHealthCheck(LlmConfig config, LlmCircuitBreaker breaker, LlmRateLimit rateLimit) {
        this.config = config;
        this.breaker = breaker;
        this.rateLimit = rateLimit;
    }

    @Override
    public HealthCheckResponse call() {
        String state = !config.enabled() ? "not configured (offline summaries)"
                : breaker.isOpen() ? "circuit open (summaries queued)"
                : rateLimit.isPaused() ? "rate limited until " + rateLimit.pausedUntil()
                : "available";
        return HealthCheckResponse.named("LLM").up()
                .withData("llm", config.enabled() ? config.label() : "none")
                .withData("state", state)
                .build();
    }
}
