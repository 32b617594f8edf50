package io.newsdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/** Reads sums out of the service's Prometheus text format. */
public final class Prometheus {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Prometheus() {
    }

    public static String scrape(URI metrics) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sum of the samples of {@code name} whose labels include all of {@code labels}. */
    public static double sum(String text, String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(Prometheus::value)
                .sum();
    }

    /** The sample value: the first token after the labels (OpenMetrics exemplars may follow it). */
    private static double value(String line) {
        int labelsEnd = line.indexOf('}');
        String rest = line.substring(labelsEnd >= 0 ? labelsEnd + 1 : line.indexOf(' ')).strip();
        return Double.parseDouble(rest.split("\\s+")[0]);
    }
}
