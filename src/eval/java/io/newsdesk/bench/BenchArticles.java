package io.newsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.text.SentenceSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct articles to POST, as many as wanted: each is {@value #SENTENCES} sentences drawn at random from all the
 * sentences of a JSONL corpus (the {@code body} field, e.g. ../shared/eval/cnndm.jsonl), or of synthesized English
 * text when the corpus is absent, with its own URL and title. Reposting a corpus article with a changed line would
 * be a near-verbatim copy, which takes its original's summary without asking the LLM; random draws from tens of
 * thousands of sentences share almost nothing, so every post is a new story that needs its own summary.
 */
final class BenchArticles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SENTENCES = 15;

    private final List<String> bodies;
    private final List<String> sentences;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();

    private BenchArticles(List<String> bodies) {
        this.bodies = bodies;
        SentenceSplitter splitter = new SentenceSplitter();
        this.sentences = bodies.stream().flatMap(body -> splitter.split(body).stream())
                .filter(sentence -> sentence.split("\\s+").length >= 6).toList();
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
        return SENTENCES + " random sentences of " + sentences.size() + " from " + bodies.size() + " bodies";
    }

    /** The JSON of the next distinct article. */
    String next() {
        long n = sequence.getAndIncrement();
        Random draw = new Random(n);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < SENTENCES; i++) {
            body.append(i == 0 ? "" : i % 3 == 0 ? "\n\n" : " ").append(sentences.get(draw.nextInt(sentences.size())));
        }
        String[] words = body.toString().split("\\s+", 9);
        String title = "Bench " + runId + "-" + n + ": " + String.join(" ", java.util.Arrays.copyOf(words, 8));
        ObjectNode article = JSON.createObjectNode();
        article.put("title", title);
        article.put("body", body.toString());
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
