package io.newsdesk.platform;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL when the user configured none. It runs while Quarkus builds its
 * run-time configuration, which is the last moment before the reactive pool and Flyway read the URLs.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isApplicationBuildOrTestLauncher() || isArchiveGeneration()
                || isSet(context, "quarkus.datasource.reactive.url")) {
            return List.of();
        }
        PlatformConfig config = platformConfig(context);
        if (!config.embeddedPostgres().enabled()) {
            return List.of();
        }
        int actualPort = EmbeddedPostgres.start(config.embeddedPostgres().dataDir(),
                config.dataDir().resolve("postgres-binaries"), config.embeddedPostgres().port());
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

    /**
     * The build's AppCDS / AOT archive run (-Pappcds, -Paot with phase build) starts the packaged jar only to load its
     * classes, and stops before run time: no database then, and none left in target/quarkus-app.
     */
    private static boolean isArchiveGeneration() {
        return Boolean.getBoolean("quarkus.appcds.generate");
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /**
     * The application's configuration mappings do not exist yet while config sources are built: the settings are
     * read through {@link PlatformConfig} on the configuration found so far, so that its defaults apply here too.
     */
    private static PlatformConfig platformConfig(ConfigSourceContext context) {
        ConfigSource soFar = new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                Set<String> names = new HashSet<>();
                context.iterateNames().forEachRemaining(names::add);
                return names;
            }

            @Override
            public String getValue(String name) {
                ConfigValue value = context.getValue(name);
                return value == null ? null : value.getValue();
            }

            @Override
            public String getName() {
                return "newsdesk-configuration-so-far";
            }
        };
        return new SmallRyeConfigBuilder().withSources(soFar).addDefaultInterceptors()
                .withMapping(PlatformConfig.class).withValidateUnknown(false).build()
                .getConfigMapping(PlatformConfig.class);
    }
}
