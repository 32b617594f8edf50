package io.newsdesk.story;

import java.time.Instant;

/**
 * An earlier, assigned article that might be a duplicate of the new one.
 *
 * @param exactHash its normalised-text hash as stored
 * @param words     its length in words as stored ({@link SameStoryFeatures#wordCount}); null for an article assigned
 *                  before lengths were stored
 */
record StoredCandidate(long id, long storyId, String title, String text, Instant publishedAt, float[] embedding,
        long exactHash, Integer words) {

    int wordCount() {
        return words != null ? words : SameStoryFeatures.wordCount(text);
    }
}
