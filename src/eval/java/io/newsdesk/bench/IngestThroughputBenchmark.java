package io.newsdesk.bench;

import io.newsdesk.eval.Corpora;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.testing.Jsonl;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmarks "ingest throughput" and "start-up and memory". Each run starts the packaged service on a fresh
 * embedded PostgreSQL with its offline defaults (no LLM: cleaning, fingerprints, in-process embeddings, extractive
 * summary), times the first successful POST from the moment the JVM is launched, reads the JVM's RSS, posts real
 * BBC articles with a closed-loop load, reads the RSS again, stops the service and then measures the compute
 * limit on the same texts: {@link BareEmbeddingRate} in a JVM with the service's options and jars.
 *
 * <pre>
 * ./mvnw -Peval,bench package -DskipTests exec:java -Dbench.main=io.newsdesk.bench.IngestThroughputBenchmark
 *        [-Dbench.runs=3] [-Dbench.ingest.concurrency=8] [-Dbench.ingest.seconds=20] [-Dbench.ingest.warmup.seconds=30]
 *        [-Dbench.ingest.corpus=../shared/eval/bbc.jsonl] [-Dbench.service.jvm-args="-Xmx1g"]
 * </pre>
 */
public final class IngestThroughputBenchmark {

    /** An article as posted: the corpus headline and body. */
    record NewsText(String title, String body) {
    }

    private record Run(double postsPerSecond, double p50, double p99, Map<String, Integer> other, double limit,
            String limitByThreads, double firstRequestMillis, double rssAfterStart, double rssAfterLoad, long copies,
            CpuSplit cpu) {
    }

    /** Cores used during the measured window. */
    private record CpuSplit(double service, double embedding, double eventLoops, double jit, double postgres,
            double bench, double machine) {

        static CpuSplit of(CpuWindow window, long servicePid) {
            return new CpuSplit(window.serviceCores(servicePid),
                    window.serviceThreadCores(name -> name.equals("java") || name.matches("pool-#-thread-#")),
                    window.serviceThreadCores(name -> name.startsWith("vert.x-eventloo")),
                    window.serviceThreadCores(name -> name.contains("CompilerThre")),
                    window.descendantCores(servicePid), window.benchCores(), window.machineCores());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(Path.of("target/bench")));
        System.exit(0);
    }

    static List<NewsText> texts(Path corpus) {
        return Jsonl.read(corpus).stream()
                .map(article -> new NewsText(article.path("title").asText("Untitled"), article.path("body").asText()))
                .filter(text -> !text.body().isBlank())
                .toList();
    }

    /** Runs the benchmark, writes its table and plots into {@code outDir} and returns the Markdown section. */
    static String run(Path outDir) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        int concurrency = Integer.getInteger("bench.ingest.concurrency", 8);
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.ingest.seconds", 20));
        // long enough for the JIT to finish with the ingest path: the limit below is a steady state too
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.ingest.warmup.seconds", 30));
        Duration bareWarmup = Duration.ofSeconds(10);
        Path corpus = Corpora.fromProperty("bench.ingest.corpus");
        Path jar = Path.of(System.getProperty("bench.app.jar", "target/quarkus-app/quarkus-run.jar"));
        List<String> jvmArgs = BenchService.split(System.getProperty("bench.service.jvm-args", ""));
        List<NewsText> texts = texts(corpus);
        System.out.printf("ingest throughput: %d runs, %d in flight, %ds measured after %ds warm-up, %d articles "
                + "from %s; %s%n", runs, concurrency, measure.toSeconds(), warmup.toSeconds(), texts.size(), corpus,
                Machine.describe());

        List<Run> results = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            long launched = System.nanoTime();
            BenchService service = BenchService.start(jar, List.of(), jvmArgs);
            ClosedLoad.Result posted;
            double firstRequestMillis;
            double rssAfterStart;
            double rssAfterLoad;
            long copies;
            long servicePid = service.handle().pid();
            CpuWindow cpu = new CpuWindow(service.handle(), service.postgres(), service.uri("/q/metrics"));
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            try (ClosedLoad load = new ClosedLoad()) {
                rssAfterStart = Machine.rssMiB(service.handle());
                AtomicInteger next = new AtomicInteger();
                postFirst(service.uri("/api/articles"), json(texts.get(next.getAndIncrement())));
                firstRequestMillis = (System.nanoTime() - launched) / 1e6;
                scheduler.schedule(cpu::begin, warmup.toMillis(), TimeUnit.MILLISECONDS);
                scheduler.schedule(cpu::end, warmup.plus(measure).toMillis(), TimeUnit.MILLISECONDS);
                posted = load.run(concurrency, warmup, measure, service.uri("/api/articles"),
                        () -> json(texts.get(next.getAndIncrement() % texts.size())), 201);
                if (next.get() > texts.size()) {
                    System.out.println("  warning: the corpus was posted more than once; repeats are copies");
                }
                rssAfterLoad = Machine.rssMiB(service.handle());
                String metrics = Prometheus.scrape(service.uri("/q/metrics"));
                copies = Math.round(Prometheus.sum(metrics, "newsdesk_dedup_decisions_total", "kind=\"EXACT\"")
                        + Prometheus.sum(metrics, "newsdesk_dedup_decisions_total", "kind=\"NEAR_VERBATIM\""));
            } finally {
                scheduler.shutdownNow();
                service.close(outDir.resolve("ingest-service-" + r + ".log"));
            }
            // the limit is measured with the service stopped, so both had the machine to themselves
            Map<Integer, Double> limits = new LinkedHashMap<>();
            int cores = Runtime.getRuntime().availableProcessors();
            for (int threads : new int[] {cores, 2 * cores}) {
                limits.put(threads, bareRate(corpus, threads, jvmArgs, bareWarmup, measure));
            }
            double limit = limits.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            String byThreads = limits.entrySet().stream().map(e -> String.format(Locale.ROOT, "%.1f with %d",
                    e.getValue(), e.getKey())).reduce((a, b) -> a + ", " + b).orElse("");
            Run result = new Run(posted.throughput(), posted.percentileMillis(50), posted.percentileMillis(99),
                    posted.other(), limit, byThreads, firstRequestMillis, rssAfterStart, rssAfterLoad, copies,
                    CpuSplit.of(cpu, servicePid));
            results.add(result);
            System.out.printf(Locale.ROOT, "run %d: service %.1f POST/s (p50 %.0f ms, p99 %.0f ms, other answers %s, copies "
                    + "%d), bare embedding %s articles/s -> ratio %.2f; first request after %.0f ms, RSS %.0f MiB "
                    + "after start, %.0f MiB after load%n", r, result.postsPerSecond(), result.p50(), result.p99(),
                    result.other(), result.copies(), result.limitByThreads(), result.postsPerSecond() / result.limit(),
                    result.firstRequestMillis(), result.rssAfterStart(), result.rssAfterLoad());
        }
        return report(outDir, results, concurrency, measure, warmup, bareWarmup, texts.size(), corpus, jvmArgs);
    }

    private static String report(Path outDir, List<Run> results, int concurrency, Duration measure, Duration warmup,
            Duration bareWarmup, int articles, Path corpus, List<String> jvmArgs) throws Exception {
        StringBuilder md = new StringBuilder("### Ingest throughput (offline pipeline) versus the embedding limit\n\n");
        md.append("| run | service POST/s | embedding limit articles/s (threads) | ratio | POST p50 ms | POST p99 ms "
                + "| other answers | copies among the posts |\n|---:|---:|---|---:|---:|---:|---:|---:|\n");
        List<String> categories = new ArrayList<>();
        List<Double> service = new ArrayList<>();
        List<Double> limit = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Run r = results.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %.1f | %s | %.2f | %.0f | %.0f | %s | %d |%n", i + 1,
                    r.postsPerSecond(), r.limitByThreads(), r.postsPerSecond() / r.limit(), r.p50(), r.p99(),
                    r.other().isEmpty() ? "none" : r.other(), r.copies()));
            categories.add("run " + (i + 1));
            service.add(r.postsPerSecond());
            limit.add(r.limit());
        }
        double medianService = Machine.median(service);
        double medianLimit = Machine.median(limit);
        md.append(String.format(Locale.ROOT, "| **median** | **%.1f** | **%.1f** | **%.2f** | | | | |%n%n",
                medianService, medianLimit, Machine.median(results.stream()
                        .map(r -> r.postsPerSecond() / r.limit()).toList())));
        md.append(String.format(Locale.ROOT, "%d POSTs in flight, %d s measured after %d s warm-up, distinct "
                + "articles of %s (%d) in file order on a fresh database each run; the limit is the in-process model "
                + "computing only the service's embedding batch for the same articles (headline and lead) in a JVM with the service's options%s, the best of the thread counts shown (%d s measured after "
                + "%d s warm-up), right after the service stopped. %s.%n%n",
                concurrency, measure.toSeconds(), warmup.toSeconds(), corpus.getFileName(), articles,
                jvmArgs.isEmpty() ? "" : " " + jvmArgs, measure.toSeconds(), bareWarmup.toSeconds(),
                Machine.describe()));
        md.append("Where the cores went during each measured window (the embedding threads are langchain4j's "
                + "pool-N-thread-M executor and ONNX Runtime's native threads, named \"java\"):\n\n| run | service JVM |"
                + " of which embedding | event loops | JIT compilers | embedded PostgreSQL | load generator | machine "
                + "busy | service JVM CPU ms per POST |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < results.size(); i++) {
            CpuSplit c = results.get(i).cpu();
            md.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f |%n",
                    i + 1, c.service(), c.embedding(), c.eventLoops(), c.jit(), c.postgres(), c.bench(), c.machine(),
                    1000 * c.service() / results.get(i).postsPerSecond()));
        }
        md.append('\n');
        categories.add("median");
        service.add(medianService);
        limit.add(medianLimit);
        Map<String, List<Double>> bars = new LinkedHashMap<>();
        bars.put("service, POST/s", service);
        bars.put("bare embedding limit, articles/s", limit);
        Charts.bars(outDir.resolve("ingest-throughput.png"), "Offline ingest throughput vs the embedding limit",
                "articles per second", categories, bars);

        md.append("### Start-up and memory (JVM)\n\n| run | first successful POST after launch, ms | RSS after start,"
                + " MiB | RSS after load, MiB |\n|---:|---:|---:|---:|\n");
        for (int i = 0; i < results.size(); i++) {
            Run r = results.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f |%n", i + 1, r.firstRequestMillis(),
                    r.rssAfterStart(), r.rssAfterLoad()));
        }
        List<Double> first = results.stream().map(Run::firstRequestMillis).toList();
        List<Double> rssStart = results.stream().map(Run::rssAfterStart).toList();
        List<Double> rssLoad = results.stream().map(Run::rssAfterLoad).toList();
        md.append(String.format(Locale.ROOT, "| **median** | **%.0f** | **%.0f** | **%.0f** |%n%n", Machine.median(first),
                Machine.median(rssStart), Machine.median(rssLoad)));
        md.append("Launch to the first 201 of POST /api/articles on a fresh data directory (initdb of the embedded "
                + "PostgreSQL, loading the ONNX model on first use); RSS of the service JVM (the PostgreSQL processes "
                + "not included) when ready, and after the ingest load above.\n\n");
        Map<String, List<Double>> memory = new LinkedHashMap<>();
        memory.put("RSS after start, MiB", withMedian(rssStart));
        memory.put("RSS after load, MiB", withMedian(rssLoad));
        memory.put("first request, 0.1 s", withMedian(first.stream().map(ms -> ms / 100).toList()));
        Charts.bars(outDir.resolve("startup-memory.png"), "Start-up and memory of the service JVM", "MiB / tenths of "
                + "a second", categories, memory);
        Files.writeString(outDir.resolve("ingest-throughput.md"), md);
        return md.toString();
    }

    private static List<Double> withMedian(List<Double> values) {
        List<Double> all = new ArrayList<>(values);
        all.add(Machine.median(values));
        return all;
    }

    private static String json(NewsText text) {
        return JSON.createObjectNode().put("title", text.title()).put("body", text.body()).toString();
    }

    private static void postFirst(URI articles, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(articles)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("first POST answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Articles per second of {@link BareEmbeddingRate} in its own JVM with the service's options and jars. */
    private static double bareRate(Path corpus, int threads, List<String> jvmArgs, Duration warmup, Duration measure)
            throws Exception {
        String classpath = String.join(File.pathSeparator, "target/test-classes", "target/classes",
                "target/quarkus-app/lib/main/*");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classpath, BareEmbeddingRate.class.getName(), corpus.toString(),
                String.valueOf(threads), String.valueOf(warmup.toSeconds()), String.valueOf(measure.toSeconds())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("bare embedding run failed:\n" + output);
        }
        return output.lines().filter(line -> line.startsWith("RATE ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(5).strip()))
                .orElseThrow(() -> new IllegalStateException("no rate in:\n" + output));
    }
}
