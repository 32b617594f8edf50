package io.newsdesk.api;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

/** newsdesk.ingest.*: limits on what a client may send, enforced in the HTTP layer before a body is parsed. */
@ConfigMapping(prefix = "newsdesk.ingest")
public interface IngestConfig {

    @Description("Largest accepted request body in bytes; larger requests get 413 with a problem document. Keep it "
            + "below quarkus.http.limits.max-body-size (2M), which answers a larger body with a bare 413.")
    @WithDefault("1048576")
    @Positive
    long maxBodyBytes();
}
