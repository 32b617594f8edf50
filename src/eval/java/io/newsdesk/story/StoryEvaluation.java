package io.newsdesk.story;

import io.newsdesk.eval.Corpora;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.bench.BenchService;
import io.newsdesk.bench.Prometheus;
import io.newsdesk.story.DevSet.CopyType;
import io.newsdesk.story.DevSet.DevArticle;
import io.newsdesk.testing.Seeds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Story assignment through the service itself: starts the packaged application on a fresh embedded PostgreSQL (or
 * uses {@code -Deval.url}), posts the {@link DevSet} (the BBC corpus with its natural duplicates, plus generated
 * copies) over HTTP in a shuffled order, reads back each article's story and duplicate fields, and prints pairwise
 * precision / recall / F1 and B-cubed F1 against the gold stories and copy groups, recall per copy type, the seed
 * check and the service's own dedup time per article.
 *
 * <pre>
 * ./mvnw -q -Peval,eval-stories package -DskipTests exec:java -Deval.file=../shared/eval/bbc.jsonl
 * </pre>
 */
public final class StoryEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Posted(long id, String storyId, Long duplicateOf, String kind) {
    }

    public static void main(String[] args) throws Exception {
        Path file = Corpora.fromProperty("eval.file");
        int perType = Integer.getInteger("eval.copies-per-type", 120);
        long seed = Long.getLong("eval.seed", 7);
        int concurrency = Integer.getInteger("eval.concurrency", 2);
        DevSet.Data data = DevSet.build(file, seed, perType);
        List<DevArticle> order = new ArrayList<>(data.articles());
        Collections.shuffle(order, new Random(seed + 1));

        String url = System.getProperty("eval.url");
        BenchService service = url == null ? BenchService.start(Path.of("target/quarkus-app/quarkus-run.jar"),
                List.of(), List.of("-Xmx1g")) : null;
        URI base = URI.create(url != null ? url : service.uri("/").toString());
        try {
            long started = System.nanoTime();
            Map<String, Posted> posted = postAll(base, order, concurrency);
            double seconds = (System.nanoTime() - started) / 1e9;
            String metrics = Prometheus.scrape(base.resolve("/q/metrics"));
            report(data, posted, seconds, metrics);
            seedCheck(base);
        } finally {
            if (service != null) {
                service.close();
            }
        }
        System.exit(0);
    }

    private static Map<String, Posted> postAll(URI base, List<DevArticle> order, int concurrency) throws Exception {
        Map<String, Posted> posted = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (DevArticle article : order) {
                futures.add(pool.submit(() -> {
                    ObjectNode body = JSON.createObjectNode()
                            .put("title", article.title().isBlank() ? "Untitled" : article.title())
                            .put("body", article.body())
                            .put("publishedAt", article.publishedAt().toString())
                            .put("url", "https://eval.example/" + article.id().replace('#', '/'));
                    JsonNode answer = post(base.resolve("/api/articles"), body);
                    posted.put(article.id(), new Posted(answer.get("id").asLong(), answer.get("storyId").asText(),
                            answer.get("duplicateOf").isNull() ? null : answer.get("duplicateOf").asLong(),
                            answer.get("duplicateKind").isNull() ? null : answer.get("duplicateKind").asText()));
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return posted;
    }

    private static JsonNode post(URI uri, ObjectNode body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void report(DevSet.Data data, Map<String, Posted> posted, double seconds, String metrics) {
        Map<String, String> stories = new HashMap<>();
        posted.forEach((devId, p) -> stories.put(devId, p.storyId()));
        Map<String, String> copyGroups = copyGroups(posted);

        System.out.printf(Locale.ROOT, "%n# Story assignment through HTTP: %d articles (%d generated copies)%n%n",
                posted.size(), data.articles().stream().filter(a -> a.type().isGenerated()).count());
        System.out.println("| predicted | gold | pairwise P | pairwise R | pairwise F1 | B-cubed P | B-cubed R | B-cubed F1 |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        row("stories", "stories (copies + same event)", stories, data.story());
        row("copies (EXACT/NEAR_VERBATIM links)", "copy groups", copyGroups, data.copyGroup());

        System.out.printf("%n| copy type | copies | in their original's story | linked as a copy |%n|---|---|---|---|%n");
        Map<CopyType, int[]> perType = new EnumMap<>(CopyType.class);
        for (DevArticle article : data.articles()) {
            if (article.type().isGenerated()) {
                int[] counts = perType.computeIfAbsent(article.type(), t -> new int[3]);
                counts[0]++;
                if (stories.get(article.id()).equals(stories.get(article.sourceId()))) {
                    counts[1]++;
                }
                if (copyGroups.get(article.id()).equals(copyGroups.get(article.sourceId()))) {
                    counts[2]++;
                }
            }
        }
        perType.forEach((type, c) -> System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", type, c[0],
                (double) c[1] / c[0], (double) c[2] / c[0]));

        Map<String, Long> kinds = new HashMap<>();
        posted.values().forEach(p -> kinds.merge(p.kind() == null ? "new story" : p.kind(), 1L, Long::sum));
        double assignments = Prometheus.sum(metrics, "newsdesk_dedup_assignment_seconds_count");
        double assignmentSeconds = Prometheus.sum(metrics, "newsdesk_dedup_assignment_seconds_sum");
        System.out.printf(Locale.ROOT, "%nDecisions: %s%n", kinds);
        System.out.printf(Locale.ROOT, "Posted in %.0f s (%.1f articles/s); story assignment %.1f ms per article "
                + "(server-side mean over %.0f, fingerprints and embedding not included)%n", seconds,
                posted.size() / seconds, assignmentSeconds / assignments * 1000, assignments);
    }

    private static void row(String predictedName, String goldName, Map<String, String> predicted,
            Map<String, String> gold) {
        ClusteringMetrics metrics = new ClusteringMetrics(predicted, gold);
        ClusteringMetrics.Scores pairwise = metrics.pairwise().scores();
        ClusteringMetrics.Scores bcubed = metrics.bcubed();
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", predictedName,
                goldName, pairwise.precision(), pairwise.recall(), pairwise.f1(), bcubed.precision(),
                bcubed.recall(), bcubed.f1());
    }

    /** Groups joined by the service's EXACT and NEAR_VERBATIM links (duplicateOf), ignoring SAME_STORY ones. */
    private static Map<String, String> copyGroups(Map<String, Posted> posted) {
        Map<Long, String> devIdOf = new HashMap<>();
        posted.forEach((devId, p) -> devIdOf.put(p.id(), devId));
        DevSet.UnionFind groups = new DevSet.UnionFind();
        posted.keySet().forEach(groups::add);
        posted.forEach((devId, p) -> {
            if (p.duplicateOf() != null && p.kind() != null && !p.kind().equals("SAME_STORY")) {
                groups.union(devId, devIdOf.get(p.duplicateOf()));
            }
        });
        Map<String, String> result = new HashMap<>();
        posted.keySet().forEach(devId -> result.put(devId, groups.find(devId)));
        return result;
    }

    /** The five seeds, posted on one day: five different stories must come out. */
    private static void seedCheck(URI base) throws Exception {
        Set<String> stories = new HashSet<>();
        for (Seeds.Seed seed : Seeds.all()) {
            ObjectNode body = JSON.createObjectNode().put("title", seed.title()).put("body", seed.text())
                    .put("publishedAt", "2024-04-16T08:00:00Z").put("url", "https://seeds.example/" + seed.name());
            stories.add(post(base.resolve("/api/articles"), body).get("storyId").asText());
        }
        System.out.printf(Locale.ROOT, "%nSeeds: %d articles -> %d stories (%s)%n", Seeds.all().size(), stories.size(),
                stories.size() == Seeds.all().size() ? "no distinct stories merged" : "MERGED DISTINCT STORIES");
    }
}
