package io.newsdesk.summary;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdesk.testing.Jsonl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An evaluation corpus in JSON Lines: one object per line with {@code id}, {@code body}, {@code reference} and an
 * optional {@code systems} object (system name to that system's summary). Other fields ({@code url},
 * {@code category}, {@code title}) are ignored. Bodies are taken as given, without cleaning: bbc.jsonl bodies are
 * paragraphs separated by blank lines, and where the first line repeats the title it stays in (a fragment without
 * final punctuation, which the summarizer passes over; Lead-3 keeps it); cnndm.jsonl bodies are one paragraph.
 * References may contain newlines between highlights; they are scored as plain text.
 */
record EvalCorpus(List<Article> articles, List<String> systems, int skipped) {

    record Article(String id, String body, String reference, Map<String, String> systems) {
    }

    /**
     * Reads the file. The systems scored are those with an output for more than half of the articles; only the
     * articles that have an output for each of them are kept (so that all are scored on the same articles; e.g.
     * cnndm.jsonl holds one stray XSum item with other systems), then the first {@code limit} of them
     * ({@code limit <= 0}: all).
     */
    static EvalCorpus read(Path file, int limit) {
        List<Article> all = new ArrayList<>();
        Map<String, Integer> systemCounts = new LinkedHashMap<>();
        for (JsonNode node : Jsonl.read(file)) {
            Map<String, String> outputs = new LinkedHashMap<>();
            node.path("systems").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().asText()));
            outputs.keySet().forEach(system -> systemCounts.merge(system, 1, Integer::sum));
            all.add(new Article(node.path("id").asText(), node.path("body").asText(),
                    node.path("reference").asText(), outputs));
        }
        Set<String> systems = new LinkedHashSet<>();
        systemCounts.forEach((system, count) -> {
            if (2 * count > all.size()) {
                systems.add(system);
            }
        });
        List<Article> complete = all.stream().filter(a -> a.systems().keySet().containsAll(systems)).toList();
        List<Article> kept = limit > 0 && complete.size() > limit ? complete.subList(0, limit) : complete;
        return new EvalCorpus(kept, List.copyOf(systems), all.size() - complete.size());
    }
}
