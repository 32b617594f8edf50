package io.newsdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.bench.IngestThroughputBenchmark.NewsText;
import io.newsdesk.eval.Corpora;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Start-up and memory of the packaged service on the three JVM set-ups of docs/deployment.md: JDK 17 plain, JDK 17
 * with the AppCDS archive of {@code -Pappcds}, JDK 25 with the AOT cache of {@code -Paot}. Each run launches the
 * jar against an external, already migrated PostgreSQL database (emptied between runs), with the container settings
 * of docker/Dockerfile.jvm, and measures from the launch: {@code /q/health/ready} answering 200, the first POST
 * /api/articles answered 201 (it waits for the in-process model if that is still loading), the JVM's RSS at ready,
 * after that first POST, and after 1,000 more ingests of corpus articles (4 in flight). Medians of the runs.
 *
 * <p>The three builds are {@code quarkus-app} directories: copies of the plain and the AppCDS build, and the AOT
 * build where {@code -Paot} made it. src/eval/startup-benchmark.sh makes them and runs this:
 * <pre>
 * ./mvnw -Peval,bench test-compile exec:java -Dbench.main=io.newsdesk.bench.StartupBenchmark \
 *        -Dbench.ingest.corpus=../shared/eval/bbc.jsonl \
 *        -Dbench.jdk17=/usr/lib/jvm/java-17-openjdk-amd64 -Dbench.jdk25=/usr/lib/jvm/temurin-25-jdk-amd64 \
 *        [-Dbench.startup.plain=target/startup/plain/quarkus-app] [-Dbench.startup.appcds=...] \
 *        [-Dbench.startup.aot=target/quarkus-app] [-Dbench.startup.setups=plain,appcds,aot] \
 *        [-Dbench.runs=3] [-Dbench.startup.ingests=1000] [-Dbench.startup.database=newsdesk_startup] \
 *        [-Dbench.service.jvm-args="-XX:MaxRAM=512m -XX:+UseG1GC -XX:MaxRAMPercentage=50"]
 * </pre>
 */
public final class StartupBenchmark {

    /** A JVM set-up: which JDK, which build directory, which archive option. */
    private record Variant(String name, Path javaHome, Path appDir, List<String> archiveArgs) {
    }

    private record Run(double readyMillis, double firstPostMillis, double rssReady, double rssFirstPost,
            double rssAfterIngests, Map<Integer, Integer> statuses) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTAINER_SETTINGS = "-XX:MaxRAM=512m -XX:+UseG1GC -XX:MaxRAMPercentage=50";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(Path.of("target/bench")));
        System.exit(0);
    }

    static String run(Path outDir) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        int ingests = Integer.getInteger("bench.startup.ingests", 1000);
        String database = System.getProperty("bench.startup.database", "newsdesk_startup");
        Path plain = Path.of(System.getProperty("bench.startup.plain", "target/startup/plain/quarkus-app"));
        Path appcds = Path.of(System.getProperty("bench.startup.appcds", "target/startup/appcds/quarkus-app"));
        // Where -Paot built and trained it: the cache names that directory (see docs/deployment.md).
        Path aot = Path.of(System.getProperty("bench.startup.aot", "target/quarkus-app"));
        List<String> setups = List.of(System.getProperty("bench.startup.setups", "plain,appcds,aot").split(","));
        Path jdk17 = Path.of(System.getProperty("bench.jdk17", System.getProperty("java.home")));
        Path jdk25 = Path.of(System.getProperty("bench.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        List<String> jvmArgs = BenchService.split(System.getProperty("bench.service.jvm-args", CONTAINER_SETTINGS));
        List<NewsText> texts = IngestThroughputBenchmark.texts(Corpora.fromProperty("bench.ingest.corpus"));
        // -Xshare:on and -XX:AOTMode=on refuse to start without the archive: a run never measures a JVM silently
        // without it.
        Map<String, Variant> all = Map.of(
                "plain", new Variant("JDK 17", jdk17, plain, List.of()),
                "appcds", new Variant("JDK 17 + AppCDS", jdk17, appcds,
                        List.of("-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:on")),
                "aot", new Variant("JDK 25 + AOT cache", jdk25, aot,
                        List.of("-XX:AOTCache=app.aot", "-XX:AOTMode=on")));
        List<Variant> variants = setups.stream().map(String::strip).map(all::get).toList();
        String machine = Machine.describe() + ", load average before: " + loadAverage();
        System.out.printf("start-up: %d runs per set-up, %d ingests, database %s, JVM options %s; %s%n", runs, ingests,
                database, jvmArgs, machine);

        Map<Variant, List<Run>> results = new LinkedHashMap<>();
        for (Variant variant : variants) {
            results.put(variant, new ArrayList<>());
        }
        emptyDatabase(database);
        // Runs interleaved (one of each set-up per round), so that a change of the machine's load hits them alike.
        for (int r = 1; r <= runs; r++) {
            for (Variant variant : variants) {
                Run run = measure(variant, jvmArgs, database, texts, ingests, outDir, r);
                results.get(variant).add(run);
                System.out.printf(Locale.ROOT, "%s run %d: ready %.0f ms, first POST %.0f ms, RSS %.0f / %.0f / %.0f MiB"
                        + " (ready / first POST / after %d ingests), answers %s%n", variant.name(), r,
                        run.readyMillis(), run.firstPostMillis(), run.rssReady(), run.rssFirstPost(),
                        run.rssAfterIngests(), ingests, run.statuses());
                emptyDatabase(database);
            }
        }
        return report(outDir, results, runs, ingests, jvmArgs, machine + ", after: " + loadAverage());
    }

    private static Run measure(Variant variant, List<String> jvmArgs, String database, List<NewsText> texts,
            int ingests, Path outDir, int run) throws Exception {
        int port = BenchService.freePort();
        Path dataDir = Files.createTempDirectory("newsdesk-startup");
        Path log = outDir.resolve("startup-" + variant.name().replaceAll("\\W+", "-") + "-" + run + ".log");
        Files.createDirectories(outDir);
        List<String> command = new ArrayList<>();
        command.add(variant.javaHome().resolve("bin/java").toString());
        command.addAll(jvmArgs);
        command.addAll(variant.archiveArgs());
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dnewsdesk.data-dir=" + dataDir, "-jar",
                "quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(variant.appDir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("NEWSDESK_"));
        builder.environment().put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + database);
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            double ready = awaitReady(client, process, URI.create("http://127.0.0.1:" + port + "/q/health/ready"),
                    launched, log);
            double rssReady = Machine.rssMiB(process.toHandle());
            URI articles = URI.create("http://127.0.0.1:" + port + "/api/articles");
            // A text no run posted before: answered 201, after the in-process model is loaded.
            int first = post(client, articles, json(new NewsText("Start-up probe " + System.nanoTime(),
                    texts.get(0).body())));
            double firstPost = (System.nanoTime() - launched) / 1e6;
            if (first != 201) {
                throw new IllegalStateException(variant.name() + ": first POST answered " + first);
            }
            double rssFirstPost = Machine.rssMiB(process.toHandle());
            Map<Integer, Integer> statuses = ingest(client, articles, texts, ingests);
            double rssAfterIngests = Machine.rssMiB(process.toHandle());
            return new Run(ready, firstPost, rssReady, rssFirstPost, rssAfterIngests, statuses);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static double awaitReady(HttpClient client, Process process, URI ready, long launched, Path log)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build();
        long deadline = launched + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - launched) / 1e6;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("service did not become ready; log:\n" + Files.readString(log));
    }

    /** Posts {@code count} corpus articles, 4 in flight; the answers' status codes with their counts. */
    private static Map<Integer, Integer> ingest(HttpClient client, URI articles, List<NewsText> texts, int count)
            throws InterruptedException {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService posters = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            posters.execute(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    int status;
                    try {
                        status = post(client, articles, json(texts.get(i % texts.size())));
                    } catch (Exception failed) {
                        status = -1;
                    }
                    statuses.merge(status, 1, Integer::sum);
                }
            });
        }
        posters.shutdown();
        posters.awaitTermination(30, TimeUnit.MINUTES);
        return new java.util.TreeMap<>(statuses);
    }

    private static int post(HttpClient client, URI articles, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(articles).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String json(NewsText text) {
        return JSON.createObjectNode().put("title", text.title()).put("body", text.body()).toString();
    }

    /** Every table but Flyway's history emptied: each run starts on the same, migrated, empty database. */
    private static void emptyDatabase(String database) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("password", "postgres");
        try (Connection connection = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/"
                + database, credentials); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException(database + " is not migrated: start the service on it once");
            }
            statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            statement.execute("VACUUM ANALYZE");
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException notLinux) {
            return "unknown";
        }
    }

    private static String report(Path outDir, Map<Variant, List<Run>> results, int runs, int ingests,
            List<String> jvmArgs, String machine) throws IOException {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "| set-up | ready, ms | first POST 201, ms "
                + "| RSS at ready, MiB | RSS after first POST, MiB | RSS after %,d ingests, MiB |%n"
                + "|---|---:|---:|---:|---:|---:|%n", ingests));
        List<String> names = new ArrayList<>();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        times.put("ready, s", new ArrayList<>());
        times.put("first POST answered 201, s", new ArrayList<>());
        Map<String, List<Double>> memory = new LinkedHashMap<>();
        memory.put("RSS at ready", new ArrayList<>());
        memory.put("after the first POST", new ArrayList<>());
        memory.put("after " + ingests + " ingests", new ArrayList<>());
        StringBuilder perRun = new StringBuilder("Every run (ready / first POST in ms; RSS at ready / after the first "
                + "POST / after the ingests in MiB; the ingests' answers by status):\n\n");
        for (Map.Entry<Variant, List<Run>> entry : results.entrySet()) {
            List<Run> list = entry.getValue();
            double ready = Machine.median(list.stream().map(Run::readyMillis).toList());
            double first = Machine.median(list.stream().map(Run::firstPostMillis).toList());
            double rssReady = Machine.median(list.stream().map(Run::rssReady).toList());
            double rssFirst = Machine.median(list.stream().map(Run::rssFirstPost).toList());
            double rssIngests = Machine.median(list.stream().map(Run::rssAfterIngests).toList());
            String name = entry.getKey().name();
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n", name, ready, first,
                    rssReady, rssFirst, rssIngests));
            names.add(name);
            times.get("ready, s").add(ready / 1000);
            times.get("first POST answered 201, s").add(first / 1000);
            memory.get("RSS at ready").add(rssReady);
            memory.get("after the first POST").add(rssFirst);
            memory.get("after " + ingests + " ingests").add(rssIngests);
            perRun.append("- ").append(name).append(": ");
            for (Run run : list) {
                perRun.append(String.format(Locale.ROOT, "%.0f / %.0f ms, %.0f / %.0f / %.0f MiB, %s; ",
                        run.readyMillis(), run.firstPostMillis(), run.rssReady(), run.rssFirstPost(),
                        run.rssAfterIngests(), run.statuses()));
            }
            perRun.setLength(perRun.length() - 2);
            perRun.append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nMedians of %d runs per set-up (interleaved), JVM options %s, external "
                + "PostgreSQL 127.0.0.1 (migrated, emptied before each run). %s.%n%n", runs, String.join(" ", jvmArgs),
                machine));
        md.append(perRun).append('\n');
        Charts.bars(outDir.resolve("startup-time.png"), "Launch to ready and to the first ingest", "seconds", names,
                times);
        Charts.bars(outDir.resolve("startup-rss.png"), "RSS of the service JVM", "MiB", names, memory);
        Files.writeString(outDir.resolve("startup.md"), md);
        return md.toString();
    }
}
