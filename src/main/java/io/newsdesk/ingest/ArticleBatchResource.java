package io.newsdesk.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.api.IngestConfig;
import io.newsdesk.api.FieldError;
import io.newsdesk.api.ProblemException;
import io.newsdesk.api.ProblemMapper;
import io.newsdesk.store.Ingested;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * Backfills: many articles in one request, each ingested exactly as its own POST /api/articles would be, in order,
 * one after the other, each answered with that POST's status and id or problem. One bad article refuses only itself.
 */
@Path("/api/articles:batch")
@Tag(name = "Articles")
public class ArticleBatchResource {

    static final String NDJSON = "application/x-ndjson";

    private final ArticleIngestService ingest;
    private final IngestConfig limits;
    private final ObjectMapper mapper;
    private final ProblemMapper problems;
    private final Vertx vertx;

    ArticleBatchResource(ArticleIngestService ingest, IngestConfig limits, ObjectMapper mapper, ProblemMapper problems,
            Vertx vertx) {
        this.ingest = ingest;
        this.limits = limits;
        this.mapper = mapper;
        this.problems = problems;
        this.vertx = vertx;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ingestArticles", summary = "Ingest a batch of articles",
            description = "Up to newsdesk.ingest.max-batch-articles (1,000 by default) articles, as a JSON array or "
                    + "as NDJSON (one article object per line, Content-Type application/x-ndjson), within the request "
                    + "body limit. Each is ingested as POST /api/articles would ingest it alone, in the order sent, "
                    + "and answered in its item: the same status, id and Location, or the same problem. An article "
                    + "refused leaves the others alone; a body that is not one well-formed JSON array, or that holds "
                    + "too many articles, is refused whole before anything is stored. Idempotent like the single POST.")
    @RequestBody(required = true, content = {
        // Items are not constrained here: one that is not an ArticleSubmission is refused in its own item, and the
        // batch is still answered 200.
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                implementation = Object.class,
                description = "Articles as POST /api/articles takes them (ArticleSubmission objects)")),
        @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING,
                description = "One article object (as in the JSON array) per line"))})
    @APIResponse(responseCode = "200", description = "Every article's outcome, in order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "408", ref = "RequestTimeout")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<BatchResult> ingest(byte[] body, @RestHeader("Content-Type") String contentType, UriInfo uri) {
        BatchItems items = BatchItems.of(body, MediaType.valueOf(contentType).isCompatible(
                MediaType.valueOf(NDJSON)), mapper);
        // Reading the body is work proportional to it: on a worker, like each article's parsing below.
        return vertx.executeBlocking(Uni.createFrom().item(() -> withinLimit(items.count())), false)
                .flatMap(count -> ingestFrom(items, new ArrayList<>(count), uri))
                .map(BatchResult::of);
    }

    private int withinLimit(int count) {
        if (count > limits.maxBatchArticles()) {
            String message = "holds " + count + " articles, more than newsdesk.ingest.max-batch-articles ("
                    + limits.maxBatchArticles() + ")";
            throw new ProblemException(413, "Batch too large", "The batch " + message,
                    List.of(new FieldError("body", message)));
        }
        return count;
    }

    /** The remaining articles, one after the other (in order: later ones may be copies of earlier ones). */
    private Uni<List<BatchResult.Item>> ingestFrom(BatchItems items, List<BatchResult.Item> done, UriInfo uri) {
        return vertx.executeBlocking(Uni.createFrom().item(items::next), false)
                .flatMap(item -> item == null ? Uni.createFrom().item(done)
                        : outcome(item, uri).invoke(done::add).flatMap(ignored -> ingestFrom(items, done, uri)));
    }

    private Uni<BatchResult.Item> outcome(BatchItems.Item item, UriInfo uri) {
        if (item.failure() != null) {
            return Uni.createFrom().item(refused(item.index(), item.failure(), uri));
        }
        return ingest.ingest(item.submission())
                .map(ingested -> stored(item.index(), ingested, uri))
                .onFailure().recoverWithItem(failure -> refused(item.index(), failure, uri));
    }

    private static BatchResult.Item stored(int index, Ingested ingested, UriInfo uri) {
        long id = ingested.article().id;
        return new BatchResult.Item(index, ArticleResource.status(ingested).getStatusCode(), id,
                ArticleResource.location(id, uri).getPath(), ingested.article().storyId, null);
    }

    private BatchResult.Item refused(int index, Throwable failure, UriInfo uri) {
        var answer = problems.of(failure, uri);
        return new BatchResult.Item(index, answer.getStatus(), null, null, null, answer.getEntity());
    }
}
