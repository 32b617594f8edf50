package io.newsdesk.story;

import io.newsdesk.fingerprint.ArticleFingerprints;
import java.time.Instant;

/** A stored article waiting for its story, with the fingerprints computed from its cleaned text. */
public record ArticleToAssign(long id, String title, String text, Instant publishedAt,
        ArticleFingerprints fingerprints) {
}
