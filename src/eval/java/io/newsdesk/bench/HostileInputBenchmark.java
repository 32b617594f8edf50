package io.newsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an outside fuzzer posts: articles within the size limits (1 MiB of text, 10 MiB of page) but shaped to hit
 * the worst case of a text algorithm (one line-long token, stacked combining marks, 100,000 sibling elements, a
 * paragraph of 9 MB). Each is posted once, in turn, to the packaged service on a fresh embedded PostgreSQL; the
 * table gives the answer's status, the wall time and the service's CPU seconds for it. Every answer should be a
 * {@code 201} (or a clear {@code 4xx}) within seconds.
 *
 * <p>Usage: {@code ./mvnw -q -Peval,bench package -DskipTests exec:java
 * -Dbench.main=io.newsdesk.bench.HostileInputBenchmark} (-Dbench.app.jar=… another build, -Dbench.hostile.cases=a,b
 * a subset, -Dbench.hostile.timeout-seconds=300 the wait for each answer).
 */
public final class HostileInputBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENTENCE = "The harbour reopened on Friday after a week of storms, officials said. ";

    private HostileInputBenchmark() {
    }

    private record Case(String name, String contentType, Supplier<String> body) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.app.jar", "target/quarkus-app/quarkus-run.jar"));
        List<String> only = BenchService.split(System.getProperty("bench.hostile.cases", "").replace(',', ' '));
        Duration timeout = Duration.ofSeconds(Long.getLong("bench.hostile.timeout-seconds", 300));
        Map<String, Case> cases = cases();
        System.out.println(Machine.describe());
        System.out.println();
        System.out.println("| case | request MB | status | seconds | service CPU s | answer |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        try (BenchService service = BenchService.start(jar, List.of(), List.of())) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            int n = 0;
            for (Map.Entry<String, Case> entry : cases.entrySet()) {
                if (!only.isEmpty() && !only.contains(entry.getKey())) {
                    continue;
                }
                Case hostile = entry.getValue();
                String body = hostile.body().get();
                String query = hostile.contentType().startsWith("text/html") ? "?url=https://fuzz.example/" + n : "";
                HttpRequest request = HttpRequest.newBuilder(service.uri("/api/articles" + query))
                        .timeout(timeout)
                        .header("Content-Type", hostile.contentType())
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
                double cpuBefore = CpuTimes.process(service.handle().pid());
                long start = System.nanoTime();
                String status;
                String answer;
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    status = String.valueOf(response.statusCode());
                    answer = summary(response.body());
                } catch (HttpTimeoutException timedOut) {
                    status = "none";
                    answer = "no answer in " + timeout.toSeconds() + " s";
                } catch (IOException failed) {
                    status = "none";
                    answer = "connection closed without an answer (" + failed.getMessage() + ")";
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = CpuTimes.process(service.handle().pid()) - cpuBefore;
                System.out.printf(Locale.ROOT, "| %s: %s | %.2f | %s | %.1f | %.1f | %s |%n", entry.getKey(),
                        hostile.name(), body.getBytes(StandardCharsets.UTF_8).length / 1e6, status, seconds, cpu,
                        answer);
                n++;
            }
        }
    }

    private static String summary(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer.has("text")) {
                return "stored, text of " + answer.get("text").asText().length() + " chars";
            }
            return answer.path("detail").asText(answer.path("title").asText()).replace("|", "/");
        } catch (Exception notJson) {
            return body.length() > 60 ? body.substring(0, 60) : body;
        }
    }

    private static Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        text(cases, "a", "a line of 130,000 short lines", () -> "Line x\n".repeat(130_000));
        text(cases, "b", "one 900 KB hyphenated token", () -> "ab-".repeat(300_000) + "ab");
        text(cases, "c", "a letter and 300,000 combining marks", () -> "a" + "\u0301".repeat(300_000));
        text(cases, "d", "800 KB of dotted letters", () -> "a.".repeat(400_000) + " Then more text.");
        text(cases, "e", "800 KB of dotted capitals", () -> "A.".repeat(400_000) + " Then more text.");
        text(cases, "f", "a figure of 200,000 thousands separators", () -> "1" + ",000".repeat(200_000) + " came.");
        text(cases, "g", "900 KB of apostrophes between letters", () -> "ab'".repeat(300_000) + "x");
        text(cases, "q", "a number of 900,000 digits", () -> "Turnout was " + "7".repeat(900_000) + " people.");
        text(cases, "h", "one 1 MB sentence", () -> "word ".repeat(200_000));
        text(cases, "i", "15,000 sentences", () -> SENTENCE.repeat(14_000));
        cases.put("j", new Case("a language tag of 300,000 subtags", "application/json", () -> json(
                "T j", "body", SENTENCE, "language", "en" + "-a".repeat(300_000))));
        page(cases, "k", "100,000 sibling links", () -> "<p>" + SENTENCE + "</p>"
                + "<div><a href='/x'>link text</a></div>".repeat(100_000));
        page(cases, "l", "one paragraph of 9 MB", () -> "<p>" + "word ".repeat(1_800_000) + "</p>");
        page(cases, "m", "150,000 paragraphs (9.5 MB)", () -> ("<p>" + SENTENCE + "</p>").repeat(130_000));
        page(cases, "n", "20,000 nested spans", () -> "<span>".repeat(20_000) + SENTENCE);
        page(cases, "o", "a heading of 500,000 '!' before \"comments\"", () -> "<p>" + SENTENCE + "</p><h3>"
                + "!".repeat(500_000) + "comments</h3>");
        cases.put("p", new Case("an <html lang> of 300,000 subtags", "text/html; charset=utf-8",
                () -> "<html lang='en" + "-a".repeat(300_000) + "'><head><title>T p</title></head><body><p>"
                        + SENTENCE + "</p></body></html>"));
        return cases;
    }

    private static void text(Map<String, Case> cases, String key, String name, Supplier<String> body) {
        cases.put(key, new Case(name, "application/json", () -> json("T " + key, "body", body.get())));
    }

    private static void page(Map<String, Case> cases, String key, String name, Supplier<String> body) {
        cases.put(key, new Case(name, "text/html; charset=utf-8",
                () -> "<html><head><title>T " + key + "</title></head><body>" + body.get() + "</body></html>"));
    }

    private static String json(String title, String... fields) {
        ObjectNode article = JSON.createObjectNode().put("title", title)
                .put("url", "https://fuzz.example/" + title.replace(' ', '-'));
        for (int i = 0; i < fields.length; i += 2) {
            article.put(fields[i], fields[i + 1]);
        }
        return article.toString();
    }
}
