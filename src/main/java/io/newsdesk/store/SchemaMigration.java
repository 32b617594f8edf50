package io.newsdesk.store;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Runs Flyway only when the database is behind the migrations in the build. Flyway's own start (its classes, a JDBC
 * pool, validating every applied script's checksum) is a large share of start-up; on an up-to-date database one
 * query on the reactive pool tells that there is nothing to do. Whenever the check cannot tell, Flyway runs, as
 * before (and fails the start as before when the database is unreachable).
 */
@ApplicationScoped
class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);
    private static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private final Pool pool;
    private final Instance<Flyway> flyway;

    SchemaMigration(Pool pool, Instance<Flyway> flyway) {
        this.pool = pool;
        this.flyway = flyway;
    }

    // Before every other start-up observer: they may read the schema. StartupEvent comes before the HTTP port opens.
    void migrate(@Observes @Priority(0) StartupEvent event) {
        Optional<String> bundled = latestBundledVersion();
        Optional<String> applied = bundled.isPresent() ? latestAppliedVersion() : Optional.empty();
        if (bundled.isPresent() && bundled.equals(applied)) {
            LOG.debugf("Schema at version %s, nothing to migrate", applied.get());
            return;
        }
        flyway.get().migrate();
    }

    /** The highest version among the build's migration scripts, if the class path lets them be listed. */
    static Optional<String> latestBundledVersion() {
        URL location = SchemaMigration.class.getClassLoader().getResource(LOCATION);
        if (location == null) {
            return Optional.empty();
        }
        try (Stream<String> names = scriptNames(location)) {
            return names.map(VERSIONED::matcher).filter(Matcher::matches).map(match -> match.group(1).replace('_', '.'))
                    .max(Comparator.comparing(SchemaMigration::segments, Arrays::compare));
        } catch (IOException | RuntimeException unlisted) {
            LOG.debugf("Cannot list %s (%s): Flyway decides", location, unlisted);
            return Optional.empty();
        }
    }

    private static Stream<String> scriptNames(URL location) throws IOException {
        if (location.getProtocol().equals("file")) {
            return Files.list(Path.of(URI.create(location.toString()))).map(path -> path.getFileName().toString());
        }
        // jar:file:/.../app.jar!/db/migration
        String path = location.getPath();
        String jarFile = URLDecoder.decode(path.substring("file:".length(), path.indexOf("!/")), StandardCharsets.UTF_8);
        try (JarFile jar = new JarFile(jarFile)) {
            String prefix = LOCATION + "/";
            return jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                    .map(name -> name.substring(prefix.length())).toList().stream();
        }
    }

    private static long[] segments(String version) {
        return Arrays.stream(version.split("\\.")).mapToLong(Long::parseLong).toArray();
    }

    /** The latest successfully applied version, or empty when there is none (or no history table). */
    private Optional<String> latestAppliedVersion() {
        try {
            return pool.query("""
                            SELECT version FROM flyway_schema_history
                            WHERE version IS NOT NULL AND success ORDER BY installed_rank DESC LIMIT 1""")
                    .execute().await().atMost(Duration.ofSeconds(30))
                    .stream().findFirst().map((Row row) -> row.getString("version"));
        } catch (RuntimeException noHistoryOrNoDatabase) {
            return Optional.empty();
        }
    }
}
