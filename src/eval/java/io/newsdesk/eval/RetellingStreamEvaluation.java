package io.newsdesk.eval;

import io.newsdesk.eval.RetellingEvaluation.Pair;
import io.newsdesk.eval.RetellingEvaluation.Side;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.newsdesk.bench.BenchService;
import io.newsdesk.bench.Prometheus;
import io.newsdesk.story.ClusteringMetrics;
import io.newsdesk.testing.OpenAiStub;
import io.newsdesk.text.SentenceSplitter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled retelling pairs ({@link RetellingDevSet}'s output) through the service itself, as a stream: every
 * distinct (article id, publishedAt) of the selected pairs is posted once (an id with several times in different
 * pairs is posted once per time, under its own URL, and each pair side maps to the post with its time), in
 * publication-time order (ties shuffled with a fixed seed), to the packaged application on a fresh embedded
 * PostgreSQL. Two runs, each on a fresh service: offline defaults (no LLM), then with an oracle LLM, a WireMock
 * server speaking the OpenAI chat-completions format that answers each same-story question from the labels (same iff
 * the pair is labelled same; an unlabelled pair iff both articles are in one labelled story, joined through same
 * pairs and posts of one id) and each summary request with the article's lead.
 *
 * <p>Printed per run: by pair kind, the pairs the service put in one story (recall for same pairs, kept-apart rate
 * for hard negatives) and whether the link is direct (one is the other's duplicateOf) or runs through a third
 * article; the same by origin; pairwise precision / recall / F1 over the labelled pairs; all posted-article pairs
 * against the labelled stories; the decisions (EXACT, NEAR_VERBATIM, SAME_STORY, new story); the hard negatives
 * merged, with the reason; for the oracle, the same-story questions (the service's newsdesk_llm_calls_total
 * {purpose="same-story"} and the stub's count) per 1,000 articles and the most asked for one article.
 *
 * <pre>
 * ./mvnw -q -Peval,eval-retellings-stream package -DskipTests exec:java -Deval.pairs=target/retell-pairs.jsonl
 * </pre>
 * Options: {@code -Deval.split=held-out|dev|all} (default held-out), {@code -Deval.seed=7},
 * {@code -Deval.hours=72} (publication times squeezed, in order, into that many hours: a dense window),
 * {@code -Deval.concurrency=2}, {@code -Deval.runs=offline,oracle}, {@code -Deval.story-summaries=true} (the seeds
 * first, and after the stream {@link StorySummaryCheck}; the debounce is 10 s in every run),
 * {@code -Deval.service.args="-Dkey=value ..."} (settings for the service in every run),
 * {@code -Deval.trace-misses=true} (the service logs its assignments at DEBUG; each same pair left apart is printed
 * with the later article's candidates and where the search stopped).
 */
public final class RetellingStreamEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private static final String KINDS = "brief,retelling,copy,hard-negative";
    /** Whether to post the seeds first and check the story summaries after the stream (-Deval.story-summaries). */
    private static final boolean STORY_SUMMARIES = Boolean.getBoolean("eval.story-summaries");
    private static final Duration STORY_SUMMARY_DEBOUNCE = Duration.ofSeconds(10);
    /** Whether to print, per same pair left apart, the later article's assignment trace (-Deval.trace-misses). */
    private static final boolean TRACE_MISSES = Boolean.getBoolean("eval.trace-misses");

    /** One posted article: a corpus article at one of its publication times. */
    record Post(int index, String key, String id, String title, String body, Instant publishedAt, String url,
            String normalised) {
    }

    /** What the service answered for a post. */
    record Stored(long id, String storyId, Long duplicateOf, String kind, String reason) {
    }

    record Run(String name, Map<String, Stored> stored, String metrics, OracleStub stub, double seconds,
            int storyChanged, String log) {
    }

    public static void main(String[] args) throws Exception {
        String pairsPath = System.getProperty("eval.pairs");
        Path file = pairsPath != null && !pairsPath.isBlank() ? Corpora.fromProperty("eval.pairs")
                : Corpora.fromArgument(args, 0, "RetellingStreamEvaluation <pairs.jsonl> (or -Deval.pairs=...)");
        String split = System.getProperty("eval.split", "held-out");
        long seed = Long.getLong("eval.seed", 7);
        int concurrency = Integer.getInteger("eval.concurrency", 2);
        List<String> runs = List.of(System.getProperty("eval.runs", "offline,oracle").split(","));

        List<Pair> pairs = RetellingEvaluation.read(file).stream()
                .filter(p -> split.equals("all") || p.split().equals(split)).toList();
        Map<String, Post> posts = posts(pairs);
        String hours = System.getProperty("eval.hours", "");
        if (!hours.isBlank()) {
            posts = compressed(posts, Duration.ofHours(Long.parseLong(hours)));
        }
        List<Post> order = new ArrayList<>(posts.values());
        Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparing(Post::publishedAt)); // stable: ties keep the shuffled order
        Map<String, String> gold = goldStories(pairs, posts);
        System.out.printf(Locale.ROOT, "Pairs: %s, split %s: %d pairs, %d distinct articles, %d posts "
                        + "(%d ids posted at several times), %d labelled stories; concurrency %d, seed %d%n",
                file, split, pairs.size(), posts.values().stream().map(Post::id).distinct().count(), posts.size(),
                posts.values().stream().collect(java.util.stream.Collectors.groupingBy(Post::id,
                        java.util.stream.Collectors.counting())).values().stream().filter(n -> n > 1).count(),
                new java.util.HashSet<>(gold.values()).size(), concurrency, seed);

        for (String name : runs) {
            Run run = switch (name.strip()) {
                case "offline" -> run("offline (no LLM)", order, concurrency, null);
                case "oracle" -> {
                    try (OracleStub stub = new OracleStub(pairs, posts, gold)) {
                        yield run("oracle LLM", order, concurrency, stub);
                    }
                }
                default -> throw new IllegalArgumentException("unknown run " + name + " (offline, oracle)");
            };
            report(run, pairs, posts, gold);
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The stream

    private static String key(Side side) {
        return side.id() + "@" + side.publishedAt();
    }

    /** One post per distinct (id, publishedAt), in the order first met; URLs https://eval.example/<id>/<n>. */
    static Map<String, Post> posts(List<Pair> pairs) {
        Map<String, Post> posts = new LinkedHashMap<>();
        Map<String, Integer> perId = new HashMap<>();
        for (Pair pair : pairs) {
            for (Side side : List.of(pair.a(), pair.b())) {
                posts.computeIfAbsent(key(side), k -> {
                    int n = perId.merge(side.id(), 1, Integer::sum);
                    String url = "https://eval.example/" + side.id().replaceAll("[^A-Za-z0-9._-]", "/") + "/" + n;
                    return new Post(posts.size(), k, side.id(), side.title() == null ? "" : side.title(),
                            side.body(), side.publishedAt(), url,
                            normalise(side.body()));
                });
            }
        }
        return posts;
    }

    /**
     * The posts with their publication times mapped linearly, in order, into {@code span} from the first: a dense
     * stream, as an aggregator sees it (the pair file spreads its articles over 50 weeks, so the ±3-day window of
     * each holds a few dozen articles; squeezed into 72 hours, the window holds the whole stream).
     */
    static Map<String, Post> compressed(Map<String, Post> posts, Duration span) {
        Instant first = posts.values().stream().map(Post::publishedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = posts.values().stream().map(Post::publishedAt).max(Comparator.naturalOrder()).orElseThrow();
        double scale = span.toSeconds() / (double) Math.max(1, Duration.between(first, last).toSeconds());
        Map<String, Post> out = new LinkedHashMap<>();
        posts.forEach((key, p) -> out.put(key, new Post(p.index(), p.key(), p.id(), p.title(), p.body(),
                first.plusSeconds(Math.round(Duration.between(first, p.publishedAt()).toSeconds() * scale)), p.url(),
                p.normalised())));
        return out;
    }

    /**
     * The labelled stories: posts joined by same pairs, and the posts of one id (one text). A pair not labelled is
     * the same story iff both posts are in one of these.
     */
    static Map<String, String> goldStories(List<Pair> pairs, Map<String, Post> posts) {
        Map<String, String> parent = new HashMap<>();
        posts.keySet().forEach(k -> parent.put(k, k));
        Map<String, String> firstOfId = new HashMap<>();
        for (Post post : posts.values()) {
            String first = firstOfId.putIfAbsent(post.id(), post.key());
            if (first != null) {
                UnionFind.union(parent, first, post.key());
            }
        }
        for (Pair pair : pairs) {
            if (pair.same()) {
                UnionFind.union(parent, key(pair.a()), key(pair.b()));
            }
        }
        Map<String, String> gold = new HashMap<>();
        posts.keySet().forEach(k -> gold.put(k, UnionFind.find(parent, k)));
        return gold;
    }

    private static Run run(String name, List<Post> order, int concurrency, OracleStub stub) throws Exception {
        List<String> properties = new ArrayList<>(List.of("-Dnewsdesk.story-summary.debounce="
                + STORY_SUMMARY_DEBOUNCE.toSeconds() + "s"));
        properties.addAll(BenchService.split(System.getProperty("eval.service.args", "")));
        if (TRACE_MISSES) {
            properties.add("-Dquarkus.log.category.\"io.newsdesk.story.StoryAssigner\".level=DEBUG");
        }
        properties.addAll(stub == null ? List.of() : List.of(
                "-Dnewsdesk.llm.enabled=true",
                "-Dnewsdesk.llm.base-url=" + stub.baseUrl() + "/v1/",
                "-Dnewsdesk.llm.api-key=" + OpenAiStub.API_KEY,
                "-Dnewsdesk.llm.model=oracle",
                "-Dnewsdesk.llm.provider=openai"));
        System.out.printf(Locale.ROOT, "%nStarting the packaged service for the %s run ...%n", name);
        try (BenchService service = BenchService.start(Path.of("target/quarkus-app/quarkus-run.jar"), properties,
                List.of("-Xmx1g"))) {
            URI base = service.uri("/");
            if (STORY_SUMMARIES) {
                postSeeds(base);
            }
            long started = System.nanoTime();
            Map<String, Stored> posted = postAll(base, order, concurrency);
            long postsEnded = System.nanoTime();
            double seconds = (postsEnded - started) / 1e9;
            // Read every story back: the answers of the POSTs are the decision, but check nothing moved since.
            Map<String, Stored> stored = new HashMap<>();
            int changed = 0;
            for (Map.Entry<String, Stored> entry : posted.entrySet()) {
                Stored now = stored(get(base.resolve("/api/articles/" + entry.getValue().id())));
                if (!now.storyId().equals(entry.getValue().storyId())) {
                    changed++;
                }
                stored.put(entry.getKey(), now);
            }
            if (STORY_SUMMARIES) {
                StorySummaryCheck.run(base, stored.values().stream().map(Stored::storyId).toList(),
                        STORY_SUMMARY_DEBOUNCE, postsEnded);
            }
            String metrics = Prometheus.scrape(base.resolve("/q/metrics"));
            String log = TRACE_MISSES ? service.logSince(0) : "";
            if (TRACE_MISSES) {
                Path kept = Path.of("target", "retellings-stream-" + name.replace(' ', '-') + ".log");
                java.nio.file.Files.writeString(kept, log);
                System.out.println("Service log kept in " + kept);
            }
            return new Run(name, stored, metrics, stub, seconds, changed, log);
        }
    }

    /** The five seeds (real scraped pages, site chrome included), a day before the stream, as issue #16 asks. */
    private static void postSeeds(URI base) throws Exception {
        for (io.newsdesk.testing.Seeds.Seed seed : io.newsdesk.testing.Seeds.all()) {
            ObjectNode body = JSON.createObjectNode().put("title", seed.title()).put("body", seed.text())
                    .put("url", "https://seeds.example/" + seed.name());
            send(HttpRequest.newBuilder(base.resolve("/api/articles")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }
    }

    private static Map<String, Stored> postAll(URI base, List<Post> order, int concurrency) throws Exception {
        Map<String, Stored> posted = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Post post : order) {
                futures.add(pool.submit(() -> {
                    ObjectNode body = JSON.createObjectNode()
                            .put("title", post.title().isBlank() ? "Untitled" : post.title())
                            .put("body", post.body())
                            .put("publishedAt", post.publishedAt().toString())
                            .put("url", post.url());
                    posted.put(post.key(), stored(send(HttpRequest.newBuilder(base.resolve("/api/articles"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())))));
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

    static JsonNode get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static Stored stored(JsonNode answer) {
        return new Stored(answer.get("id").asLong(), answer.get("storyId").asText(),
                answer.path("duplicateOf").isNumber() ? answer.get("duplicateOf").asLong() : null,
                answer.path("duplicateKind").isTextual() ? answer.get("duplicateKind").asText() : null,
                answer.path("duplicateReason").isTextual() ? answer.get("duplicateReason").asText() : null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The report

    private static void report(Run run, List<Pair> pairs, Map<String, Post> posts, Map<String, String> gold) {
        Map<String, Stored> stored = run.stored();
        System.out.printf(Locale.ROOT, "%n## %s: %d articles posted in %.0f s (%.1f/s); stories read back, %d moved "
                + "since their POST%n%n", run.name(), stored.size(), run.seconds(), stored.size() / run.seconds(),
                run.storyChanged());

        // by kind and by origin
        Map<String, int[]> byKind = new LinkedHashMap<>();
        Arrays.stream(KINDS.split(",")).forEach(k -> byKind.put(k, new int[4]));
        Map<String, int[]> byOrigin = new TreeMap<>();
        long tp = 0, fp = 0, fn = 0, tn = 0;
        int missedAsked = 0;
        int missedAskedSame = 0;
        List<String> askedButApart = new ArrayList<>();
        List<String> mergedNegatives = new ArrayList<>();
        for (Pair pair : pairs) {
            Stored a = stored.get(key(pair.a()));
            Stored b = stored.get(key(pair.b()));
            boolean together = a.storyId().equals(b.storyId());
            boolean direct = together && (a.id() == b.id() || Long.valueOf(a.id()).equals(b.duplicateOf())
                    || Long.valueOf(b.id()).equals(a.duplicateOf()));
            for (int[] counts : List.of(byKind.computeIfAbsent(pair.kind(), k -> new int[4]),
                    byOrigin.computeIfAbsent(pair.kind() + " / " + pair.origin(), k -> new int[4]))) {
                counts[0]++;
                counts[1] += pair.same() == together ? 1 : 0;
                counts[2] += together && direct ? 1 : 0;
                counts[3] += together && !direct ? 1 : 0;
            }
            if (pair.same()) {
                if (together) {
                    tp++;
                } else {
                    fn++;
                    if (TRACE_MISSES) {
                        traceMiss(run.log(), pair, a, b);
                    }
                    Boolean answer = run.stub() == null ? null
                            : run.stub().asked.get(OracleStub.pairKey(key(pair.a()), key(pair.b())));
                    missedAsked += answer != null ? 1 : 0;
                    if (Boolean.TRUE.equals(answer)) {
                        missedAskedSame++;
                        askedButApart.add(String.format(Locale.ROOT, "%s: a #%d %s (%s), b #%d %s of #%s (%s)",
                                pair.id(), a.id(), a.kind() == null ? "new story" : a.kind() + " of #" + a.duplicateOf(),
                                a.storyId(), b.id(), b.kind() == null ? "new story" : b.kind(), b.duplicateOf(),
                                b.storyId()));
                    }
                }
            } else if (together) {
                fp++;
                Stored later = a.id() > b.id() ? a : b;
                mergedNegatives.add(String.format(Locale.ROOT, "%s (%s): %s; later article %s %s",
                        pair.id(), pair.origin(), direct ? "direct" : "THROUGH A THIRD ARTICLE",
                        later.kind(), later.reason() == null ? "" : abbreviate(later.reason(), 160)));
            } else {
                tn++;
            }
        }
        System.out.println("| kind | pairs | same story (recall; hard negatives: kept apart) | together, direct link "
                + "| together, through a third article |");
        System.out.println("|---|---|---|---|---|");
        byKind.forEach((kind, c) -> System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %d |%n", kind, c[0],
                c[0] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) c[1] / c[0]), c[2], c[3]));
        System.out.println();
        System.out.println("| kind / origin | pairs | right (same: together; hard negative: apart) |");
        System.out.println("|---|---|---|");
        byOrigin.forEach((origin, c) -> System.out.printf(Locale.ROOT, "| %s | %d | %.3f |%n", origin, c[0],
                (double) c[1] / c[0]));
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        System.out.printf(Locale.ROOT, "%nLabelled pairs: precision %.3f, recall %.3f, F1 %.3f "
                        + "(TP %d, FP %d, FN %d, TN %d)%n", precision, recall,
                precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), tp, fp, fn, tn);

        if (run.stub() != null) {
            System.out.printf(Locale.ROOT, "Same pairs left apart: %d, of which %d were asked to the LLM (%d answered "
                    + "same); the others never reached the LLM (no candidate, a copy/same-story verdict elsewhere, or "
                    + "outside the model's uncertain band)%n", fn, missedAsked, missedAskedSame);
            askedButApart.forEach(line -> System.out.println("    answered same, left apart: " + line));
        }
        Map<String, String> predicted = new HashMap<>();
        stored.forEach((k, s) -> predicted.put(k, s.storyId()));
        ClusteringMetrics.Pairwise all = new ClusteringMetrics(predicted, gold).pairwise();
        ClusteringMetrics.Scores scores = all.scores();
        System.out.printf(Locale.ROOT, "All %d posted articles against the labelled stories: %d pairs together, "
                        + "%d labelled-story pairs, %d both; pairwise P %.3f R %.3f F1 %.3f; %d stories (gold %d)%n",
                stored.size(), all.predictedPairs(), all.goldPairs(), all.truePairs(), scores.precision(),
                scores.recall(), scores.f1(), new java.util.HashSet<>(predicted.values()).size(),
                new java.util.HashSet<>(gold.values()).size());

        Map<String, Long> decisions = new TreeMap<>();
        stored.values().forEach(s -> decisions.merge(s.kind() == null ? "new story" : s.kind(), 1L, Long::sum));
        System.out.printf(Locale.ROOT, "Decisions: %s%n", decisions);

        String metrics = run.metrics();
        double questions = Prometheus.sum(metrics, "newsdesk_llm_calls_total", "purpose=\"same-story\"");
        double failures = Prometheus.sum(metrics, "newsdesk_llm_failures_total", "purpose=\"same-story\"");
        if (run.stub() != null) {
            OracleStub stub = run.stub();
            System.out.printf(Locale.ROOT, "LLM same-story questions: %.0f (service metric; %.0f failures), %d "
                            + "received by the stub = %.1f per 1,000 articles; most for one article %d; answers: %d "
                            + "from a labelled pair, %d from the labelled stories (%d of them same), %d not "
                            + "recognised; summary requests %d%n",
                    questions, failures, stub.sameStoryRequests.get(), 1000.0 * stub.sameStoryRequests.get()
                            / stored.size(), stub.perArticle.values().stream().mapToInt(AtomicInteger::get)
                            .max().orElse(0), stub.fromLabel.get(), stub.fromStories.get(), stub.storiesSame.get(),
                    stub.unrecognised.get(), stub.summaryRequests.get());
        } else {
            System.out.printf(Locale.ROOT, "LLM same-story questions: %.0f%n", questions);
        }
        crossStoryMerges(stored, posts, gold);
        if (!mergedNegatives.isEmpty()) {
            System.out.println("\nHard negatives put in one story:");
            mergedNegatives.forEach(line -> System.out.println("- " + line));
        }
    }

    /** The assignment traces (StoryAssigner at DEBUG) of the two articles of a same pair left apart. */
    private static void traceMiss(String log, Pair pair, Stored a, Stored b) {
        Stored later = a.id() > b.id() ? a : b;
        Stored earlier = later == a ? b : a;
        System.out.printf(Locale.ROOT, "miss %s (%s / %s): earlier #%d story %s, later #%d story %s %s%n", pair.id(),
                pair.kind(), pair.origin(), earlier.id(), earlier.storyId(), later.id(), later.storyId(),
                later.kind() == null ? "new story" : later.kind() + " of #" + later.duplicateOf());
        for (Stored side : List.of(earlier, later)) {
            String prefix = "Article " + side.id() + ":";
            log.lines().filter(line -> line.contains(prefix))
                    .forEach(line -> System.out.println("    " + line.substring(line.indexOf(prefix))));
        }
    }

    /**
     * The service's stories that join articles of different labelled stories (no labelled pair says they are one
     * story: a false merge, or an unlabelled same event), each article with its decision and what it joined.
     */
    private static void crossStoryMerges(Map<String, Stored> stored, Map<String, Post> posts,
            Map<String, String> gold) {
        Map<Long, String> keyOfId = new HashMap<>();
        stored.forEach((k, s) -> keyOfId.put(s.id(), k));
        Map<String, List<String>> byStory = new TreeMap<>();
        stored.forEach((k, s) -> byStory.computeIfAbsent(s.storyId(), x -> new ArrayList<>()).add(k));
        List<List<String>> merged = byStory.values().stream()
                .filter(keys -> keys.stream().map(gold::get).distinct().count() > 1).toList();
        System.out.printf(Locale.ROOT, "Stories joining articles of different labelled stories: %d%n", merged.size());
        for (List<String> keys : merged) {
            Map<String, String> goldNames = new LinkedHashMap<>();
            keys.stream().sorted(Comparator.comparing(k -> stored.get(k).id())).forEach(k -> {
                String name = goldNames.computeIfAbsent(gold.get(k), g -> "S" + (goldNames.size() + 1));
                Stored s = stored.get(k);
                Post post = posts.get(k);
                System.out.printf(Locale.ROOT, "    %s #%d %s \"%s\": %s%n", name, s.id(), post.key(),
                        abbreviate(post.title(), 60), s.kind() == null ? "new story"
                                : s.kind() + " of #" + s.duplicateOf() + " (in "
                                        + goldNames.getOrDefault(gold.get(keyOfId.get(s.duplicateOf())), "?") + ") "
                                        + abbreviate(s.reason() == null ? "" : s.reason(), 140));
            });
            System.out.println("    --");
        }
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** Lower case letters and digits only: robust to the service's cleaning (whitespace, quotes, chrome). */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The oracle

    /**
     * WireMock speaking the OpenAI streaming chat-completions format: a same-story question (the user message with
     * {@code <article_a>} and {@code <article_b>}) is answered from the labels, anything else as a summary request
     * with the article's lead (grounded, so the summary validation accepts it).
     */
    static final class OracleStub implements AutoCloseable, ResponseDefinitionTransformerV2 {

        private static final Pattern ARTICLE = Pattern.compile(
                "<(article(?:_a|_b)?)>\\s*(?:Published: (\\S+)\\s*\\n)?(?:Title: ([^\\n]*)\\n)?\\s*(.*?)\\s*</\\1>",
                Pattern.DOTALL);
        private static final Pattern LANGUAGE = Pattern.compile("\\(([a-z]{2,3})\\)\\.");
        private static final int PREFIX = 80;

        private final Map<String, Boolean> labels = new HashMap<>();
        private final Map<String, Post> posts;
        private final Map<String, String> gold;
        private final WireMockServer server;
        final AtomicInteger sameStoryRequests = new AtomicInteger();
        final AtomicInteger summaryRequests = new AtomicInteger();
        final AtomicInteger fromLabel = new AtomicInteger();
        final AtomicInteger fromStories = new AtomicInteger();
        final AtomicInteger storiesSame = new AtomicInteger();
        final AtomicInteger unrecognised = new AtomicInteger();
        final Map<String, AtomicInteger> perArticle = new ConcurrentHashMap<>();
        /** The pairs asked about (pair key of the two posts) and the answer given. */
        final Map<String, Boolean> asked = new ConcurrentHashMap<>();

        OracleStub(List<Pair> pairs, Map<String, Post> posts, Map<String, String> gold) {
            this.posts = posts;
            this.gold = gold;
            for (Pair pair : pairs) {
                labels.merge(pairKey(key(pair.a()), key(pair.b())), pair.same(), Boolean::logicalAnd);
            }
            server = new WireMockServer(options().dynamicPort().containerThreads(20).disableRequestJournal()
                    .gzipDisabled(true).notifier(new ConsoleNotifier(false)).extensions(this));
            server.start();
            server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)));
        }

        String baseUrl() {
            return server.baseUrl();
        }

        @Override
        public void close() {
            server.stop();
        }

        @Override
        public String getName() {
            return "retelling-oracle";
        }

        private static String pairKey(String one, String other) {
            return one.compareTo(other) <= 0 ? one + "|" + other : other + "|" + one;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String system = "";
            String user = "";
            try {
                JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
                for (JsonNode message : request.path("messages")) {
                    String content = message.path("content").isTextual() ? message.path("content").asText()
                            : message.path("content").path(0).path("text").asText();
                    if (message.path("role").asText().equals("system")) {
                        system = content;
                    } else if (message.path("role").asText().equals("user")) {
                        user = content;
                    }
                }
            } catch (Exception unreadable) {
                // answered below from whatever was read
            }
            String content;
            if (user.contains("<article_a>")) {
                content = sameStory(user);
            } else {
                summaryRequests.incrementAndGet();
                Matcher article = ARTICLE.matcher(user);
                String text = article.find() ? article.group(4) : user;
                Matcher language = LANGUAGE.matcher(system);
                ObjectNode summary = JSON.createObjectNode();
                summary.putArray("sentences").add(lead(text));
                summary.put("language", language.find() ? language.group(1) : "en");
                content = summary.toString();
            }
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(OpenAiStub.streamedAnswer(content, "oracle"))
                    .build();
        }

        private String sameStory(String user) {
            sameStoryRequests.incrementAndGet();
            Matcher matcher = ARTICLE.matcher(user);
            List<Post> found = new ArrayList<>();
            while (matcher.find()) {
                found.add(identify(matcher.group(2), matcher.group(3), matcher.group(4)));
            }
            boolean same;
            String reason;
            if (found.size() != 2 || found.contains(null)) {
                unrecognised.incrementAndGet();
                same = false;
                reason = "Unrecognised articles, answered as different events.";
            } else {
                Post one = found.get(0);
                Post other = found.get(1);
                Post later = one.publishedAt().isAfter(other.publishedAt()) ? one : other;
                perArticle.computeIfAbsent(later.key(), k -> new AtomicInteger()).incrementAndGet();
                Boolean label = labels.get(pairKey(one.key(), other.key()));
                if (label != null) {
                    fromLabel.incrementAndGet();
                    same = label;
                    reason = "Labelled pair: " + (same ? "the same event." : "different events.");
                } else {
                    fromStories.incrementAndGet();
                    same = gold.get(one.key()).equals(gold.get(other.key()));
                    if (same) {
                        storiesSame.incrementAndGet();
                    }
                    reason = "Unlabelled pair: " + (same ? "one labelled story." : "different labelled stories.");
                }
                asked.put(pairKey(one.key(), other.key()), same);
            }
            return JSON.createObjectNode().put("sameStory", same).put("confidence", 0.95).put("reason", reason)
                    .toString();
        }

        /**
         * The post whose text this is: its normalised text equal to, starting with, or containing the request's
         * normalised prefix (in that preference), then the one published at the request's time, then by title.
         */
        private Post identify(String published, String title, String text) {
            String body = text.endsWith(" …") ? text.substring(0, text.length() - 2) : text;
            String normalised = normalise(body);
            if (normalised.isEmpty()) {
                return null;
            }
            String prefix = normalised.substring(0, Math.min(PREFIX, normalised.length()));
            Instant at = null;
            try {
                at = published == null ? null : Instant.parse(published);
            } catch (RuntimeException unparsable) {
                // time not used
            }
            String normalisedTitle = title == null ? "" : normalise(title);
            Post best = null;
            int bestScore = 0;
            for (Post post : posts.values()) {
                int score = post.normalised().equals(normalised) ? 30 : post.normalised().startsWith(prefix) ? 20
                        : post.normalised().contains(prefix) ? 10 : 0;
                if (score == 0) {
                    continue;
                }
                score += post.publishedAt().equals(at) ? 4 : 0;
                score += normalise(post.title()).equals(normalisedTitle) ? 2 : 0;
                if (score > bestScore) {
                    best = post;
                    bestScore = score;
                }
            }
            return best;
        }

        /** The first sentence (with the second when the first is short), without markdown, at most 50 words. */
        static String lead(String text) {
            List<String> sentences = new SentenceSplitter().split(text);
            String lead = sentences.isEmpty() ? text : sentences.get(0);
            if (sentences.size() > 1 && lead.split("\\s+").length < 15) {
                lead = lead + " " + sentences.get(1);
            }
            String[] words = lead.replaceAll("[*_#`]", " ").strip().split("\\s+");
            if (words.length <= 50) {
                return String.join(" ", words);
            }
            return String.join(" ", Arrays.copyOf(words, 50)).replaceAll("[^\\p{L}\\p{N}]+$", "") + ".";
        }
    }
}
