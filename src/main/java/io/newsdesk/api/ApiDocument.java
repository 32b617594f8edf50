package io.newsdesk.api;

import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The parts of the OpenAPI document (/q/openapi) that belong to no one operation: the API key schemes, the answers
 * of both ingest operations and the error answers, the Location header, and the query parameters the article list and
 * the feed share, each defined once and referenced by name from the resources ({@code ref = "BadRequest"},
 * {@code ref = "cursor"}); the two limit parameters are {@link LimitParameters}'. {@link OpenApiContract} adds what
 * annotations cannot say. SmallRye reads this annotation from a JAX-RS Application only; this one adds nothing else (all
 * resources stay registered).
 */
@OpenAPIDefinition(
        info = @Info(title = "newsdesk API", version = "0.1.0",
                description = "Ingest, clean, store and serve news articles; the deduplicated feed of stories."),
        servers = @Server(url = "/", description = "This service"),
        components = @Components(
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = ApiDocument.API_KEY, type = SecuritySchemeType.APIKEY,
                                in = SecuritySchemeIn.HEADER, apiKeyName = "X-Api-Key",
                                description = "Needed for writes when newsdesk.security.api-key is set, for reads "
                                        + "too with newsdesk.security.protect-reads; otherwise the API is open."),
                        @SecurityScheme(securitySchemeName = ApiDocument.BEARER, type = SecuritySchemeType.HTTP,
                                scheme = "bearer", description = "The same API key as a bearer token.")},
                headers = @Header(name = ApiDocument.LOCATION, description = "The new article's URI",
                        schema = @Schema(type = SchemaType.STRING, format = "uri")),
                parameters = {
                        @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The nextCursor of the "
                                + "previous page", schema = @Schema(type = SchemaType.STRING,
                                        pattern = QueryParameters.CURSOR_PATTERN)),
                        @Parameter(name = "source", in = ParameterIn.QUERY, description = "Only articles of this "
                                + "source; in the feed, stories with at least one article of it",
                                schema = @Schema(type = SchemaType.STRING, pattern = FieldValues.LINE_PATTERN)),
                        @Parameter(name = "since", in = ParameterIn.QUERY, description = "Published at or after "
                                + "this time (RFC 3339, years 1000 to 9999); in the feed, a story's latest article",
                                schema = @Schema(type = SchemaType.STRING, format = "date-time")),
                        @Parameter(name = "until", in = ParameterIn.QUERY, description = "Published before this "
                                + "time (RFC 3339, years 1000 to 9999); in the feed, a story's first article",
                                schema = @Schema(type = SchemaType.STRING, format = "date-time"))},
                responses = {
                        @APIResponse(name = "ArticleCreated", responseCode = "201", description = "Stored as a new "
                                + "article, summarised; Location names it",
                                headers = @Header(name = ApiDocument.LOCATION, ref = ApiDocument.LOCATION),
                                content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(ref = ApiDocument.ARTICLE))),
                        @APIResponse(name = "ArticleAccepted", responseCode = "202", description = "Stored as a new "
                                + "article; the summary is still PENDING and follows; Location names it",
                                headers = @Header(name = ApiDocument.LOCATION, ref = ApiDocument.LOCATION),
                                content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(ref = ApiDocument.ARTICLE))),
                        @APIResponse(name = "ArticleAlreadyStored", responseCode = "200", description = "Already "
                                + "stored: the existing article", content = @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(ref = ApiDocument.ARTICLE))),
                        @APIResponse(name = "BadRequest", responseCode = "400", description = "Invalid request: "
                                + "errors[].field names each rejected field or parameter",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Unauthorized", responseCode = "401",
                                description = "The API key is set and the request does not carry it",
                                headers = @Header(name = "WWW-Authenticate",
                                        schema = @Schema(type = SchemaType.STRING)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "NotAcceptable", responseCode = "406",
                                description = "The Accept header names no media type this operation produces",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "RequestTimeout", responseCode = "408", description = "The body did not "
                                + "arrive within newsdesk.ingest.body-timeout; the connection is closed",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "TooLarge", responseCode = "413", description = "The body, after gzip "
                                + "decoding, is over newsdesk.ingest.max-body-bytes, or a field over its own limit, "
                                + "named in errors: body over max-text-bytes, html over max-html-bytes or holding "
                                + "more article text than max-text-bytes",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "No "
                                + "Content-Type, one other than application/json, or a Content-Encoding other than "
                                + "gzip", content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Unavailable", responseCode = "503", description = "The database cannot "
                                + "be reached, or (POSTs of new articles) the service is ingesting as many articles as "
                                + "it can (newsdesk.ingest.max-queued); retry after Retry-After seconds (repeating a "
                                + "POST is safe)",
                                headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class)))}))
public class ApiDocument extends Application {

    public static final String API_KEY = "apiKey";
    public static final String BEARER = "bearer";
    /** The schema of an article as served (store's ArticleView, named here without depending on it). */
    public static final String ARTICLE = "ArticleView";
    public static final String LOCATION = "Location";
    /** The limit parameters of the article list and of the feed, each bounded by its own settings. */
    public static final String ARTICLES_LIMIT = "articlesLimit";
    public static final String FEED_LIMIT = "feedLimit";
}
