package io.newsdesk.feed;

import io.newsdesk.api.Problem;
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
@Tag(name = "Stories")
public class StoryResource {

    private final StoryViews stories;

    StoryResource(StoryViews stories) {
        this.stories = stories;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One story", description = "The story with its articles, representative and summary.")
    @APIResponse(responseCode = "404", description = "No story with this id", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StoryView> get(@RestPath long id) {
        return stories.one(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No story with id " + id));
    }
}
