package io.newsdesk.api;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

/** newsdesk.ingest.*: limits on what a client may send, enforced in the HTTP layer before a body is parsed. */
@ConfigMapping(prefix = "newsdesk.ingest")
public interface IngestConfig {

    @Description("Largest accepted request body in bytes; larger requests get 413 with a problem document. It must "
            + "hold a page of max-html-bytes in JSON (escaping adds to its size); keep it below "
            + "quarkus.http.limits.max-body-size (16M), which answers a larger body with a bare 413.")
    @WithDefault("12582912")
    @Positive
    long maxBodyBytes();

    @Description("Largest accepted page in bytes (UTF-8), as the html field or as a raw text/html request body; "
            + "larger pages get 413 naming the field html.")
    @WithDefault("10485760")
    @Positive
    long maxHtmlBytes();

    @Description("Largest accepted plain-text body field in bytes (UTF-8); larger ones get 413 naming the field body.")
    @WithDefault("1048576")
    @Positive
    long maxTextBytes();
}
