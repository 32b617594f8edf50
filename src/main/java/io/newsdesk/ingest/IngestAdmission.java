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
 * answered 503 at once (64 per processor unless configured), with a Retry-After of about the time the admitted ones
 * currently take, and nothing stored.
 *
 * <p>An article takes one place, and one more for each {@value #CHARS_PER_PLACE} characters of its body or page:
 * the work is linear in the text, and a gate of 128 one-megabyte articles counted as 128 news articles would queue
 * minutes of work instead of seconds (docs/benchmarks.md §8). An article takes at most a quarter of the gate, so
 * that the largest page allowed still finds room while smaller ones come and go.
 */
@ApplicationScoped
public class IngestAdmission {

    /** Weight of the newest duration in the running mean of the admitted articles' time in the gate. */
    private static final double SMOOTHING = 0.1;
    /** Articles admitted per processor when newsdesk.ingest.max-queued is not set. */
    static final int PER_PROCESSOR = 64;
    /** Characters of a body (bytes of a raw page) that weigh one more place: about twenty news articles' text. */
    static final int CHARS_PER_PLACE = 64 * 1024;

    private final int maxQueued;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Counter refused;
    private volatile double meanSeconds;

    IngestAdmission(IngestConfig config, MeterRegistry registry) {
        this.maxQueued = config.maxQueued().orElse(PER_PROCESSOR * Runtime.getRuntime().availableProcessors());
        Gauge.builder("newsdesk.ingest.admitted", admitted, AtomicInteger::get)
                .description("Places taken in the CPU-bound part of ingest: one per new article, one more per "
                        + CHARS_PER_PLACE + " characters of its body or page").register(registry);
        this.refused = Counter.builder("newsdesk.ingest.refused")
                .description("POSTs answered 503 because newsdesk.ingest.max-queued articles were in ingest")
                .register(registry);
    }

    /** The places of the gate: the most news articles admitted at once. */
    public int limit() {
        return maxQueued;
    }

    /** Places in the gate, to be closed exactly once when the article is assigned or failed. */
    public final class Ticket implements AutoCloseable {
        private final long started = System.nanoTime();
        private final int places;
        private boolean closed;

        private Ticket(int places) {
            this.places = places;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                admitted.addAndGet(-places);
                double seconds = (System.nanoTime() - started) / 1e9;
                meanSeconds = meanSeconds == 0 ? seconds : meanSeconds + SMOOTHING * (seconds - meanSeconds);
            }
        }
    }

    /**
     * A ticket for an article of {@code chars} characters of body or page, or a 503 problem when the gate has not
     * the places it weighs.
     */
    public Ticket admit(long chars) {
        int places = (int) Math.min(Math.max(1, maxQueued / 4), 1 + chars / CHARS_PER_PLACE);
        for (int taken = admitted.get(); ; taken = admitted.get()) {
            if (taken + places > maxQueued) {
                refused.increment();
                throw ProblemException.unavailable("Too busy", "The service is ingesting as many articles as it "
                        + "can; retry after Retry-After seconds (repeating a POST is safe: ingest is idempotent).",
                        retryAfterSeconds());
            }
            if (admitted.compareAndSet(taken, taken + places)) {
                return new Ticket(places);
            }
        }
    }

    /** How long the admitted articles currently take, rounded up: by then about as many have left the gate. */
    int retryAfterSeconds() {
        return (int) Math.max(1, Math.ceil(meanSeconds));
    }
}
