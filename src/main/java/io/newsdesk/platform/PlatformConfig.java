package io.newsdesk.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;

/**
 * newsdesk.data-dir and newsdesk.embedded-postgres.*: where newsdesk writes, and the PostgreSQL it starts itself
 * when no datasource is configured. Read by {@link EmbeddedPostgresConfigSourceFactory} before the application's own
 * configuration exists.
 */
@ConfigMapping(prefix = "newsdesk")
public interface PlatformConfig {

    @Description("Base directory for everything newsdesk writes: embedded PostgreSQL data and binaries, the unpacked "
            + "native libraries of the in-process embedding model.")
    @WithDefault("data")
    Path dataDir();

    EmbeddedPostgres embeddedPostgres();

    interface EmbeddedPostgres {

        @Description("Start an embedded PostgreSQL on loopback when quarkus.datasource.reactive.url is not set.")
        @WithDefault("true")
        boolean enabled();

        @Description("The embedded PostgreSQL's data directory (created if new, reused if it holds a cluster).")
        @WithDefault("${newsdesk.data-dir}/postgres")
        Path dataDir();

        @Description("The embedded PostgreSQL's port on 127.0.0.1; 0 picks a free one.")
        @WithDefault("0")
        @Min(0)
        @Max(65535)
        int port();
    }
}
