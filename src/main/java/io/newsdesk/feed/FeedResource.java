package io.newsdesk.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.api.ApiDocument;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/feed")
@Tag(name = "Feed", description = "The deduplicated feed: one item per story")
public class FeedResource {

    private final FeedService feed;
    private final FeedQueries queries;
    private final FeedConfig config;
    private final ObjectMapper json;

    FeedResource(FeedService feed, FeedQueries queries, FeedConfig config, ObjectMapper json) {
        this.feed = feed;
        this.queries = queries;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, JsonFeed.MEDIA_TYPE})
    @Operation(operationId = "getFeed", summary = "The deduplicated feed", description = "One item per story, most "
            + "recently updated first. Pass nextCursor as cursor for the next page. With Accept: "
            + "application/feed+json, a JSON Feed 1.1 document. Answers 304 to If-None-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "A page of stories",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPage.class)),
            @Content(mediaType = JsonFeed.MEDIA_TYPE, schema = @Schema(implementation = JsonFeed.class))})
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<Response> feed(
            // name and in tie the reference to this parameter: the component is LimitParameters', unseen by the scan
            @Parameter(ref = ApiDocument.FEED_LIMIT, name = "limit", in = ParameterIn.QUERY) @RestQuery String limit,
            @Parameter(ref = "cursor") @RestQuery String cursor,
            @Parameter(ref = "since") @RestQuery String since,
            @Parameter(ref = "until") @RestQuery String until,
            @Parameter(ref = "source") @RestQuery String source,
            @Parameter(description = "Stories with at least this many articles", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "2147483647", defaultValue = "1"))
            @RestQuery String minArticles,
            @Parameter(hidden = true) @RestHeader(HttpHeaders.ACCEPT) String accept,
            @Parameter(description = "An ETag of an earlier answer", schema = @Schema(type = SchemaType.STRING))
            @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            UriInfo uri) {
        FeedQuery query = queries.parse(limit, cursor, since, until, source, minArticles);
        boolean jsonFeed = accept != null && accept.toLowerCase().contains(JsonFeed.MEDIA_TYPE);
        return feed.page(query).map(page -> {
            Object document = jsonFeed ? jsonFeed(page, uri) : page;
            String type = jsonFeed ? JsonFeed.MEDIA_TYPE : MediaType.APPLICATION_JSON;
            byte[] body = serialize(document);
            String etag = etag(type, body);
            Response.ResponseBuilder response = matches(ifNoneMatch, etag)
                    ? Response.notModified()
                    : Response.ok(body, type);
            return response.header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .build();
        });
    }

    private JsonFeed jsonFeed(FeedPage page, UriInfo uri) {
        String next = page.nextCursor() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build().toString();
        return new JsonFeed(JsonFeed.VERSION, config.title(), uri.getBaseUri().toString(),
                uri.getRequestUri().toString(), "One item per news story, duplicates folded in.", next,
                page.items().stream().map(JsonFeed.Item::of).toList());
    }

    private byte[] serialize(Object document) {
        try {
            return json.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A strong validator: the hash of the exact bytes and their media type. */
    private static String etag(String type, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(type.getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha256.digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match: a list of tags (weak ones compare weakly, as RFC 9110 says for GET) or *. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.replaceFirst("^W/", "").equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
