package io.newsdesk.bench;

import io.newsdesk.eval.Corpora;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.fingerprint.LshBands;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.embedding.EmbeddingCells;
import io.newsdesk.embedding.SimHash;
import io.newsdesk.fingerprint.StoryEmbedder;
import io.newsdesk.story.DuplicateCandidates;
import io.newsdesk.embedding.Vectors;
import io.newsdesk.testing.Jsonl;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Benchmarks "dedup cost growth" and "feed latency" as the store grows. The packaged service runs on its embedded
 * PostgreSQL; background articles are loaded straight into the tables with COPY (one story each, random LSH bands,
 * embeddings spread over the embedding space like news: each near the story embedding of one of the corpus' last
 * 1,000 articles, which the probes never post; 2,000 articles per publication day unless {@code bench.per-day} says
 * otherwise). At each size:
 * <ol>
 *   <li>real BBC articles are posted one at a time over HTTP, published from the middle of the loaded days (so a
 *       dense window is full on both sides); reported are the
 *       service's own timers (story assignment: locks, candidate lookup, judging, writing; fingerprint: shingles,
 *       MinHash, embedding) and the POST latency seen by the client;</li>
 *   <li>GET /api/feed is timed, one request at a time, for the first page and for the page 1,000 stories deep
 *       (its cursor found by walking the feed), in several runs; reported are the medians of the runs' p50/p99.</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -Peval,bench package -DskipTests exec:java -Dbench.main=io.newsdesk.bench.StoreGrowthBenchmark
 *        [-Dbench.sizes=10000,100000,1000000] [-Dbench.probes=200] [-Dbench.warmup=200] [-Dbench.per-day=2000]
 *        [-Dbench.runs=3] [-Dbench.feed.requests=1000]
 * # the density axis: a fresh store of bench.days (7) days for each number of articles a day
 * ./mvnw -Peval,bench package -DskipTests exec:java -Dbench.main=io.newsdesk.bench.StoreGrowthBenchmark \
 *        -Dbench.per-day=2000,20000,100000 [-Dbench.days=7]
 * </pre>
 */
public final class StoreGrowthBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant FIRST_DAY = Instant.parse("2020-01-01T00:00:00Z");
    private static final int DIMENSIONS = 384;
    private static final int DEEP = 1000;

    /** Medians over runs of the per-run percentiles, in ms. */
    private record FeedLatency(double firstP50, double firstP99, double deepP50, double deepP99) {
    }

    private StoreGrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(Path.of("target/bench")));
        System.exit(0);
    }

    /**
     * Runs the benchmark, writes its tables and plots into {@code outDir} and returns the Markdown section; with
     * several values of {@code bench.per-day}, the density axis instead ({@link #densities}).
     */
    static String run(Path outDir) throws Exception {
        String[] perDays = System.getProperty("bench.per-day", "2000").split(",");
        if (perDays.length > 1) {
            return densities(outDir, Arrays.stream(perDays).mapToInt(d -> Integer.parseInt(d.strip())).toArray());
        }
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int probes = Integer.getInteger("bench.probes", 200);
        int warmup = Integer.getInteger("bench.warmup", 200);
        int perDay = Integer.getInteger("bench.per-day", 2000);
        int runs = Integer.getInteger("bench.runs", 3);
        int feedRequests = Integer.getInteger("bench.feed.requests", 1000);
        List<JsonNode> corpus = Jsonl.read(Corpora.fromProperty("bench.corpus"));
        List<String> jvmArgs = BenchService.split(System.getProperty("bench.service.jvm-args", ""));
        int pgPort = BenchService.freePort();
        String plans;
        StringBuilder dedup = new StringBuilder(String.format(Locale.ROOT,
                "| stored articles | assignment mean ms | vs smallest | fingerprint mean ms | POST p50 ms | POST p99 ms "
                        + "| load s (COPY, VACUUM ANALYZE) |%n|---:|---:|---:|---:|---:|---:|---:|%n"));
        StringBuilder feed = new StringBuilder(String.format(Locale.ROOT,
                "| stored articles (stories) | first page p50 ms | first page p99 ms | page %,d deep p50 ms "
                        + "| page %,d deep p99 ms |%n|---:|---:|---:|---:|---:|%n", DEEP, DEEP));
        double[] x = Arrays.stream(sizes).asDoubleStream().toArray();
        double[] assignmentMs = new double[sizes.length];
        double[] fingerprintMs = new double[sizes.length];
        double[][] feedMs = new double[4][sizes.length];
        try (BenchService service = BenchService.start(Path.of("target/quarkus-app/quarkus-run.jar"),
                List.of("-Dnewsdesk.embedded-postgres.port=" + pgPort), jvmArgs);
                Connection sql = BenchService.connect(pgPort)) {
            Background background = new Background(sql, perDay, backgroundBases(corpus));
            // Warm the JIT on articles published years before the background, so they never meet it as candidates.
            postProbes(service, corpus, 0, warmup, Instant.parse("2010-01-01T00:00:00Z"));
            int probe = warmup;
            for (int i = 0; i < sizes.length; i++) {
                int size = sizes[i];
                double loadSeconds = background.loadUpTo(size);
                // From the middle of the loaded days: a window of +-3 days around them holds 6 days of articles.
                Instant middle = FIRST_DAY.plusSeconds((long) size * 86_400 / perDay / 2);
                String before = Prometheus.scrape(service.uri("/q/metrics"));
                long[] latencies = postProbes(service, corpus, probe, probes, middle);
                probe += probes;
                String after = Prometheus.scrape(service.uri("/q/metrics"));
                assignmentMs[i] = meanMillis(before, after, "newsdesk_dedup_assignment_seconds");
                fingerprintMs[i] = meanMillis(before, after, "newsdesk_dedup_fingerprint_seconds");
                dedup.append(String.format(Locale.ROOT, "| %,d | %.1f | %.2f | %.1f | %.1f | %.1f | %.0f |%n", size,
                        assignmentMs[i], assignmentMs[i] / assignmentMs[0], fingerprintMs[i],
                        percentile(latencies, 50), percentile(latencies, 99), loadSeconds));
                FeedLatency latency = feedLatency(service, runs, feedRequests);
                feedMs[0][i] = latency.firstP50();
                feedMs[1][i] = latency.firstP99();
                feedMs[2][i] = latency.deepP50();
                feedMs[3][i] = latency.deepP99();
                feed.append(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %.2f |%n", size,
                        latency.firstP50(), latency.firstP99(), latency.deepP50(), latency.deepP99()));
                System.out.print(dedup);
                System.out.print(feed);
            }
            plans = plans(sql);
        }
        Map<String, double[]> dedupSeries = new LinkedHashMap<>();
        dedupSeries.put("story assignment", assignmentMs);
        dedupSeries.put("fingerprint + embedding", fingerprintMs);
        Charts.lines(outDir.resolve("dedup-cost.png"), "Dedup time per ingested article", "stored articles",
                "ms per article (mean)", true, x, dedupSeries);
        Map<String, double[]> feedSeries = new LinkedHashMap<>();
        feedSeries.put("first page p50", feedMs[0]);
        feedSeries.put("first page p99", feedMs[1]);
        feedSeries.put("page 1,000 deep p50", feedMs[2]);
        feedSeries.put("page 1,000 deep p99", feedMs[3]);
        Charts.lines(outDir.resolve("feed-latency.png"), "GET /api/feed latency", "stored articles (one story each)",
                "ms", true, x, feedSeries);
        String machine = Machine.describe();
        String report = "### Dedup cost growth\n\n" + dedup + String.format(Locale.ROOT, "%nMean over %d probes per size "
                + "(after %d warm-up posts), %,d background articles per publication day; the probes are published from "
                + "the middle of the loaded days, 10 minutes apart, so their +-3-day window holds up to about %,d; %s.%n",
                probes, warmup, perDay, perDay * 6, machine) + plans
                + "\n### Feed latency\n\n" + feed + String.format(Locale.ROOT, "%nGET /api/feed (20 stories per page),"
                + " one request at a time over a kept-alive connection, %d requests per page per run after %d "
                + "warm-up; medians of %d runs' percentiles; %s.%n%n", feedRequests, feedRequests / 5, runs, machine);
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("store-growth.md"), report);
        return report;
    }

    /**
     * Dedup cost against the window's density: for each number of articles per publication day, a fresh store of
     * {@code bench.days} (7) such days, probed from their middle, so that the probes' +-3-day window holds six days
     * of articles (600,000 at 100,000 a day). Table {@code dedup-density.md}, plot {@code dedup-density.png}.
     */
    private static String densities(Path outDir, int[] perDays) throws Exception {
        int days = Integer.getInteger("bench.days", 7);
        int probes = Integer.getInteger("bench.probes", 200);
        int warmup = Integer.getInteger("bench.warmup", 200);
        List<JsonNode> corpus = Jsonl.read(Corpora.fromProperty("bench.corpus"));
        List<String> jvmArgs = BenchService.split(System.getProperty("bench.service.jvm-args", ""));
        List<float[]> bases = backgroundBases(corpus);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "| articles per day | in the probes' window "
                + "| assignment mean ms | vs %,d a day | fingerprint mean ms | POST p50 ms | POST p99 ms | load s |%n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|%n", perDays[0]));
        double[] x = Arrays.stream(perDays).asDoubleStream().toArray();
        double[] assignmentMs = new double[perDays.length];
        double[] fingerprintMs = new double[perDays.length];
        for (int i = 0; i < perDays.length; i++) {
            int perDay = perDays[i];
            int pgPort = BenchService.freePort();
            try (BenchService service = BenchService.start(Path.of("target/quarkus-app/quarkus-run.jar"),
                    List.of("-Dnewsdesk.embedded-postgres.port=" + pgPort), jvmArgs);
                    Connection sql = BenchService.connect(pgPort)) {
                postProbes(service, corpus, 0, warmup, Instant.parse("2010-01-01T00:00:00Z"));
                double loadSeconds = new Background(sql, perDay, bases).loadUpTo(perDay * days);
                Instant middle = FIRST_DAY.plusSeconds((long) days * 86_400 / 2);
                String before = Prometheus.scrape(service.uri("/q/metrics"));
                long[] latencies = postProbes(service, corpus, warmup, probes, middle);
                String after = Prometheus.scrape(service.uri("/q/metrics"));
                assignmentMs[i] = meanMillis(before, after, "newsdesk_dedup_assignment_seconds");
                fingerprintMs[i] = meanMillis(before, after, "newsdesk_dedup_fingerprint_seconds");
                table.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %.2f | %.1f | %.1f | %.1f | %.0f |%n",
                        perDay, perDay * Math.min(days, 6), assignmentMs[i], assignmentMs[i] / assignmentMs[0],
                        fingerprintMs[i], percentile(latencies, 50), percentile(latencies, 99), loadSeconds));
                System.out.print(table);
            }
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("story assignment", assignmentMs);
        series.put("fingerprint + embedding", fingerprintMs);
        Charts.lines(outDir.resolve("dedup-density.png"), "Dedup time per article against the window's density",
                "background articles per publication day", "ms per article (mean)", true, x, series);
        String report = "### Dedup cost against density\n\n" + table + String.format(Locale.ROOT, "%nMean over %d "
                + "probes per density (after %d warm-up posts), a fresh store of %d days each, the probes published from "
                + "the middle of those days, 10 minutes apart; %s.%n", probes, warmup, days, Machine.describe());
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("dedup-density.md"), report);
        return report;
    }

    /** Times the first page and the page {@value #DEEP} stories deep, {@code runs} times, one request at a time. */
    private static FeedLatency feedLatency(BenchService service, int runs, int requests) throws Exception {
        URI first = service.uri("/api/feed");
        String cursor = null;
        for (int skipped = 0; skipped < DEEP; skipped += 100) {
            JsonNode page = JSON.readTree(get(service.uri("/api/feed?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor))));
            cursor = page.path("nextCursor").asText();
        }
        URI deep = service.uri("/api/feed?cursor=" + cursor);
        time(first, requests / 5);
        time(deep, requests / 5);
        double[][] percentiles = new double[4][runs];
        for (int r = 0; r < runs; r++) {
            long[] firstTimes = time(first, requests);
            long[] deepTimes = time(deep, requests);
            percentiles[0][r] = percentile(firstTimes, 50);
            percentiles[1][r] = percentile(firstTimes, 99);
            percentiles[2][r] = percentile(deepTimes, 50);
            percentiles[3][r] = percentile(deepTimes, 99);
        }
        return new FeedLatency(Machine.median(percentiles[0]), Machine.median(percentiles[1]),
                Machine.median(percentiles[2]), Machine.median(percentiles[3]));
    }

    private static long[] time(URI uri, int requests) throws Exception {
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            get(uri);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static double percentile(long[] sortedNanos, double p) {
        return ClosedLoad.percentile(sortedNanos, p) / 1e6;
    }

    /** The plans of the service's candidate queries on the loaded store: index scans, never a scan of all articles. */
    private static String plans(Connection sql) throws Exception {
        StringBuilder plans = new StringBuilder(String.format("%nCandidate query plans at the largest size:%n```%n"));
        String bands = java.util.stream.LongStream.range(1, 65).mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",", "ARRAY[", "]::bigint[]"));
        // The service's SQL with literal values in place of its $n parameters.
        String copies = DuplicateCandidates.COPIES.replace("$1", "1").replace("$2", "42").replace("$3", bands)
                .replace("$4", "50");
        String window = DuplicateCandidates.IN_WINDOW.replace("$1", "'2020-01-10T00:00:00Z'")
                .replace("$2", "'2020-01-16T00:00:00Z'").replace("$3", "1")
                .replace("$4", "'" + "01".repeat(SimHash.CODE_BITS / 2) + "'").replace("$5", "800").replace("$6", "42")
                .replace("$7", String.valueOf(SimHash.maxDistanceFor(0.9)))
                .replace("$8", "ARRAY[0, 1, 2, 3]").replace("$9", "16000");
        sql.setAutoCommit(false);
        sql.createStatement().execute(DuplicateCandidates.USE_INDEXES);
        for (String query : List.of(copies, window)) {
            try (var rows = sql.createStatement().executeQuery("EXPLAIN " + query)) {
                while (rows.next()) {
                    plans.append(rows.getString(1)).append('\n');
                }
            }
        }
        sql.rollback();
        sql.setAutoCommit(true);
        return plans.append("```\n").toString();
    }

    /** Posts {@code count} corpus articles one at a time, published 10 minutes apart from {@code from}. */
    private static long[] postProbes(BenchService service, List<JsonNode> corpus, int first, int count, Instant from)
            throws Exception {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            JsonNode article = corpus.get((first + i) % corpus.size());
            String body = JSON.createObjectNode().put("title", article.path("title").asText("Untitled"))
                    .put("body", article.path("body").asText())
                    .put("publishedAt", from.plusSeconds(600L * i).toString())
                    .put("url", "https://probe.example/" + (first + i)).toString();
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.uri("/api/articles"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            latencies[i] = System.nanoTime() - started;
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static double meanMillis(String before, String after, String timer) {
        double count = Prometheus.sum(after, timer + "_count") - Prometheus.sum(before, timer + "_count");
        double sum = Prometheus.sum(after, timer + "_sum") - Prometheus.sum(before, timer + "_sum");
        return sum / count * 1000;
    }

    /** The story embeddings of the corpus' last 1,000 articles, which the probes (from its start) never post. */
    private static List<float[]> backgroundBases(List<JsonNode> corpus) {
        StoryEmbedder embedder = new StoryEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
        return corpus.subList(Math.max(0, corpus.size() - 1000), corpus.size()).stream()
                .map(article -> embedder.embed(article.path("title").asText(null), article.path("body").asText()))
                .toList();
    }

    /** Background articles written with COPY, each its own story, ids far above the service's own. */
    private static final class Background {

        private static final long ID_BASE = 1_000_000_000L;

        private final Connection sql;
        private final int perDay;
        private final Random random = new Random(42);
        private final SimHash simHash = new SimHash(DIMENSIONS);
        private final EmbeddingCells cells = EmbeddingCells.inProcessModel();
        private final List<float[]> bases;
        private int loaded;

        Background(Connection sql, int perDay, List<float[]> bases) {
            this.sql = sql;
            this.perDay = perDay;
            this.bases = bases;
        }

        /** Loads background articles until {@code size} are stored; the seconds it took. */
        double loadUpTo(int size) throws Exception {
            long started = System.nanoTime();
            sql.setAutoCommit(false);
            CopyManager copy = new CopyManager(sql.unwrap(BaseConnection.class));
            while (loaded < size) {
                int batch = Math.min(10_000, size - loaded);
                StringBuilder stories = new StringBuilder();
                StringBuilder articles = new StringBuilder();
                StringBuilder embeddings = new StringBuilder();
                StringBuilder vectors = new StringBuilder();
                StringBuilder updates = new StringBuilder();
                for (int i = 0; i < batch; i++, loaded++) {
                    long id = ID_BASE + loaded;
                    Instant published = FIRST_DAY.plusSeconds((long) loaded * 86_400 / perDay);
                    stories.append(id).append('\t').append(id).append("\t1\t1\t").append(published).append('\t')
                            .append(published).append('\t').append(published).append('\t').append(id).append('\n');
                    articles.append(id).append("\tBackground ").append(id).append("\t\\N\thttps://bg.example/")
                            .append(id).append("\tbg.example\t").append(published).append('\t').append(published)
                            .append("\ten\ttext\tbackground\tbackground\tbg").append(id).append("\tREADY\t")
                            .append(id).append('\t').append(random.nextLong()).append('\t').append(bands())
                            .append('\n');
                    float[] vector = newsLikeVector();
                    long[] code = simHash.of(vector);
                    embeddings.append(id).append('\t').append(published).append('\t').append(code[0]).append('\t')
                            .append(SimHash.bitString(code)).append("\t\\\\x")
                            .append(HexFormat.of().formatHex(Vectors.toInt8(vector))).append('\t')
                            .append(cells.of(vector)).append('\n');
                    vectors.append(id).append("\t\\\\x").append(HexFormat.of().formatHex(Vectors.toBytes(vector)))
                            .append('\n');
                    updates.append(id).append('\t').append(id).append('\n');
                }
                sql.createStatement().execute("SET CONSTRAINTS ALL DEFERRED");
                copy.copyIn("COPY story (id, representative_id, article_count, source_count, first_published_at, "
                        + "last_published_at, updated_at, update_seq) FROM STDIN", new StringReader(stories.toString()));
                copy.copyIn("COPY article (id, title, url, canonical_url, source, published_at, received_at, language,"
                        + " raw_format, raw_content, text, content_hash, summary_status, story_id, exact_hash, "
                        + "lsh_bands) FROM STDIN", new StringReader(articles.toString()));
                copy.copyIn("COPY article_embedding (article_id, published_at, sim_hash, code, vector_i8, cell) FROM STDIN",
                        new StringReader(embeddings.toString()));
                copy.copyIn("COPY article_vector (article_id, vector) FROM STDIN", new StringReader(vectors.toString()));
                copy.copyIn("COPY story_update (seq, story_id) FROM STDIN", new StringReader(updates.toString()));
                sql.commit();
            }
            sql.setAutoCommit(true);
            // The service's own rows get ids and update numbers above the background's.
            sql.createStatement().execute("SELECT setval(pg_get_serial_sequence('story', 'id'), "
                    + (ID_BASE + loaded + 1_000_000) + "), setval(pg_get_serial_sequence('article', 'id'), "
                    + (ID_BASE + loaded + 1_000_000) + "), setval('story_update_seq', " + (ID_BASE + loaded + 1_000_000)
                    + ")");
            // A store that has been running is vacuumed and analysed (autovacuum): the index-only scans need the
            // visibility map, the planner the statistics, and autovacuum would otherwise run during the probes.
            sql.createStatement().execute("VACUUM ANALYZE");
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "loaded %,d background articles in %.0f s%n", loaded, seconds);
            return seconds;
        }

        private String bands() {
            StringBuilder bands = new StringBuilder("{");
            for (int b = 0; b < LshBands.DEFAULT.bands(); b++) {
                bands.append(b == 0 ? "" : ",").append(random.nextLong());
            }
            return bands.append('}').toString();
        }

        /** A unit vector at a cosine of about 0.6 from a random corpus article's story embedding. */
        private float[] newsLikeVector() {
            float[] base = bases.get(random.nextInt(bases.size()));
            float[] noise = Vectors.unit(gaussian());
            float[] vector = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                vector[d] = base[d] + 1.3f * noise[d];
            }
            return Vectors.unit(vector);
        }

        private float[] gaussian() {
            float[] vector = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            return vector;
        }
    }

}
