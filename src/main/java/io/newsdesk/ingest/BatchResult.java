package io.newsdesk.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsdesk.api.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: one item per article, in the order sent, and how many of each outcome. */
@Schema(description = "One item per article of the batch, in the order sent")
public record BatchResult(
        List<Item> items,
        @Schema(description = "Items stored as new articles (status 201 or 202)") int created,
        @Schema(description = "Items already stored (status 200)") int existing,
        @Schema(description = "Items refused (status 4xx or 5xx); nothing of them is stored") int refused) {

    static BatchResult of(List<Item> items) {
        int created = 0;
        int existing = 0;
        for (Item item : items) {
            created += item.status() == 201 || item.status() == 202 ? 1 : 0;
            existing += item.status() == 200 ? 1 : 0;
        }
        return new BatchResult(items, created, existing, items.size() - created - existing);
    }

    /** What the single POST of this article would have answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchItem", description = "The status, article id and Location, or the problem, that POST "
            + "/api/articles would have answered for this article alone")
    public record Item(
            @Schema(description = "Position of the article in the batch, from 0") int index,
            @Schema(description = "201 stored and summarised, 202 stored with the summary pending, 200 already "
                    + "stored, or the status of the problem") int status,
            @Schema(description = "The stored article's id (absent when refused)") Long id,
            @Schema(description = "The stored article's URL path (absent when refused)", format = "uri-reference")
            String location,
            @Schema(description = "The story the article is in (absent when refused, or not decided yet)")
            Long storyId,
            @Schema(description = "Why the article was refused (absent when stored)") Problem problem) {
    }
}
