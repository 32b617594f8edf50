package io.newsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.fingerprint.ArticleFingerprinter;
import io.newsdesk.story.ArticleToAssign;
import io.newsdesk.story.StoryAssigner;
import io.newsdesk.story.StoryUpdates;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Story assignment alone, from 1, 8 and 32 concurrent writers on one PostgreSQL: distinct articles published in one
 * week, fingerprinted before the clock starts (no model, no HTTP), fed to {@link StoryAssigner} as ingest does.
 * Every run starts from the same stored articles without stories and must end with the stories of the serial run.
 * Database sessions waiting on a lock are sampled every 50 ms.
 *
 * <p>{@code ./mvnw -Peval test -Dtest=AssignmentScalingBenchmark -Dbench.corpus=../shared/eval/bbc.jsonl
 * [-Dbench.articles=1000] [-Dbench.writers=1,8,32]}; table and plot in target/bench.
 */
@QuarkusTest
@TestProfile(AssignmentScalingBenchmark.WidePool.class)
class AssignmentScalingBenchmark {

    /** Enough connections for 32 writers and their reconciliations. */
    public static class WidePool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "48",
                    "newsdesk.story.sweep-interval", "1h");
        }
    }

    private static final Instant WEEK_START = Instant.parse("2031-03-03T00:00:00Z");

    @Inject
    StoryAssigner assigner;

    @Inject
    ArticleFingerprinter fingerprinter;

    @Inject
    Pool pool;

    @Test
    void assignmentsPerSecondGrowWithWriters() throws Exception {
        Path corpus = Path.of(System.getProperty("bench.corpus", "../shared/eval/bbc.jsonl"));
        int count = Integer.getInteger("bench.articles", 1000);
        List<Integer> writerCounts = new ArrayList<>();
        for (String w : System.getProperty("bench.writers", "1,8,32").split(",")) {
            writerCounts.add(Integer.parseInt(w.strip()));
        }
        run("TRUNCATE article, story, story_update, article_embedding, article_vector, article_mention, "
                + "same_story_answer CASCADE");
        List<ArticleToAssign> articles = store(corpus, count);

        Map<Integer, double[]> figures = new LinkedHashMap<>();
        Set<Set<Long>> serial = null;
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "Story assignment alone: %d distinct articles of %s in one week, %s, %d cores%n%n"
                        + "| writers | assignments/s | vs 1 writer | mean ms per assignment | sessions waiting on a "
                        + "lock (mean) | top wait events (mean sessions) | stories | merges | same stories as serial "
                        + "|%n|---:|---:|---:|---:|---:|---|---:|---:|---|%n",
                articles.size(), corpus.getFileName(), Instant.now(), Runtime.getRuntime().availableProcessors()));
        double single = 0;
        for (int writers : writerCounts) {
            unassign();
            RunResult result = assignAll(articles, writers);
            Set<Set<Long>> stories = stories();
            if (serial == null) {
                serial = stories;
                single = result.perSecond();
            }
            long merges = count("SELECT count(*) FROM story WHERE merged_into IS NOT NULL");
            boolean same = stories.equals(serial);
            figures.put(writers, new double[] {result.perSecond(), result.perSecond() / single});
            String row = String.format(Locale.ROOT, "| %d | %.1f | %.2f | %.1f | %.2f | %s | %d | %d | %s |%n",
                    writers, result.perSecond(), result.perSecond() / single, result.meanMillis(),
                    result.waitingOnLocks(), result.topWaits(), stories.size(), merges, same ? "yes" : "NO (" + difference(serial, stories) + ")");
            System.out.print(row);
            table.append(row);
        }
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("assignment-scaling.md"), table);
        double[] x = writerCounts.stream().mapToDouble(Integer::doubleValue).toArray();
        Charts.lines(out.resolve("assignment-scaling.png"), "Story assignment alone, one PostgreSQL",
                "concurrent writers", "assignments per second", true, x,
                Map.of("assignments/s", figures.values().stream().mapToDouble(f -> f[0]).toArray()));
        assertThat(figures).hasSize(writerCounts.size());
    }

    /** {@code topWaits}: the three most sampled wait events of active sessions, mean sessions each. */
    private record RunResult(double perSecond, double meanMillis, double waitingOnLocks, String topWaits) {
    }

    private RunResult assignAll(List<ArticleToAssign> articles, int writers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong busyNanos = new AtomicLong();
        AtomicLong waitingSamples = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        Map<String, Long> waits = new java.util.concurrent.ConcurrentHashMap<>();
        sampler.scheduleAtFixedRate(() -> {
            for (Row row : pool.preparedQuery("""
                    SELECT wait_event_type || ':' || wait_event
                               || CASE WHEN wait_event = 'advisory' THEN coalesce((SELECT CASE WHEN
                                       ((l.classid::bigint << 32) | l.objid::bigint) = $1 THEN ' (update number)'
                                       ELSE ' (copy keys)' END FROM pg_locks l
                                   WHERE l.pid = a.pid AND l.locktype = 'advisory' AND NOT l.granted LIMIT 1), '')
                                  ELSE '' END AS event, count(*) AS n
                    FROM pg_stat_activity a
                    WHERE state = 'active' AND wait_event IS NOT NULL AND backend_type = 'client backend'
                    GROUP BY 1""").execute(Tuple.of(StoryUpdates.NUMBERING_LOCK)).await().indefinitely()) {
                waits.merge(row.getString("event"), row.getLong("n"), Long::sum);
                if (row.getString("event").startsWith("Lock:")) {
                    waitingSamples.addAndGet(row.getLong("n"));
                }
            }
            samples.incrementAndGet();
        }, 0, 50, TimeUnit.MILLISECONDS);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < articles.size(); i = next.getAndIncrement()) {
                        ArticleToAssign article = articles.get(i);
                        long t = System.nanoTime();
                        try {
                            VertxContextSupport.subscribeAndAwait(() -> assigner.assign(article));
                        } catch (Throwable e) {
                            throw new IllegalStateException("assignment of article " + article.id() + " failed", e);
                        }
                        busyNanos.addAndGet(System.nanoTime() - t);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
            sampler.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String top = waits.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), (double) e.getValue() / samples.get()))
                .collect(java.util.stream.Collectors.joining(", "));
        return new RunResult(articles.size() / seconds, busyNanos.get() / 1e6 / articles.size(),
                samples.get() == 0 ? 0 : (double) waitingSamples.get() / samples.get(), top);
    }

    /** Stores the corpus' first {@code count} articles (copies inside kept), spread over one week, unassigned. */
    private List<ArticleToAssign> store(Path corpus, int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ArticleToAssign> articles = new ArrayList<>();
        List<String> lines = Files.readAllLines(corpus).stream().filter(l -> !l.isBlank()).limit(count).toList();
        long step = Duration.ofDays(7).toSeconds() / Math.max(1, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = json.readTree(lines.get(i));
            String title = node.path("title").asText();
            String text = node.path("body").asText().strip();
            Instant published = WEEK_START.plusSeconds(step * i);
            long id = pool.preparedQuery("""
                            INSERT INTO article (title, source, published_at, received_at, language, raw_format,
                                                 raw_content, text, content_hash)
                            VALUES ($1, 'bench.example.org', $2, now(), 'en', 'text', $3, $3, $4) RETURNING id""")
                    .execute(Tuple.of(title, published.atOffset(ZoneOffset.UTC), text, "bench-" + i))
                    .await().indefinitely().iterator().next().getLong(0);
            articles.add(new ArticleToAssign(id, title, text, published, fingerprinter.fingerprint(title, text)));
        }
        return articles;
    }

    /** Every article back to "no story yet", as it was stored. */
    private void unassign() {
        run("UPDATE article SET story_id = NULL, duplicate_of = NULL, duplicate_kind = NULL, similarity = NULL, "
                + "duplicate_reason = NULL, assigned_xid = NULL");
        run("TRUNCATE story_update, article_embedding, article_vector, article_mention, same_story_answer");
        run("DELETE FROM story");
        run("VACUUM ANALYZE");
    }

    private Set<Set<Long>> stories() {
        Set<Set<Long>> stories = new HashSet<>();
        for (Row row : pool.query("SELECT array_agg(id) AS ids FROM article GROUP BY story_id").execute().await()
                .indefinitely()) {
            stories.add(new TreeSet<>(List.of(row.getArrayOfLongs("ids"))));
        }
        return stories;
    }

    private static String difference(Set<Set<Long>> serial, Set<Set<Long>> run) {
        Set<Set<Long>> onlySerial = new HashSet<>(serial);
        onlySerial.removeAll(run);
        Set<Set<Long>> onlyRun = new HashSet<>(run);
        onlyRun.removeAll(serial);
        return "serial only " + onlySerial + ", this run only " + onlyRun;
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    private void run(String sql) {
        pool.query(sql).execute().await().indefinitely();
    }
}
