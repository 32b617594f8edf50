package io.newsdesk.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark "waiting on a slow LLM": how many POST /api/articles per second the packaged service completes when
 * every summary takes {@code bench.delay.ms} at the LLM. With {@code c} requests in flight the ideal is
 * {@code c / delay}; the gap is what the service itself costs.
 *
 * <pre>
 * ./mvnw -Peval,bench package -DskipTests exec:java -Dbench.main=io.newsdesk.bench.SlowLlmBenchmark [-Dbench.runs=3]
 *        [-Dbench.delay.ms=1000] [-Dbench.concurrency=64,256,512] [-Dbench.seconds=20] [-Dbench.warmup.seconds=5]
 *        [-Dbench.prewarm.seconds=10] [-Dbench.stub.seconds=5] [-Dbench.jstack=false]
 *        [-Dbench.corpus=../shared/eval/cnndm.jsonl] [-Dbench.service.args="-Dkey=value ..."]
 * </pre>
 * Writes the Markdown table to {@code target/bench/slow-llm.md}, the plot to {@code slow-llm.png} (and the service
 * log beside them).
 */
public final class SlowLlmBenchmark {

    private static final Pattern SUMMARY_FAILED = Pattern.compile("failed \\(attempt \\d+\\): ([^\"\\n]{0,60})");
    private static final Pattern BLOCKED = Pattern.compile("Thread Thread\\[([^,\\]]+).*has been blocked");

    private SlowLlmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(Path.of("target/bench")));
        System.exit(0);
    }

    /** Runs the benchmark, writes its table and plot into {@code outDir} and returns the Markdown section. */
    static String run(Path outDir) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        int delayMillis = Integer.getInteger("bench.delay.ms", 1000);
        int[] levels = Arrays.stream(System.getProperty("bench.concurrency", "64,256,512").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 5));
        int stubSeconds = Integer.getInteger("bench.stub.seconds", 5);
        boolean jstack = Boolean.getBoolean("bench.jstack");
        Path jar = Path.of(System.getProperty("bench.app.jar", "target/quarkus-app/quarkus-run.jar"));
        Path corpus = Path.of(System.getProperty("bench.corpus", ""));
        Path out = outDir.resolve("slow-llm.md");
        List<String> extraServiceArgs = BenchService.split(System.getProperty("bench.service.args", ""));
        List<String> jvmArgs = BenchService.split(System.getProperty("bench.service.jvm-args", ""));
        int maxLevel = Arrays.stream(levels).max().orElse(1);

        BenchArticles articles = BenchArticles.load(corpus);
        String machine = Machine.describe();
        System.out.printf("slow-LLM benchmark: delay %d ms, concurrency %s, %ds measured after %ds warm-up; %s; "
                + "articles: %s from %s%n", delayMillis, Arrays.toString(levels), measure.toSeconds(),
                warmup.toSeconds(), machine, articles.source(), corpus);

        List<ClosedLoad.Result> stubResults = new ArrayList<>();
        List<String> cpuRows = new ArrayList<>();
        List<String> threadNotes = new ArrayList<>();
        List<String> failureNotes = new ArrayList<>();
        List<String> splitNotes = new ArrayList<>();
        List<String> waitNotes = new ArrayList<>();
        List<String> lateNotes = new ArrayList<>();
        Map<Integer, List<ClosedLoad.Result>> byLevel = new java.util.TreeMap<>();
        Map<Integer, Integer> blockedByLevel = new java.util.TreeMap<>();
        String startupNote;
        try (BenchStub stub = new BenchStub(delayMillis, Math.max(200, maxLevel + 100));
                ClosedLoad load = new ClosedLoad()) {
            // 1. the stub alone, at every level: it must keep up with the ideal, or the numbers below mean nothing
            if (stubSeconds > 0) {
                String chat = articles.chatRequest();
                load.run(maxLevel, Duration.ZERO, Duration.ofSeconds(3), URI.create(stub.baseUrl() + BenchStub.PATH),
                        () -> chat, 200); // JIT warm-up of the stub and the load generator, not reported
                for (int concurrency : levels) {
                    ClosedLoad.Result r = load.run(concurrency, Duration.ofSeconds(2), Duration.ofSeconds(stubSeconds),
                            URI.create(stub.baseUrl() + BenchStub.PATH), () -> chat, 200);
                    stubResults.add(r);
                    System.out.printf("stub alone    c=%4d: %7.1f req/s (ideal %7.1f, ratio %.3f) p50 %.0f ms, "
                            + "p99 %.0f ms, other %s%n", concurrency, r.throughput(), ideal(concurrency, delayMillis),
                            r.throughput() / ideal(concurrency, delayMillis), r.percentileMillis(50),
                            r.percentileMillis(99), r.other());
                }
            }

            // 2. the packaged service on a fresh embedded PostgreSQL, summarising through the stub
            int pgPort = BenchService.freePort();
            List<String> properties = new ArrayList<>(List.of(
                    "-Dnewsdesk.llm.enabled=true",
                    "-Dnewsdesk.llm.base-url=" + stub.baseUrl() + "/v1/",
                    "-Dnewsdesk.llm.api-key=sk-bench",
                    "-Dnewsdesk.llm.model=bench-model",
                    "-Dnewsdesk.summary.inline-timeout=30s",
                    "-Dquarkus.datasource.reactive.max-size=20",
                    "-Dnewsdesk.embedded-postgres.port=" + pgPort));
            properties.addAll(extraServiceArgs);
            BenchService service = BenchService.start(jar, properties, jvmArgs);
            startupNote = "service ready in " + service.startupMillis() + " ms";
            System.out.println(startupNote + (extraServiceArgs.isEmpty() ? "" : " with " + extraServiceArgs));
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-scheduler");
                t.setDaemon(true);
                return t;
            });
            try {
                URI articlesUri = service.uri("/api/articles");
                int prewarm = Integer.getInteger("bench.prewarm.seconds", 10);
                if (prewarm > 0) {
                    ClosedLoad.Result r = load.run(levels[0], Duration.ZERO, Duration.ofSeconds(prewarm), articlesUri,
                            articles::next, 201);
                    System.out.printf("pre-warm-up   c=%4d: %7.1f req/s for %ds (JIT), not reported%n", levels[0],
                            r.throughput(), prewarm);
                }
                long servicePid = service.handle().pid();
                for (int run = 1; run <= runs; run++) {
                for (int concurrency : levels) {
                    String label = "run " + run + ", c=" + concurrency;
                    long logOffset = service.logSize();
                    CpuWindow cpu = new CpuWindow(service.handle(), service.postgres(), service.uri("/q/metrics"));
                    DatabaseWaits waits = new DatabaseWaits(pgPort);
                    scheduler.schedule(cpu::begin, warmup.toMillis(), TimeUnit.MILLISECONDS);
                    scheduler.schedule(waits::begin, warmup.toMillis(), TimeUnit.MILLISECONDS);
                    scheduler.schedule(cpu::end, warmup.plus(measure).toMillis(), TimeUnit.MILLISECONDS);
                    scheduler.schedule(waits::end, warmup.plus(measure).toMillis(), TimeUnit.MILLISECONDS);
                    if (jstack) {
                        for (int i = 0; i < 3; i++) {
                            int n = i;
                            scheduler.schedule(() -> {
                                try {
                                    service.threadDump(out.resolveSibling("jstack-c" + concurrency + "-" + n
                                            + ".txt"));
                                } catch (Exception e) {
                                    System.out.println("  jstack failed: " + e);
                                }
                            }, warmup.plus(measure.dividedBy(2)).toMillis() + 2000L * i, TimeUnit.MILLISECONDS);
                        }
                    }
                    ClosedLoad.Result r = load.run(concurrency, warmup, measure, articlesUri, articles::next, 201);
                    byLevel.computeIfAbsent(concurrency, c -> new ArrayList<>()).add(r);
                    String newLog = service.logSince(logOffset);
                    Matcher blocked = BLOCKED.matcher(newLog);
                    int blockedCount = 0;
                    java.util.TreeMap<String, Integer> blockedThreads = new java.util.TreeMap<>();
                    while (blocked.find()) {
                        blockedCount++;
                        blockedThreads.merge(blocked.group(1).replaceAll("\\d+$", "#"), 1, Integer::sum);
                    }
                    blockedByLevel.merge(concurrency, blockedCount, Integer::sum);
                    java.util.TreeMap<String, Integer> llmFailures = new java.util.TreeMap<>();
                    Matcher failed = SUMMARY_FAILED.matcher(newLog);
                    while (failed.find()) {
                        llmFailures.merge(failed.group(1).strip(), 1, Integer::sum);
                    }
                    failureNotes.add(label + ": " + (llmFailures.isEmpty() ? "none" : llmFailures));
                    lateNotes.add(label + ": " + (r.late().isEmpty() ? "none" : r.late()));
                    System.out.printf("service %s: %7.1f req/s (ideal %7.1f, ratio %.3f) p50 %.0f ms, "
                            + "p99 %.0f ms, non-201 %d %s, completed after the window %s, blocked warnings %d %s; summary failures in the log %s%n", label,
                            r.throughput(), ideal(concurrency, delayMillis),
                            r.throughput() / ideal(concurrency, delayMillis), r.percentileMillis(50),
                            r.percentileMillis(99), r.nonOk(), r.other(), r.late(), blockedCount, blockedThreads, llmFailures);
                    double cpuMsPerPost = cpu.serviceCores(servicePid) * r.seconds() * 1000 / (r.ok() + r.nonOk());
                    cpuRows.add(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %.0f | %.2f | %.2f | %.2f |",
                            label, cpu.serviceCores(servicePid), cpuMsPerPost,
                            Runtime.getRuntime().availableProcessors() * 1000 / cpuMsPerPost,
                            cpu.descendantCores(servicePid), cpu.benchCores(), cpu.machineCores()));
                    String busiest = cpu.busiestServiceThreads(servicePid);
                    splitNotes.add(label + ": " + cpu.timeSplit());
                    waitNotes.add(label + ": " + waits.summary());
                    System.out.println("  database sessions (mean active, by wait event): " + waits.summary());
                    System.out.println("  service metrics over the window: " + cpu.timeSplit());
                    threadNotes.add(label + ": " + busiest);
                    System.out.printf("  cpu (cores): service JVM %.2f, PostgreSQL %.2f, bench JVM %.2f, machine %.2f"
                            + " of %d; busiest service threads: %s%n", cpu.serviceCores(servicePid),
                            cpu.descendantCores(servicePid), cpu.benchCores(), cpu.machineCores(),
                            Runtime.getRuntime().availableProcessors(), busiest);
                }
                }
            } finally {
                scheduler.shutdownNow();
                service.close(out.resolveSibling("slow-llm-service.log"));
            }
        }

        // 3. the report
        StringBuilder md = new StringBuilder();
        md.append("### Waiting on a slow LLM (stub delay ").append(delayMillis).append(" ms)\n\n");
        md.append(String.format(Locale.ROOT, "%s, %s; %ds measured per level after %ds warm-up; %s; %s.%n%n",
                LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT))
                        .substring(0, 16), machine, measure.toSeconds(), warmup.toSeconds(), startupNote,
                articles.source()));
        md.append("| concurrency | ideal req/s | measured req/s (median) | ratio | each run req/s | p50 ms | p99 ms "
                + "| non-201 | event-loop-blocked warnings |\n");
        md.append("|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        double[] x = Arrays.stream(levels).asDoubleStream().toArray();
        double[] idealSeries = new double[levels.length];
        double[] measuredSeries = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            List<ClosedLoad.Result> level = byLevel.get(levels[i]);
            double ideal = ideal(levels[i], delayMillis);
            double throughput = Machine.median(level.stream().map(ClosedLoad.Result::throughput).toList());
            idealSeries[i] = ideal;
            measuredSeries[i] = throughput;
            md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.2f | %s | %.0f | %.0f | %d | %d |%n",
                    levels[i], ideal, throughput, throughput / ideal,
                    String.join(", ", level.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.throughput()))
                            .toList()),
                    Machine.median(level.stream().map(r -> r.percentileMillis(50)).toList()),
                    Machine.median(level.stream().map(r -> r.percentileMillis(99)).toList()),
                    level.stream().mapToLong(ClosedLoad.Result::nonOk).sum(), blockedByLevel.get(levels[i])));
        }
        Map<String, double[]> series = new java.util.LinkedHashMap<>();
        series.put("ideal: concurrency / delay", idealSeries);
        series.put("newsdesk (median of " + runs + " runs)", measuredSeries);
        if (stubResults.size() == levels.length) {
            series.put("the stub alone", stubResults.stream().mapToDouble(ClosedLoad.Result::throughput).toArray());
        }
        Charts.lines(outDir.resolve("slow-llm.png"), "POST /api/articles with a " + delayMillis + " ms LLM",
                "requests in flight", "requests per second", false, x, series);
        if (!stubResults.isEmpty()) {
            md.append("\nThe stub alone (same load generator, ").append(stubSeconds).append(" s per level):\n\n");
            md.append("| concurrency | ideal req/s | measured req/s | ratio | p50 ms | p99 ms | non-200 |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
            for (ClosedLoad.Result r : stubResults) {
                double ideal = ideal(r.concurrency(), delayMillis);
                md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.2f | %.0f | %.0f | %d |%n",
                        r.concurrency(), ideal, r.throughput(), r.throughput() / ideal, r.percentileMillis(50),
                        r.percentileMillis(99), r.nonOk()));
            }
        }
        md.append("\nCPU during the measured window, in cores (the machine has ")
                .append(Runtime.getRuntime().availableProcessors()).append("; \"machine\" includes other users):\n\n");
        md.append("| run, concurrency | service JVM | service CPU ms per POST | POST/s if the service had every core | "
                + "embedded PostgreSQL | bench JVM (load + stub) | machine busy |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        cpuRows.forEach(row -> md.append(row).append('\n'));
        md.append("\nRequests still in flight at the end of a window, by outcome: ").append(String.join("; ", lateNotes))
                .append('\n');
        md.append("\nDatabase sessions of the service (pg_stat_activity every 100 ms; mean active sessions by wait "
                + "event, CPU = running): ").append(String.join("; ", waitNotes)).append('\n');
        md.append("\nMean durations from the service's own metrics over each window: ")
                .append(String.join("; ", splitNotes)).append('\n');
        md.append("\nSummary failures logged by the service (during and right after each level): ")
                .append(String.join("; ", failureNotes)).append('\n');
        md.append("\nBusiest service threads (cores): ").append(String.join("; ", threadNotes)).append('\n');
        String table = md.toString();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        return table;
    }

    private static double ideal(int concurrency, int delayMillis) {
        return concurrency * 1000.0 / delayMillis;
    }
}
