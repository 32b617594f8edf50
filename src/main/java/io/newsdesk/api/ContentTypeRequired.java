package io.newsdesk.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request with a body must say what the body is: without Content-Type it gets 415 rather than being read as JSON
 * (HTTP lets a server guess; a client that forgot the header is better told). Runs after routing, so an unknown path
 * or method still gets its 404 or 405, and after the API key check.
 */
public class ContentTypeRequired {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(priority = Priorities.HEADER_DECORATOR)
    public RestResponse<Problem> require(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (!BODY_METHODS.contains(request.getMethod()) || (type != null && !type.isBlank())) {
            return null;
        }
        return ProblemMapper.respond(415, "Unsupported Media Type", "Content-Type is required: application/json",
                request.getUriInfo(), List.of(new FieldError("Content-Type", "is required: application/json")));
    }
}
