package io.newsdesk.feed;

import io.newsdesk.api.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The reader's pages, server-rendered (Qute, no JavaScript): the deduplicated feed at {@code /}, newest story first,
 * paged by the feed's cursor, and one story at {@code /stories/{id}}. Not part of the API document.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReaderPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feed(String title, List<ReaderStory> stories, String nextPage,
                boolean firstPage);

        static native TemplateInstance story(String title, ReaderStory story);
    }

    private final FeedService feed;
    private final FeedQueries queries;
    private final StoryViews stories;
    private final FeedConfig config;

    ReaderPage(FeedService feed, FeedQueries queries, StoryViews stories, FeedConfig config) {
        this.feed = feed;
        this.queries = queries;
        this.stories = stories;
        this.config = config;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> feed(@RestQuery String limit, @RestQuery String cursor) {
        FeedQuery query = queries.parse(limit, cursor, null, null, null, null);
        String next = limit == null ? "/?cursor=" : "/?limit=" + query.limit() + "&cursor=";
        return feed.page(query).map(page -> Templates.feed(config.title(),
                page.items().stream().map(ReaderStory::of).toList(),
                page.nextCursor() == null ? null : next + page.nextCursor(), cursor == null));
    }

    @GET
    @Path("stories/{id}")
    @Operation(hidden = true)
    public Uni<TemplateInstance> story(@RestPath long id) {
        // A story merged into another shows the one that holds its articles now.
        return stories.live(id).onItem().ifNotNull().transformToUni(stories::one)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No story with id " + id))
                .map(story -> Templates.story(config.title(), ReaderStory.of(story)));
    }
}
