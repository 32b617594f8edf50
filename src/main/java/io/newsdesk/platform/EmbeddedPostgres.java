package io.newsdesk.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL server newsdesk starts itself when no external datasource is configured. One per data directory and
 * JVM: Quarkus may build its configuration in more than one class loader (tests, dev mode), so the running server is
 * announced in a system property that every class loader sees. Zonky's shutdown hook stops it when the JVM exits.
 */
public final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres running;
    private static Path runningDataDirectory;

    private EmbeddedPostgres() {
    }

    /** Starts the server on the data directory (created if new, reused if it holds a cluster) and returns its port. */
    public static synchronized int start(Path dataDirectory, Path binariesDirectory, int port) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        String announced = System.getProperty(announcement(data));
        if (announced != null) {
            return Integer.parseInt(announced);
        }
        stop();
        try {
            Files.createDirectories(data);
            Files.createDirectories(binariesDirectory);
            Builder builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDirectory.toFile())
                    // Never reachable from outside the host.
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            running = builder.start();
            runningDataDirectory = data;
            System.setProperty(announcement(data), String.valueOf(running.getPort()));
            LOG.infof("Embedded PostgreSQL listening on 127.0.0.1:%d with data in %s", running.getPort(), data);
            return running.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start with data directory " + data, e);
        }
    }

    private static String announcement(Path dataDirectory) {
        return "newsdesk-internal.embedded-postgres-port." + dataDirectory;
    }

    public static synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            System.clearProperty(announcement(runningDataDirectory));
            running = null;
            runningDataDirectory = null;
        }
    }
}
