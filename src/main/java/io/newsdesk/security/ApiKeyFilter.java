package io.newsdesk.security;

import io.newsdesk.api.Problem;
import io.newsdesk.api.ProblemMapper;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With newsdesk.security.api-key set, write requests to the API need that key, as {@code X-Api-Key} or as a bearer
 * token; reads too if newsdesk.security.protect-reads is set, and then also the reader's pages ({@code /},
 * {@code /stories/{id}}), which show what the API reads show. Keys are compared in constant time.
 */
public class ApiKeyFilter {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Optional<byte[]> expectedDigest;
    private final boolean protectReads;

    ApiKeyFilter(SecurityConfig config) {
        this.expectedDigest = config.apiKey().filter(key -> !key.isBlank()).map(ApiKeyFilter::digest);
        this.protectReads = config.protectReads();
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public RestResponse<Problem> requireKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean readerPage = path.equals("/") || path.startsWith("/stories/");
        if (expectedDigest.isEmpty() || !(path.startsWith("/api/") || readerPage)
                || (!protectReads && READ_METHODS.contains(request.getMethod()))) {
            return null;
        }
        String presented = presentedKey(request);
        if (presented != null && MessageDigest.isEqual(expectedDigest.get(), digest(presented))) {
            return null;
        }
        return ProblemMapper.problem(401, "Unauthorized",
                        "This endpoint needs the API key, as X-Api-Key header or bearer token", request.getUriInfo(),
                        List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsdesk\"")
                .build();
    }

    private static String presentedKey(ContainerRequestContext request) {
        String header = request.getHeaderString("X-Api-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    /** Comparing digests keeps the comparison's time independent of where the keys differ and of their length. */
    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
