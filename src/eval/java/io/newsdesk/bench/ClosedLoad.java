package io.newsdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A closed-loop load generator: exactly {@code concurrency} requests in flight, a new one sent as soon as one
 * completes (after a 503 with Retry-After, once that many seconds have passed). Non-blocking (JDK HttpClient
 * sendAsync, HTTP/1.1, unlimited connection pool), so no thread per request.
 */
final class ClosedLoad implements AutoCloseable {

    /** What one run measured; latencies of the requests that completed inside the measurement window. */
    record Result(int concurrency, double seconds, long ok, Map<String, Integer> other, long[] latenciesMicros,
            Map<String, Integer> late) {

        double throughput() {
            return ok / seconds;
        }

        long nonOk() {
            return other.values().stream().mapToLong(Integer::longValue).sum();
        }

        double percentileMillis(double p) {
            return latenciesMicros.length == 0 ? Double.NaN : percentile(latenciesMicros, p) / 1000.0;
        }
    }

    /** The nearest-rank {@code p}-th percentile of sorted, non-empty values. */
    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bench-load");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(executor)
            .build();

    /**
     * Runs {@code warmup} then {@code measure} with {@code concurrency} requests in flight, then waits for the
     * in-flight ones; {@code okStatus} is the status counted as throughput.
     */
    Result run(int concurrency, Duration warmup, Duration measure, URI uri, Supplier<String> bodies, int okStatus) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long windowEnd = windowStart + measure.toNanos();
        LongAdder ok = new LongAdder();
        Map<String, AtomicInteger> other = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> late = new ConcurrentHashMap<>();
        long[][] latencies = {new long[1 << 14]};
        AtomicInteger recorded = new AtomicInteger();
        Object latencyLock = new Object();
        while (System.nanoTime() < windowEnd) {
            if (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get()))
                    .build();
            long sent = System.nanoTime();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long done = System.nanoTime();
                if (done >= windowStart && done < windowEnd) {
                    if (failure == null && response.statusCode() == okStatus) {
                        ok.increment();
                    } else {
                        String key = failure == null ? "HTTP " + response.statusCode()
                                : rootCause(failure).getClass().getSimpleName();
                        other.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    }
                    synchronized (latencyLock) {
                        int i = recorded.getAndIncrement();
                        if (i >= latencies[0].length) {
                            latencies[0] = Arrays.copyOf(latencies[0], latencies[0].length * 2);
                        }
                        latencies[0][i] = (done - sent) / 1000;
                    }
                } else if (done >= windowEnd) {
                    String key = failure == null ? "HTTP " + response.statusCode()
                            : rootCause(failure).getClass().getSimpleName();
                    late.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                }
                // A polite client: after "503, Retry-After: n" this slot sends again only n seconds later.
                long retryAfter = failure == null && response.statusCode() == 503
                        ? response.headers().firstValueAsLong("Retry-After").orElse(0) : 0;
                if (retryAfter > 0) {
                    CompletableFuture.delayedExecutor(retryAfter, TimeUnit.SECONDS).execute(inFlight::release);
                } else {
                    inFlight.release();
                }
            });
        }
        // drain: let every request still in flight finish before the next level starts
        if (!inFlight.tryAcquire(concurrency, 150, TimeUnit.SECONDS)) {
            System.out.println("  warning: requests still in flight 150 s after the window");
        } else {
            inFlight.release(concurrency);
        }
        long[] sorted;
        synchronized (latencyLock) {
            sorted = Arrays.copyOf(latencies[0], recorded.get());
        }
        Arrays.sort(sorted);
        Map<String, Integer> others = new TreeMap<>();
        other.forEach((k, v) -> others.put(k, v.get()));
        Map<String, Integer> lates = new TreeMap<>();
        late.forEach((k, v) -> lates.put(k, v.get()));
        return new Result(concurrency, measure.toNanos() / 1e9, ok.sum(), others, sorted, lates);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
