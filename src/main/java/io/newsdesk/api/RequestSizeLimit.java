package io.newsdesk.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses a request body over the configured limit before it is read, with a problem document. */
public class RequestSizeLimit {

    private final long maxBodyBytes;

    RequestSizeLimit(@ConfigProperty(name = "newsdesk.ingest.max-body-bytes") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public RestResponse<Problem> limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || length.isBlank()) {
            return null;
        }
        try {
            if (Long.parseLong(length.strip()) <= maxBodyBytes) {
                return null;
            }
        } catch (NumberFormatException e) {
            return ProblemMapper.respond(400, "Invalid request", "Content-Length is not a number",
                    request.getUriInfo(), List.of(new FieldError("Content-Length", "must be a number")));
        }
        String detail = "The request body is larger than " + maxBodyBytes + " bytes";
        return ProblemMapper.respond(413, "Request body too large", detail, request.getUriInfo(), List.of());
    }
}
