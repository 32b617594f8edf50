package io.newsdesk.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The parts of the OpenAPI document (/q/openapi) that belong to no one operation: the API key schemes and the error
 * answers, each defined once and referenced by name from the resources ({@code ref = "BadRequest"}).
 * {@link OpenApiContract} adds what annotations cannot say. SmallRye reads this annotation from a JAX-RS Application
 * only; this one adds nothing else (all resources stay registered).
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
                responses = {
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
                                + "decoding, is over newsdesk.ingest.max-body-bytes",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "No "
                                + "Content-Type, one other than application/json, or a Content-Encoding other than "
                                + "gzip", content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Unavailable", responseCode = "503", description = "The database cannot "
                                + "be reached; retry after Retry-After seconds (repeating a POST is safe)",
                                headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class)))}))
public class ApiDocument extends Application {

    public static final String API_KEY = "apiKey";
    public static final String BEARER = "bearer";
}
