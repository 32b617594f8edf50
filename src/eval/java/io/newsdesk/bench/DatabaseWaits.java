package io.newsdesk.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the service's database sessions are doing, sampled from pg_stat_activity every 100 ms over a window: the
 * mean number of active sessions per wait event (e.g. Lock:advisory), or running ("CPU") when not waiting.
 */
final class DatabaseWaits {

    private static final String ACTIVE = """
            SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity
            WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()""";

    private final int port;
    private final Map<String, Integer> counts = new TreeMap<>();
    private volatile boolean sampling;
    private Thread sampler;
    private int samples;

    DatabaseWaits(int port) {
        this.port = port;
    }

    void begin() {
        sampling = true;
        sampler = new Thread(this::sample, "bench-pg-waits");
        sampler.setDaemon(true);
        sampler.start();
    }

    void end() {
        sampling = false;
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        try (Connection sql = BenchService.connect(port); Statement statement = sql.createStatement()) {
            while (sampling) {
                try (ResultSet rows = statement.executeQuery(ACTIVE)) {
                    synchronized (counts) {
                        samples++;
                        while (rows.next()) {
                            counts.merge(rows.getString(1), 1, Integer::sum);
                        }
                    }
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            System.out.println("  pg_stat_activity sampling stopped: " + e);
        }
    }

    /** Mean active sessions per wait event over the window, busiest first. */
    String summary() {
        synchronized (counts) {
            if (samples == 0) {
                return "n/a";
            }
            int n = samples;
            return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / (double) n))
                    .collect(Collectors.joining(", "));
        }
    }
}
