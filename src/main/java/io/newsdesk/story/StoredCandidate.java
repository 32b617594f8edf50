package io.newsdesk.story;

import java.time.Instant;

/** An earlier, assigned article that might be a duplicate of the new one. */
record StoredCandidate(long id, long storyId, String title, String text, Instant publishedAt, float[] embedding) {
}
