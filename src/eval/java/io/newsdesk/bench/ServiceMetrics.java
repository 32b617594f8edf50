package io.newsdesk.bench;

import java.net.URI;

/** A few sums from the service's Prometheus endpoint: where the time of a POST goes. */
record ServiceMetrics(double llmCount, double llmSeconds, double postCount, double postSeconds) {

    static ServiceMetrics scrape(URI metrics) {
        try {
            String text = Prometheus.scrape(metrics);
            return new ServiceMetrics(
                    Prometheus.sum(text, "newsdesk_llm_latency_seconds_count", "purpose=\"summary\""),
                    Prometheus.sum(text, "newsdesk_llm_latency_seconds_sum", "purpose=\"summary\""),
                    Prometheus.sum(text, "http_server_requests_seconds_count", "uri=\"/api/articles\"", "method=\"POST\""),
                    Prometheus.sum(text, "http_server_requests_seconds_sum", "uri=\"/api/articles\"", "method=\"POST\""));
        } catch (Exception e) {
            return new ServiceMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /** Mean LLM call and mean server-side POST duration, in ms, between two scrapes. */
    static String between(ServiceMetrics before, ServiceMetrics after) {
        if (before == null || after == null) {
            return "n/a";
        }
        double llm = (after.llmSeconds - before.llmSeconds) / (after.llmCount - before.llmCount) * 1000;
        double post = (after.postSeconds - before.postSeconds) / (after.postCount - before.postCount) * 1000;
        return String.format(java.util.Locale.ROOT, "%.0f ms per successful LLM call (%.0f calls, queue retries included), %.0f ms per POST in the server (%.0f POSTs)",
                llm, after.llmCount - before.llmCount, post, after.postCount - before.postCount);
    }
}
