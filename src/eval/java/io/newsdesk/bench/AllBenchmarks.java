package io.newsdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Every benchmark, one after the other on the same machine: ingest throughput with start-up and memory, waiting on
 * a slow LLM, dedup cost and feed latency as the store grows. Each writes its table and PNG plots into
 * {@code target/bench/}; this writes them all into {@code target/bench/report.md}.
 *
 * <pre>
 * ./mvnw -Peval,bench package -DskipTests exec:java
 * </pre>
 * Options of each benchmark are in its own documentation ({@code -Dbench.runs=3} applies to all).
 */
public final class AllBenchmarks {

    private AllBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path outDir = Path.of("target/bench");
        Files.createDirectories(outDir);
        long started = System.nanoTime();
        StringBuilder report = new StringBuilder("## newsdesk benchmarks, ")
                .append(LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES)).append("\n\n")
                .append("Machine: ").append(Machine.describe()).append(". The packaged service (")
                .append("target/quarkus-app) on its embedded PostgreSQL, driven over HTTP by this JVM.\n\n");
        report.append(IngestThroughputBenchmark.run(outDir)).append('\n');
        Files.writeString(outDir.resolve("report.md"), report);
        report.append(SlowLlmBenchmark.run(outDir)).append('\n');
        Files.writeString(outDir.resolve("report.md"), report);
        report.append(StoreGrowthBenchmark.run(outDir)).append('\n');
        report.append(String.format("All benchmarks took %.0f minutes. Plots: ingest-throughput.png, startup-memory.png,"
                + " slow-llm.png, dedup-cost.png, feed-latency.png.%n", (System.nanoTime() - started) / 60e9));
        Files.writeString(outDir.resolve("report.md"), report);
        System.out.println(report);
        System.out.println("written to " + outDir.resolve("report.md").toAbsolutePath());
        System.exit(0);
    }
}
