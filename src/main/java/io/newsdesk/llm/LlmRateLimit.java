package io.newsdesk.llm;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The provider's "wait before calling again" (HTTP 429 with Retry-After). Rate limits apply to the whole API key,
 * so the pause holds for every call, inline or queued.
 */
@ApplicationScoped
public class LlmRateLimit {

    private final Clock clock;
    private volatile Instant pausedUntil = Instant.EPOCH;

    LlmRateLimit(Clock clock) {
        this.clock = clock;
    }

    /** Records a Retry-After header value: delay seconds or an HTTP date. Unparsable values are ignored. */
    public void retryAfter(String headerValue) {
        Instant until;
        try {
            until = clock.instant().plus(Duration.ofSeconds(Long.parseLong(headerValue.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                until = ZonedDateTime.parse(headerValue.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notADate) {
                return;
            }
        }
        synchronized (this) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
    }

    /** The earliest time the provider accepts calls again; in the past when there is no pause. */
    public Instant pausedUntil() {
        return pausedUntil;
    }

    public boolean isPaused() {
        return clock.instant().isBefore(pausedUntil);
    }
}
