package io.newsdesk.platform;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

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

    static PackagedService start(Path dataDir, String... jvmOptions) throws Exception {
        return start(dataDir, List.of(), Path.of("").toAbsolutePath(), jar(), jvmOptions);
    }

    /** The packaged application's runner jar. */
    static Path jar() {
        return Path.of(System.getProperty("newsdesk.app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    }

    /**
     * Starts {@code jar} with {@code commandPrefix} before the java command (e.g. to switch user) in
     * {@code workingDirectory}, and waits until it is ready.
     */
    static PackagedService start(Path dataDir, List<String> commandPrefix, Path workingDirectory, Path jar,
            String... jvmOptions) throws Exception {
        int port = freePort();
        Path log = dataDir.resolve("service-" + port + ".log");
        long started = System.nanoTime();
        Process process = launch(dataDir, port, commandPrefix, workingDirectory, jar, log, jvmOptions);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || answers200(client, ready));
        } catch (ConditionTimeoutException notReady) {
            // reported below, with the service's log
        }
        if (process.isAlive() && answers200(client, ready)) {
            return new PackagedService(process, port, (System.nanoTime() - started) / 1_000_000);
        }
        process.destroyForcibly();
        throw new IllegalStateException("service did not become ready; log:\n" + Files.readString(log));
    }

    private static boolean answers200(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** Runs the jar expecting it to refuse to start; returns its exit code and log. */
    static Exit expectStartFailure(Path dataDir, String... jvmOptions) throws Exception {
        int port = freePort();
        Path log = dataDir.resolve("service-" + port + ".log");
        Process process = launch(dataDir, port, List.of(), Path.of("").toAbsolutePath(), jar(), log, jvmOptions);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("service kept running; log:\n" + Files.readString(log));
        }
        return new Exit(process.exitValue(), Files.readString(log));
    }

    record Exit(int code, String log) {
    }

    private static Process launch(Path dataDir, int port, List<String> commandPrefix, Path workingDirectory, Path jar,
            Path log, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(commandPrefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dnewsdesk.data-dir=" + dataDir);
        command.addAll(List.of(jvmOptions));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("NEWSDESK_"));
        return builder.start();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
