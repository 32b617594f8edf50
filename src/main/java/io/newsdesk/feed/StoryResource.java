package io.newsdesk.feed;

import io.newsdesk.api.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stories", description = "Stories: the articles about one news event")
public class StoryResource {

    private final StoryViews stories;

    StoryResource(StoryViews stories) {
        this.stories = stories;
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getStory", summary = "One story",
            description = "The story with its articles, representative and summary.")
    @APIResponse(responseCode = "200", description = "The story", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryView.class)))
    @APIResponse(responseCode = "301", description = "The story was merged into another one, found to be the same "
            + "story after both had started; Location names the story that holds its articles now",
            headers = @Header(name = "Location", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<StoryView>> get(@RestPath long id, UriInfo uri) {
        return stories.live(id).flatMap(live -> {
            if (live == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No story with id " + id));
            }
            if (live != id) {
                URI location = uri.getBaseUriBuilder().path("api/stories/{id}").build(live);
                return Uni.createFrom().item(RestResponse.ResponseBuilder.<StoryView>create(
                        RestResponse.Status.MOVED_PERMANENTLY).location(location).build());
            }
            return stories.one(id).map(RestResponse::ok);
        });
    }
}
