package io.newsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.dedup.LshBands;
import io.newsdesk.embedding.SimHash;
import io.newsdesk.story.DuplicateCandidates;
import io.newsdesk.embedding.Vectors;
import io.newsdesk.testing.Jsonl;
import java.io.StringReader;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Benchmark "dedup cost growth": time per ingested article as the store grows. The packaged service runs on its
 * embedded PostgreSQL; background articles are loaded straight into the tables with COPY (one story each, random
 * LSH bands, embeddings with the mean cosine of news text, 2,000 articles per publication day), then real BBC
 * articles are posted one at a time over HTTP, published on the last loaded day. Reported: the service's own timers
 * (story assignment: candidate lookup, judging, writing; fingerprint: shingles, MinHash, embedding) and the POST
 * latency seen by the client.
 *
 * <pre>
 * ./mvnw -Pbench package -DskipTests exec:java -Dbench.main=io.newsdesk.bench.DedupCostBenchmark
 *        [-Dbench.sizes=10000,200000] [-Dbench.probes=200] [-Dbench.warmup=200] [-Dbench.per-day=2000]
 * </pre>
 * Writes the Markdown table to {@code target/bench/dedup-cost.md}.
 */
public final class DedupCostBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant FIRST_DAY = Instant.parse("2020-01-01T00:00:00Z");
    private static final int DIMENSIONS = 384;

    private DedupCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,200000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int probes = Integer.getInteger("bench.probes", 200);
        int warmup = Integer.getInteger("bench.warmup", 200);
        int perDay = Integer.getInteger("bench.per-day", 2000);
        List<JsonNode> corpus = Jsonl.read(Path.of(System.getProperty("bench.corpus", "../shared/eval/bbc.jsonl")));
        Path out = Path.of(System.getProperty("bench.out", "target/bench/dedup-cost.md"));
        int pgPort = freePort();
        String plans;
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| stored articles | assignment mean ms | vs smallest | fingerprint mean ms | POST p50 ms | POST p99 ms |%n"
                        + "|---|---|---|---|---|---|%n"));
        try (BenchService service = BenchService.start(Path.of("target/quarkus-app/quarkus-run.jar"),
                List.of("-Dnewsdesk.embedded-postgres.port=" + pgPort), List.of("-Xmx1g"));
                Connection sql = connect(pgPort)) {
            Background background = new Background(sql, perDay);
            // Warm the JIT on articles published years before the background, so they never meet it as candidates.
            postProbes(service, corpus, 0, warmup, Instant.parse("2010-01-01T00:00:00Z"));
            int probe = warmup;
            double firstAssignment = Double.NaN;
            for (int size : sizes) {
                background.loadUpTo(size);
                Instant lastDay = FIRST_DAY.plus(Duration.ofDays(Math.max(0, size / perDay - 1)));
                String before = Prometheus.scrape(service.uri("/q/metrics"));
                long[] latencies = postProbes(service, corpus, probe, probes, lastDay);
                probe += probes;
                String after = Prometheus.scrape(service.uri("/q/metrics"));
                double assignment = meanMillis(before, after, "newsdesk_dedup_assignment_seconds");
                double fingerprint = meanMillis(before, after, "newsdesk_dedup_fingerprint_seconds");
                if (Double.isNaN(firstAssignment)) {
                    firstAssignment = assignment;
                }
                table.append(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %.1f | %.1f |%n", size,
                        assignment, assignment / firstAssignment, fingerprint, latencies[probes / 2] / 1e6,
                        latencies[(int) (probes * 0.99)] / 1e6));
                System.out.print(table);
            }
            plans = plans(sql);
        }
        String report = table + plans + String.format(Locale.ROOT, "%nMachine: %s, %d cores; %d probes per size, %d "
                        + "background articles per publication day (window +-3 days).%n", cpu(),
                Runtime.getRuntime().availableProcessors(), probes, perDay);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
        System.exit(0);
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
                .replace("$2", "'2020-01-16T00:00:00Z'").replace("$3", "1").replace("$4", "42")
                .replace("$5", String.valueOf(SimHash.maxDistanceFor(0.9)));
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

    /** Background articles written with COPY, each its own story, ids far above the service's own. */
    private static final class Background {

        private static final long ID_BASE = 1_000_000_000L;

        private final Connection sql;
        private final int perDay;
        private final Random random = new Random(42);
        private final SimHash simHash = new SimHash(DIMENSIONS);
        private final float[] newsDirection;
        private int loaded;

        Background(Connection sql, int perDay) {
            this.sql = sql;
            this.perDay = perDay;
            this.newsDirection = Vectors.unit(gaussian());
        }

        void loadUpTo(int size) throws Exception {
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
                    embeddings.append(id).append('\t').append(published).append('\t').append(simHash.of(vector))
                            .append('\n');
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
                copy.copyIn("COPY article_embedding (article_id, published_at, sim_hash) FROM STDIN",
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
            sql.createStatement().execute("ANALYZE");
            System.out.printf(Locale.ROOT, "loaded %,d background articles in %.0f s%n", loaded,
                    (System.nanoTime() - started) / 1e9);
        }

        private String bands() {
            StringBuilder bands = new StringBuilder("{");
            for (int b = 0; b < LshBands.DEFAULT.bands(); b++) {
                bands.append(b == 0 ? "" : ",").append(random.nextLong());
            }
            return bands.append('}').toString();
        }

        /** Unit vectors whose pairwise cosine averages about 0.17, like story embeddings of unrelated news. */
        private float[] newsLikeVector() {
            float[] noise = Vectors.unit(gaussian());
            float[] vector = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                vector[d] = 0.45f * newsDirection[d] + noise[d];
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

    /** The driver directly: exec:java's class loader hides it from DriverManager. */
    private static Connection connect(int port) throws Exception {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("password", "postgres");
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", credentials);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
