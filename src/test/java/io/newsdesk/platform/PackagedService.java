package io.newsdesk.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar in its own JVM, started on an embedded PostgreSQL whatever the build's environment says. */
final class PackagedService implements AutoCloseable {

    private final Process process;
    private final int port;
    private final long startupMillis;

    private PackagedService(Process process, int port, long startupMillis) {
        this.process = process;
        this.port = port;
        this.startupMillis = startupMillis;
    }

    static PackagedService start(Path dataDir, int port) throws Exception {
        String jar = System.getProperty("newsdesk.app.jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dnewsdesk.data-dir=" + dataDir,
                "-jar", jar))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service-" + port + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE"));
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new PackagedService(process, port, (System.nanoTime() - started) / 1_000_000);
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("service did not become ready; log:\n"
                + Files.readString(dataDir.resolve("service-" + port + ".log")));
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    long startupMillis() {
        return startupMillis;
    }

    /** Resident set size of the service process, from /proc. */
    long rssKib() throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(-1L);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
