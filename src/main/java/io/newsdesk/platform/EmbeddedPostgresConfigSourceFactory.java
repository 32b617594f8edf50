package io.newsdesk.platform;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL when the user configured none. It runs while Quarkus builds its
 * run-time configuration, which is the last moment before the reactive pool and Flyway read the URLs.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "newsdesk.embedded-postgres.enabled";
    static final String DATA_DIR = "newsdesk.embedded-postgres.data-dir";
    static final String PORT = "newsdesk.embedded-postgres.port";
    static final String BASE_DATA_DIR = "newsdesk.data-dir";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isApplicationBuildOrTestLauncher()
                || !Boolean.parseBoolean(value(context, ENABLED, "true"))
                || value(context, "quarkus.datasource.reactive.url", null) != null) {
            return List.of();
        }
        Path baseDir = Path.of(value(context, BASE_DATA_DIR, "data"));
        Path dataDir = Path.of(value(context, DATA_DIR, baseDir.resolve("postgres").toString()));
        int port = Integer.parseInt(value(context, PORT, "0"));
        int actualPort = EmbeddedPostgres.start(dataDir, baseDir.resolve("postgres-binaries"), port);
        Map<String, String> datasource = Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + actualPort + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + actualPort + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
        return List.of(new PropertiesConfigSource(datasource, "newsdesk-embedded-postgres", 150));
    }

    /**
     * Quarkus also reads configuration while it builds the application, and its JUnit launcher session reads it when
     * tests are discovered (in the Maven JVM itself when Surefire forks per test class); no database is wanted then.
     * The application's own start reads it again and starts the server.
     */
    private static boolean isApplicationBuildOrTestLauncher() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName()
                .startsWith("io.quarkus.deployment.configuration.BuildTimeConfigurationReader")
                || frame.getClassName().equals("io.quarkus.test.config.ConfigLauncherSession")));
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
    }
}
