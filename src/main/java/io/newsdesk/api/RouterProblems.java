package io.newsdesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Errors raised by the HTTP layer rather than by a REST resource (a request without Host) leave as problem
 * documents too, instead of Quarkus's own error page. What Vert.x refuses before routing (a
 * request line or header line it cannot parse, a path with broken percent-encoding) still gets its bare 400: no
 * route or failure handler sees it (docs/api.md).
 */
@ApplicationScoped
public class RouterProblems {

    private static final Logger LOG = Logger.getLogger(RouterProblems.class);

    private final ObjectMapper json;

    RouterProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::problem);
    }

    private void problem(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.failure() instanceof HttpException http ? http.getStatusCode()
                : context.statusCode() > 0 ? context.statusCode() : 500;
        if (status >= 500) {
            LOG.error("Request failed in the HTTP layer", context.failure());
        }
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        String detail = status >= 500 ? "The request could not be completed" : title;
        Problem problem = new Problem("about:blank", title, status, detail, null, List.of());
        try {
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
