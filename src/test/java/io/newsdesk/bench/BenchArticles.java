package io.newsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct articles to POST: bodies of a JSONL corpus (the {@code body} field, e.g. ../shared/eval/cnndm.jsonl), or
 * synthesized English text when the corpus is absent; every article gets its own URL, title and closing sentence.
 */
final class BenchArticles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> bodies;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();

    private BenchArticles(List<String> bodies) {
        this.bodies = bodies;
    }

    static BenchArticles load(Path corpus) {
        List<String> bodies = new ArrayList<>();
        if (Files.isRegularFile(corpus)) {
            try {
                for (String line : Files.readAllLines(corpus)) {
                    if (!line.isBlank()) {
                        String body = JSON.readTree(line).path("body").asText("");
                        if (body.split("\\s+").length >= 50) {
                            bodies.add(body);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (bodies.isEmpty()) {
            System.out.println("corpus " + corpus + " not found or empty: synthesizing article bodies");
            for (int i = 0; i < 200; i++) {
                bodies.add(synthesized(i));
            }
        }
        return new BenchArticles(bodies);
    }

    String source() {
        return bodies.size() + " bodies";
    }

    /** The JSON of the next distinct article. */
    String next() {
        long n = sequence.getAndIncrement();
        String body = bodies.get((int) (n % bodies.size()));
        String[] words = body.split("\\s+", 9);
        String title = "Bench " + runId + "-" + n + ": " + String.join(" ", java.util.Arrays.copyOf(words,
                Math.min(8, words.length - 1)));
        ObjectNode article = JSON.createObjectNode();
        article.put("title", title);
        article.put("body", body + "\n\nThis report was filed as bench item " + runId + "-" + n + ".");
        article.put("url", "https://bench.example.org/" + runId + "/articles/" + n);
        return article.toString();
    }

    /** A representative chat-completions request, to load the stub directly. */
    String chatRequest() {
        ObjectNode request = JSON.createObjectNode();
        request.put("model", "bench-model").put("stream", true);
        request.putArray("messages")
                .add(JSON.createObjectNode().put("role", "system").put("content",
                        "You are a news desk editor. Write in the language of the article: English (en)."))
                .add(JSON.createObjectNode().put("role", "user").put("content",
                        "Summarise this article.\n\n<article>\n" + bodies.get(0) + "\n</article>"));
        return request.toString();
    }

    private static String synthesized(int i) {
        String[] subjects = {"The council", "The minister", "A spokesperson for the club", "The company", "Police"};
        String[] verbs = {"announced", "confirmed", "said", "reported", "denied"};
        String[] objects = {"a new plan for the city centre", "that the talks were over", "a rise in prices",
            "the results of the inquiry", "changes to the timetable"};
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 12; s++) {
            text.append(subjects[(i + s) % subjects.length]).append(' ').append(verbs[(i * 3 + s) % verbs.length])
                    .append(' ').append(objects[(i * 7 + s) % objects.length]).append(" on day ").append(i + s)
                    .append(" of the month, and it is expected that the matter will be discussed again in the "
                            + "coming weeks. ");
        }
        return text.toString().strip();
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }
}
