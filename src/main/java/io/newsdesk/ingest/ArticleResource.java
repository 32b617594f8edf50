package io.newsdesk.ingest;

import io.newsdesk.store.ArticlePage;
import io.newsdesk.store.ArticleQueries;
import io.newsdesk.store.ArticleRepository;
import io.newsdesk.store.ArticleView;
import io.newsdesk.store.Ingested;

import io.newsdesk.api.IngestConfig;
import io.newsdesk.api.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
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
    @Operation(summary = "Ingest an article", description = "Cleans, stores and summarizes the article. Posting the same "
            + "canonical URL (or, without URL, the same title and text) again returns the stored article with 200.")
    @APIResponse(responseCode = "201", description = "Stored as a new article")
    @APIResponse(responseCode = "202", description = "Stored; the summary is still PENDING and will follow")
    @APIResponse(responseCode = "200", description = "Already stored; the existing article")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body over the configured limit")
    @APIResponse(responseCode = "415", description = "Not application/json")
    public Uni<RestResponse<ArticleView>> ingest(ArticleSubmission submission, UriInfo uri) {
        return respond(ingest.ingest(submission), uri);
    }

    @POST
    @Consumes(MediaType.TEXT_HTML)
    @Operation(summary = "Ingest a raw web page", description = "The request body is the page's bytes as fetched. The "
            + "charset comes from the Content-Type header, else the byte order mark, else the page's <meta charset>, "
            + "else UTF-8; bytes that do not decode are a 400. The other fields are query parameters; each one left "
            + "out is taken from the page's metadata (canonical URL, og:title, datePublished, <html lang>, ...).")
    @APIResponse(responseCode = "201", description = "Stored as a new article")
    @APIResponse(responseCode = "202", description = "Stored; the summary is still PENDING and will follow")
    @APIResponse(responseCode = "200", description = "Already stored; the existing article")
    @APIResponse(responseCode = "400", description = "Undecodable bytes, no article text, or an invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Page over newsdesk.ingest.max-html-bytes")
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
            URI location = uri.getBaseUriBuilder().path("api/articles/{id}").build(view.id());
            RestResponse.Status status = view.summaryStatus() == SummaryStatus.READY
                    ? RestResponse.Status.CREATED : RestResponse.Status.ACCEPTED;
            return RestResponse.ResponseBuilder.<ArticleView>create(status).location(location).entity(view).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One article")
    @APIResponse(responseCode = "404", description = "No article with this id", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ArticleView> get(@RestPath long id) {
        return articles.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No article with id " + id))
                .map(ArticleView::of);
    }

    @GET
    @Operation(summary = "Articles, newest first", description = "Keyset pagination: pass nextCursor as cursor.")
    public Uni<ArticlePage> list(@RestQuery String limit, @RestQuery String cursor, @RestQuery String source,
            @RestQuery String since, @RestQuery String until) {
        return articles.page(queries.parse(limit, cursor, source, since, until));
    }
}
