package io.newsdesk.ingest;

import io.newsdesk.api.IngestConfig;
import io.newsdesk.api.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control for the CPU-bound part of ingest (clean, fingerprint, store, assign a story). Without it an
 * overloaded instance accepts every POST and each waits behind all the others: at 512 in flight on two cores every
 * request took about 24 s and timed out at the client while the service kept working for nobody
 * (docs/benchmarks.md §2). With it, a POST beyond {@code newsdesk.ingest.max-queued} articles in that part is
 * answered 503 at once (64 per processor unless configured), with a Retry-After of about the time the admitted ones currently take, and nothing stored.
 */
@ApplicationScoped
public class IngestAdmission {

    /** Weight of the newest duration in the running mean of the admitted articles' time in the gate. */
    private static final double SMOOTHING = 0.1;
    /** Articles admitted per processor when newsdesk.ingest.max-queued is not set. */
    static final int PER_PROCESSOR = 64;

    private final int maxQueued;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Counter refused;
    private volatile double meanSeconds;

    IngestAdmission(IngestConfig config, MeterRegistry registry) {
        this.maxQueued = config.maxQueued().orElse(PER_PROCESSOR * Runtime.getRuntime().availableProcessors());
        Gauge.builder("newsdesk.ingest.admitted", admitted, AtomicInteger::get)
                .description("New articles in the CPU-bound part of ingest").register(registry);
        this.refused = Counter.builder("newsdesk.ingest.refused")
                .description("POSTs answered 503 because newsdesk.ingest.max-queued articles were in ingest")
                .register(registry);
    }

    /** The most articles admitted at once. */
    public int limit() {
        return maxQueued;
    }

    /** A place in the gate, to be closed exactly once when the article is assigned or failed. */
    public final class Ticket implements AutoCloseable {
        private final long started = System.nanoTime();
        private boolean closed;

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                admitted.decrementAndGet();
                double seconds = (System.nanoTime() - started) / 1e9;
                meanSeconds = meanSeconds == 0 ? seconds : meanSeconds + SMOOTHING * (seconds - meanSeconds);
            }
        }
    }

    /** A ticket, or a 503 problem when the gate is full. */
    public Ticket admit() {
        if (admitted.incrementAndGet() > maxQueued) {
            admitted.decrementAndGet();
            refused.increment();
            throw ProblemException.unavailable("Too busy", "The service is ingesting as many articles as it can; "
                    + "retry after Retry-After seconds (repeating a POST is safe: ingest is idempotent).",
                    retryAfterSeconds());
        }
        return new Ticket();
    }

    /** How long the admitted articles currently take, rounded up: by then about as many have left the gate. */
    int retryAfterSeconds() {
        return (int) Math.max(1, Math.ceil(meanSeconds));
    }
}
