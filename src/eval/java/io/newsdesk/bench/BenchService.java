package io.newsdesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar in its own JVM on a fresh embedded PostgreSQL (the minimal bits of
 * io.newsdesk.platform.PackagedService), with the log kept in the data directory.
 */
public final class BenchService implements AutoCloseable {

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final long startupMillis;

    private BenchService(Process process, Path dataDir, Path log, int port, long startupMillis) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.startupMillis = startupMillis;
    }

    public static BenchService start(Path jar, List<String> properties, List<String> jvmArgs) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " not found: build it first with "
                    + "./mvnw package -DskipTests");
        }
        Path dataDir = Files.createTempDirectory("newsdesk-bench");
        int port = freePort();
        Path log = dataDir.resolve("service.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dnewsdesk.data-dir=" + dataDir);
        command.addAll(properties);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("NEWSDESK_"));
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new BenchService(process, dataDir, log, port,
                            (System.nanoTime() - started) / 1_000_000);
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(50);
        }
        process.destroyForcibly().waitFor();
        String output = Files.readString(log);
        deleteQuietly(dataDir);
        throw new IllegalStateException("service did not become ready; log:\n" + output);
    }

    /** Space-separated options, as in {@code -Dbench.service.jvm-args="-Xmx1g -XX:+UseSerialGC"}. */
    public static List<String> split(String value) {
        return value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The embedded PostgreSQL server process (pg_ctl detaches it from the JVM), found by its data directory. */
    java.util.Optional<ProcessHandle> postgres() {
        String marker = dataDir.toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        try {
                            String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                            return cmd.contains("postgres") && cmd.contains(marker) && !cmd.contains("java");
                        } catch (IOException | RuntimeException gone) {
                            return false;
                        }
                    })
                    .map(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
                    .flatMap(java.util.Optional::stream)
                    .filter(h -> h.parent().map(parent -> !parent.info().command().orElse("").contains("postgres"))
                            .orElse(true))
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    long startupMillis() {
        return startupMillis;
    }

    long logSize() throws IOException {
        return Files.size(log);
    }

    /** The log written since {@code offset}. */
    public String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    /** Writes a thread dump of the service to {@code file}. */
    void threadDump(Path file) throws IOException, InterruptedException {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        Files.createDirectories(file.getParent());
        Process dump = new ProcessBuilder(jstack.toString(), String.valueOf(process.pid()))
                .redirectErrorStream(true).redirectOutput(file.toFile()).start();
        dump.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the service (which stops its embedded PostgreSQL); keeps a copy of the log, deletes the data dir. */
    void close(Path keepLogAs) throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (keepLogAs != null) {
            Files.createDirectories(keepLogAs.getParent());
            Files.copy(log, keepLogAs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        deleteQuietly(dataDir);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        close(null);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * A JDBC connection to the embedded PostgreSQL (started with -Dnewsdesk.embedded-postgres.port), through the
     * driver directly: exec:java's class loader hides it from DriverManager.
     */
    static java.sql.Connection connect(int port) throws java.sql.SQLException {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("password", "postgres");
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", credentials);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
