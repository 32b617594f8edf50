package io.newsdesk.ingest;

import io.newsdesk.store.ArticlePage;
import io.newsdesk.store.ArticleQueries;
import io.newsdesk.store.ArticleRepository;
import io.newsdesk.store.ArticleView;
import io.newsdesk.store.Ingested;

import io.newsdesk.api.ApiDocument;
import io.newsdesk.api.IngestConfig;
import io.newsdesk.api.ProblemException;
import io.newsdesk.store.SummaryStatus;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Ingest articles and read them back")
public class ArticleResource {

    private final ArticleIngestService ingest;
    private final ArticleRepository articles;
    private final ArticleQueries queries;
    private final IngestConfig limits;

    ArticleResource(ArticleIngestService ingest, ArticleRepository articles, ArticleQueries queries,
            IngestConfig limits) {
        this.ingest = ingest;
        this.limits = limits;
        this.articles = articles;
        this.queries = queries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ingestArticle", summary = "Ingest an article", description = "Cleans, stores and "
            + "summarizes the article. Posting the same canonical URL (or, without URL, the same title and text) again "
            + "returns the stored article with 200. The body may be sent with Content-Encoding: gzip.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleSubmission.class),
            examples = @ExampleObject(name = "plain text", value = """
                    {"title": "Harbour reopens after a week of storms",
                     "body": "The harbour reopened on Friday after a week of storms closed it to shipping.",
                     "url": "https://example.org/news/harbour-reopens", "publishedAt": "2024-04-15T09:30:00Z"}""")))
    @APIResponse(responseCode = "201", ref = "ArticleCreated")
    @APIResponse(responseCode = "202", ref = "ArticleAccepted")
    @APIResponse(responseCode = "200", ref = "ArticleAlreadyStored")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "408", ref = "RequestTimeout")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<ArticleView>> ingest(ArticleSubmission submission, UriInfo uri) {
        return respond(ingest.ingest(submission), uri);
    }

    @POST
    @Consumes(MediaType.TEXT_HTML)
    @Operation(operationId = "ingestPage", summary = "Ingest a raw web page", description = "The request body is "
            + "the page's bytes as fetched. The "
            + "charset comes from the Content-Type header, else the byte order mark, else the page's <meta charset>, "
            + "else UTF-8; bytes that do not decode are a 400. The other fields are query parameters; each one left "
            + "out is taken from the page's metadata (canonical URL, og:title, datePublished, <html lang>, ...).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", ref = "ArticleCreated")
    @APIResponse(responseCode = "202", ref = "ArticleAccepted")
    @APIResponse(responseCode = "200", ref = "ArticleAlreadyStored")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "408", ref = "RequestTimeout")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<ArticleView>> ingestPage(byte[] page, @RestQuery String url, @RestQuery String title,
            @RestQuery String source, @RestQuery String publishedAt, @RestQuery String language,
            @RestQuery String author, @RestQuery String siteName, @RestHeader("Content-Type") String contentType,
            UriInfo uri) {
        if (page.length > limits.maxHtmlBytes()) {
            return Uni.createFrom().failure(SubmissionValidator.tooLarge("html", limits.maxHtmlBytes()));
        }
        String charset = contentType == null ? null : MediaType.valueOf(contentType).getParameters().get("charset");
        ArticleSubmission fields = new ArticleSubmission(title, null, null, url, source, publishedAt, language, author,
                siteName);
        return respond(ingest.ingestPage(page, charset, fields), uri);
    }

    private static Uni<RestResponse<ArticleView>> respond(Uni<Ingested> ingesting, UriInfo uri) {
        return ingesting.map(ingested -> {
            ArticleView view = ArticleView.of(ingested.article());
            if (!ingested.created()) {
                return RestResponse.ok(view);
            }
            return RestResponse.ResponseBuilder.<ArticleView>create(status(ingested))
                    .location(location(view.id(), uri)).entity(view).build();
        });
    }

    /** 201 stored and summarised, 202 stored with the summary to follow, 200 stored before. */
    static RestResponse.Status status(Ingested ingested) {
        if (!ingested.created()) {
            return RestResponse.Status.OK;
        }
        return ingested.article().summaryStatus == SummaryStatus.READY
                ? RestResponse.Status.CREATED : RestResponse.Status.ACCEPTED;
    }

    static URI location(long articleId, UriInfo uri) {
        return uri.getBaseUriBuilder().path("api/articles/{id}").build(articleId);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getArticle", summary = "One article")
    @APIResponse(responseCode = "200", description = "The article", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<ArticleView> get(@RestPath long id) {
        return articles.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No article with id " + id))
                .map(ArticleView::of);
    }

    @GET
    @Operation(operationId = "listArticles", summary = "Articles, newest first",
            description = "By publishedAt, then id. Keyset pagination: pass nextCursor as cursor.")
    @APIResponse(responseCode = "200", description = "A page of articles", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticlePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<ArticlePage> list(
            // name and in tie the reference to this parameter: the component is LimitParameters', unseen by the scan
            @Parameter(ref = ApiDocument.ARTICLES_LIMIT, name = "limit", in = ParameterIn.QUERY)
            @RestQuery String limit,
            @Parameter(ref = "cursor") @RestQuery String cursor,
            @Parameter(ref = "source") @RestQuery String source,
            @Parameter(ref = "since") @RestQuery String since,
            @Parameter(ref = "until") @RestQuery String until) {
        return articles.page(queries.parse(limit, cursor, source, since, until));
    }
}
