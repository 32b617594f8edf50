package io.newsdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A few sums from the service's Prometheus endpoint: where the time of a POST goes. */
record ServiceMetrics(double llmCount, double llmSeconds, double postCount, double postSeconds) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ServiceMetrics scrape(URI metrics) {
        try {
            String text = CLIENT.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return new ServiceMetrics(
                    sum(text, "newsdesk_llm_latency_seconds_count", "purpose=\"summary\""),
                    sum(text, "newsdesk_llm_latency_seconds_sum", "purpose=\"summary\""),
                    sum(text, "http_server_requests_seconds_count", "uri=\"/api/articles\"", "method=\"POST\""),
                    sum(text, "http_server_requests_seconds_sum", "uri=\"/api/articles\"", "method=\"POST\""));
        } catch (Exception e) {
            return new ServiceMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    private static double sum(String text, String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(ServiceMetrics::value)
                .sum();
    }

    /** The sample value: the first token after the labels (OpenMetrics exemplars may follow it). */
    private static double value(String line) {
        int labelsEnd = line.indexOf('}');
        String rest = line.substring(labelsEnd >= 0 ? labelsEnd + 1 : line.indexOf(' ')).strip();
        return Double.parseDouble(rest.split("\\s+")[0]);
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
