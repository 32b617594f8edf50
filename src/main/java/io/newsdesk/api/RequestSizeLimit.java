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

/**
 * Refuses a request body over newsdesk.ingest.max-body-bytes by its Content-Length, before any of it is read, with a
 * problem document. It is an HTTP route that runs ahead of Quarkus's own upload limit
 * (quarkus.http.limits.max-body-size), which would answer a still larger body with a bare 413 and no problem.
 * A body sent without Content-Length (chunked) is counted while it is read, by {@link StrictJsonBody}.
 */
@ApplicationScoped
public class RequestSizeLimit {

    private static final int BEFORE_QUARKUS_UPLOAD_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    private static final long DRAIN_LIMIT_MILLIS = 10_000;

    private final long maxBodyBytes;
    private final ObjectMapper json;

    RequestSizeLimit(IngestConfig config, ObjectMapper json) {
        this.maxBodyBytes = config.maxBodyBytes();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_UPLOAD_LIMIT).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || length.isBlank()) {
            context.next();
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            refuse(context, 400, "Invalid request", "Content-Length is not a number",
                    List.of(new FieldError("Content-Length", "must be a number")));
            return;
        }
        if (bytes <= maxBodyBytes) {
            context.next();
            return;
        }
        refuse(context, 413, "Request body too large", "The request body is larger than " + maxBodyBytes + " bytes",
                List.of());
    }

    /**
     * Answers at once, then reads and discards whatever of the body is still arriving. Closing the connection with
     * unread bytes in it would make TCP reset it, and the client could lose the answer before reading it. A body
     * still arriving after {@link #DRAIN_LIMIT_MILLIS} has its connection closed.
     */
    private void refuse(RoutingContext context, int status, String title, String detail, List<FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, context.request().path(), errors);
        Buffer body;
        try {
            body = Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        HttpServerRequest request = context.request();
        long closeTimer = context.vertx().setTimer(DRAIN_LIMIT_MILLIS, ignored -> request.connection().close());
        request.handler(discarded -> {
        }).endHandler(ended -> context.vertx().cancelTimer(closeTimer)).resume();
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
