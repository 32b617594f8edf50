package io.newsdesk.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, which the test can stop and start again: a fresh cluster under
 * target/restartable-postgres on a fixed free port, so that the service's pool reconnects to the same address once
 * the server is back. Its datasource settings override any QUARKUS_DATASOURCE_* environment (the CI run against the
 * system PostgreSQL), since that server cannot be restarted from a test.
 */
public class RestartablePostgres implements QuarkusTestResourceLifecycleManager {

    private static final Path DATA = Path.of("target/restartable-postgres/data").toAbsolutePath();
    private static final Path BINARIES = Path.of("target/test-data/postgres-binaries").toAbsolutePath();
    private static int port;
    private static EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        deleteRecursively(DATA);
        port = freePort();
        startServer();
        return Map.of(
                "newsdesk.embedded-postgres.enabled", "false",
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static int port() {
        return port;
    }

    /** Starts the server on the existing data directory (initialised on first start). */
    public static synchronized void startServer() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(DATA);
            Files.createDirectories(BINARIES);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(DATA)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(BINARIES.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + DATA, e);
        }
    }

    /** Stops the server as an operator would (pg_ctl stop -m fast: open sessions are terminated). */
    public static synchronized void stopServer() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
