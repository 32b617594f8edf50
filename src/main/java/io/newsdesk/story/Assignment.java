package io.newsdesk.story;

import io.newsdesk.store.DuplicateKind;
import io.newsdesk.store.Summary;

/**
 * An article's place in its story.
 *
 * @param duplicateOf      the article it duplicates; null for the first of its story
 * @param reusedSummary    for a copy whose original is summarised: that summary, now also the copy's
 * @param waitsForOriginal a copy whose original's summary is still pending: it gets that one when it is ready
 */
public record Assignment(long storyId, Long duplicateOf, DuplicateKind kind, Double similarity, String reason,
        Summary reusedSummary, boolean waitsForOriginal) {

    static Assignment existing(long storyId, Long duplicateOf, DuplicateKind kind, Double similarity,
            String reason) {
        return new Assignment(storyId, duplicateOf, kind, similarity, reason, null, false);
    }
}
