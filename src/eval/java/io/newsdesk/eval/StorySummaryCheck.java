package io.newsdesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdesk.extract.ChromePhrases;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Issue #16's check on a service that has just taken a stream: every story of two or more distinct articles gets a
 * {@code storySummary} that is READY within the debounce interval after the last POST; each sentence cites articles
 * of its story, is (for the extractive summarizer) a sentence of one of them as stored, and holds no phrase of site
 * furniture ({@link ChromePhrases}).
 */
final class StorySummaryCheck {

    private StorySummaryCheck() {
    }

    /** @param streamEnded {@link System#nanoTime()} when the last POST was answered */
    static void run(URI base, Collection<String> storyIds, Duration debounce, long streamEnded) throws Exception {
        Duration wait = debounce.multipliedBy(3).plusSeconds(60);
        Set<String> pending = new LinkedHashSet<>();
        Map<String, JsonNode> ready = new HashMap<>();
        List<Double> latencies = new ArrayList<>();
        int multi = 0;
        for (String id : new LinkedHashSet<>(storyIds)) {
            JsonNode story = RetellingStreamEvaluation.get(base.resolve("/api/stories/" + id));
            if (story.has("storySummary")) {
                multi++;
                pending.add(id);
            }
        }
        while (!pending.isEmpty() && System.nanoTime() - streamEnded < wait.toNanos()) {
            for (String id : List.copyOf(pending)) {
                JsonNode story = RetellingStreamEvaluation.get(base.resolve("/api/stories/" + id));
                JsonNode summary = story.path("storySummary");
                if ("READY".equals(summary.path("status").asText()) && summary.hasNonNull("text")) {
                    pending.remove(id);
                    ready.put(id, story);
                    latencies.add((System.nanoTime() - streamEnded) / 1e9);
                }
            }
            Thread.sleep(500);
        }
        int sentences = 0;
        int citeTheirStory = 0;
        int traceable = 0;
        int chrome = 0;
        List<String> problems = new ArrayList<>();
        Map<Long, String> texts = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : ready.entrySet()) {
            JsonNode summary = entry.getValue().path("storySummary");
            boolean extractive = "extractive".equals(summary.path("summarizer").asText());
            for (JsonNode sentence : summary.path("sentences")) {
                sentences++;
                String text = sentence.path("text").asText();
                Set<Long> sources = new HashSet<>();
                sentence.path("sources").forEach(source -> sources.add(source.asLong()));
                boolean inStory = !sources.isEmpty();
                boolean found = !extractive;
                for (long source : sources) {
                    JsonNode article = RetellingStreamEvaluation.get(base.resolve("/api/articles/" + source));
                    inStory &= entry.getKey().equals(article.path("storyId").asText());
                    String stored = texts.computeIfAbsent(source, s -> normalised(article.path("text").asText()));
                    found |= stored.contains(normalised(text));
                }
                citeTheirStory += inStory ? 1 : 0;
                traceable += found ? 1 : 0;
                boolean furniture = ChromePhrases.contains(text);
                chrome += furniture ? 1 : 0;
                if (!inStory || !found || furniture) {
                    problems.add(String.format(Locale.ROOT, "story %s, sources %s%s%s%s: %s", entry.getKey(), sources,
                            inStory ? "" : ", NOT ALL IN THE STORY", found ? "" : ", NOT IN ITS SOURCES",
                            furniture ? ", CHROME" : "", text));
                }
            }
        }
        latencies.sort(Double::compare);
        double withinDebounce = latencies.stream().filter(s -> s <= debounce.toMillis() / 1000.0).count();
        System.out.printf(Locale.ROOT, "%nStory summaries (debounce %d s): %d stories of two or more distinct articles, "
                        + "%d READY after the stream (%d within the debounce interval), %d not ready after %d s; "
                        + "latency after the last POST median %.1f s, max %.1f s%n",
                debounce.toSeconds(), multi, ready.size(), (long) withinDebounce, pending.size(), wait.toSeconds(),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() / 2),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
        System.out.printf(Locale.ROOT, "  %d sentences: %d cite only articles of their story, %d found in a cited "
                + "article's stored text (extractive), %d with a phrase of site furniture%n", sentences,
                citeTheirStory, traceable, chrome);
        problems.stream().limit(10).forEach(problem -> System.out.println("    " + problem));
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
