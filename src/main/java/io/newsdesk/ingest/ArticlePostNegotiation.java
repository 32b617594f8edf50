package io.newsdesk.ingest;

import io.newsdesk.api.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * POST /api/articles has two methods (a JSON article, a raw text/html page). With two candidates RESTEasy Reactive
 * chooses by parsing the Content-Type, which fails with a 500 on one that is not a media type, and it leaves an Accept
 * header that excludes JSON to the response, after the article is stored. Both are answered here, before a method
 * is chosen: 415 and 406, as with a single method.
 */
class ArticlePostNegotiation {

    @ServerRequestFilter(preMatching = true)
    void check(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())
                || !request.getUriInfo().getPath().replaceAll("/+$", "").equals("/api/articles")) {
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            try {
                MediaType.valueOf(type);
            } catch (IllegalArgumentException notAMediaType) {
                throw new ProblemException(415, "Unsupported Media Type",
                        "Content-Type is not a media type; send application/json or text/html", List.of());
            }
        }
        List<MediaType> accepted;
        try {
            accepted = request.getAcceptableMediaTypes();
        } catch (RuntimeException malformedAccept) {
            return;
        }
        if (accepted.stream().noneMatch(MediaType.APPLICATION_JSON_TYPE::isCompatible)) {
            throw new ProblemException(406, "Not Acceptable", "The answer is application/json", List.of());
        }
    }
}
