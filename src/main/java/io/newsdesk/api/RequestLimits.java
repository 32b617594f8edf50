package io.newsdesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The limits on a request that the HTTP layer enforces before any of its body is read, answered with a problem
 * document: a URI over newsdesk.ingest.max-uri-length (414), headers over newsdesk.ingest.max-header-bytes (431), a
 * Content-Length over newsdesk.ingest.max-body-bytes (413), and a body that has not fully arrived within
 * newsdesk.ingest.body-timeout (408, then the connection is closed). It is an HTTP route that runs ahead of Quarkus's
 * own upload limit, which would answer with a bare 413; Vert.x's own URI and header limits are set far above these
 * (application.properties), so only a request beyond them gets Vert.x's bare 414/431. A body sent without
 * Content-Length (chunked) is counted while it is read, by {@link StrictJsonBody}.
 */
@ApplicationScoped
public class RequestLimits {

    private static final int BEFORE_QUARKUS_UPLOAD_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    private static final long DRAIN_LIMIT_MILLIS = 10_000;
    /** A problem does not echo an over-long path back. */
    private static final int MAX_INSTANCE_LENGTH = 2048;

    private final IngestConfig config;
    private final ObjectMapper json;

    RequestLimits(IngestConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_UPLOAD_LIMIT).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > config.maxUriLength()) {
            refuse(context, 414, "URI too long", "The request URI is longer than " + config.maxUriLength()
                    + " characters", List.of());
            return;
        }
        if (headerBytes(request) > config.maxHeaderBytes()) {
            refuse(context, 431, "Request header fields too large", "The request headers are larger than "
                    + config.maxHeaderBytes() + " bytes", List.of());
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (length != null && !length.isBlank()) {
            long bytes;
            try {
                bytes = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                refuse(context, 400, "Invalid request", "Content-Length is not a number",
                        List.of(new FieldError("Content-Length", "must be a number")));
                return;
            }
            if (bytes > config.maxBodyBytes()) {
                refuse(context, 413, "Request body too large", "The request body is larger than "
                        + config.maxBodyBytes() + " bytes", List.of());
                return;
            }
            if (bytes > 0) {
                startBodyDeadline(context);
            }
        } else if (chunked) {
            startBodyDeadline(context);
        }
        context.next();
    }

    /** Bytes of the header section as sent: each "name: value" line with its CRLF. */
    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /**
     * A client that stops sending in the middle of its body (fewer bytes than its Content-Length, a chunk never
     * finished) would otherwise hold the connection until the idle timeout; a trickling one, for ever. The deadline
     * covers reading the body only: the timer is cancelled once the request has fully arrived (or the response has
     * ended), so a request that takes long to process after its body arrived is answered. isEnded() cannot tell: a
     * large body read through a paused request still counts as unread.
     */
    private void startBodyDeadline(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            return;
        }
        long timer = context.vertx().setTimer(config.bodyTimeout().toMillis(), fired -> {
            if (context.response().ended()) {
                return;
            }
            if (context.response().headWritten()) {
                request.connection().close();
                return;
            }
            context.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .setStatusCode(408)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(problem(context, 408, "Request timeout", "The request body did not arrive within "
                            + config.bodyTimeout().toMillis() + " ms", List.of()))
                    .onComplete(written -> request.connection().close());
        });
        request.end().onComplete(received -> context.vertx().cancelTimer(timer));
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
    }

    /**
     * Answers at once, then reads and discards whatever of the body is still arriving. Closing the connection with
     * unread bytes in it would make TCP reset it, and the client could lose the answer before reading it. A body
     * still arriving after {@link #DRAIN_LIMIT_MILLIS} has its connection closed.
     */
    private void refuse(RoutingContext context, int status, String title, String detail, List<FieldError> errors) {
        HttpServerRequest request = context.request();
        long closeTimer = context.vertx().setTimer(DRAIN_LIMIT_MILLIS, ignored -> request.connection().close());
        request.handler(discarded -> {
        }).endHandler(ended -> context.vertx().cancelTimer(closeTimer)).resume();
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem(context, status, title, detail, errors));
    }

    private Buffer problem(RoutingContext context, int status, String title, String detail, List<FieldError> errors) {
        try {
            String path = context.request().path();
            String instance = path != null && path.length() <= MAX_INSTANCE_LENGTH ? path : null;
            return Buffer.buffer(json.writeValueAsBytes(
                    new Problem("about:blank", title, status, detail, instance, errors)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
