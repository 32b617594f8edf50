package io.newsdesk.feed;

import io.newsdesk.api.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

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
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<StoryView> get(@RestPath long id) {
        return stories.one(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No story with id " + id));
    }
}
