package io.newsdesk.llm;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Stops calling an LLM that keeps failing: after {@code failureThreshold} consecutive failures the circuit opens and
 * calls fail at once for {@code openDuration}; then a single trial call decides whether it closes again.
 */
@ApplicationScoped
public class LlmCircuitBreaker {

    private final int failureThreshold;
    private final java.time.Duration openDuration;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openUntil = Instant.EPOCH;
    private boolean trialInFlight;

    LlmCircuitBreaker(LlmConfig config, Clock clock) {
        this.failureThreshold = config.circuitBreaker().failureThreshold();
        this.openDuration = config.circuitBreaker().openDuration();
        this.clock = clock;
    }

    /** Whether a call may go out now; while open, only one trial call per open period passes. */
    public synchronized boolean allowCall() {
        if (consecutiveFailures < failureThreshold) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    public synchronized void recordSuccess() {
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void recordFailure() {
        consecutiveFailures++;
        trialInFlight = false;
        if (consecutiveFailures >= failureThreshold) {
            openUntil = clock.instant().plus(openDuration);
        }
    }

    public synchronized boolean isOpen() {
        return consecutiveFailures >= failureThreshold && clock.instant().isBefore(openUntil);
    }
}
