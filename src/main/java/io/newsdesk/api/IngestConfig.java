package io.newsdesk.api;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/** newsdesk.ingest.*: limits on what a client may send, enforced in the HTTP layer before a body is parsed. */
@ConfigMapping(prefix = "newsdesk.ingest")
public interface IngestConfig {

    @Description("Largest accepted request body in bytes, after gzip decoding; larger requests get 413 with a problem "
            + "document. It must hold a page of max-html-bytes in JSON (escaping adds to its size); keep it below "
            + "quarkus.http.limits.max-body-size (16M), which answers a larger body with a bare 413.")
    @WithDefault("12582912")
    @Positive
    long maxBodyBytes();

    @Description("Most articles in one POST /api/articles:batch; a larger batch gets 413 and nothing of it is "
            + "stored.")
    @WithDefault("1000")
    @Min(1)
    int maxBatchArticles();

    @Description("Largest accepted page in bytes (UTF-8), as the html field or as a raw text/html request body; "
            + "larger pages get 413 naming the field html.")
    @WithDefault("10485760")
    @Positive
    long maxHtmlBytes();

    @Description("Largest accepted plain-text body field in bytes (UTF-8); larger ones get 413 naming the field body. "
            + "Also the most article text a page may hold once cleaned; more gets 413 naming the field html.")
    @WithDefault("1048576")
    @Positive
    long maxTextBytes();

    @Description("Longest accepted request URI (path and query) in characters; longer requests get 414 with a "
            + "problem document. Below quarkus.http.limits.max-initial-line-length (64K), which answers a longer "
            + "request line with a bare 414.")
    @WithDefault("8192")
    @Min(256)
    @Max(65000)
    int maxUriLength();

    @Description("Largest accepted request header section in bytes; larger requests get 431 with a problem document. "
            + "At most quarkus.http.limits.max-header-size (64K), which answers larger headers with a bare 431.")
    @WithDefault("20480")
    @Min(1024)
    @Max(65536)
    int maxHeaderBytes();

    @Description("The whole request body must arrive within this time after the headers (the time to answer once it "
            + "has arrived does not count); a client that stops or trickles gets 408 with a problem document and the "
            + "connection is closed. Idle connections are closed after quarkus.http.idle-timeout (60s).")
    @WithDefault("30s")
    @DurationMin(millis = 100)
    Duration bodyTimeout();

    @Description("Most new articles being cleaned, fingerprinted or assigned to a story at once (the CPU-bound part of "
            + "ingest; waiting for the LLM's summary does not count). A POST beyond it gets 503 with Retry-After at "
            + "once instead of queueing behind work it could not finish before a client's timeout; a batch item gets "
            + "the same answer. An article longer than 64 KiB of body or page counts as one more for each 64 KiB "
            + "(up to a quarter of this limit), since the work grows with its text. Unset: 64 per available processor, a few seconds of work at about "
            + "70 ms of CPU per article.")
    Optional<@Min(1) Integer> maxQueued();
}
