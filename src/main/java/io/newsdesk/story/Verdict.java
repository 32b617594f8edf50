package io.newsdesk.story;

import io.newsdesk.store.DuplicateKind;

/**
 * The judge's answer for one pair.
 *
 * @param kind       the kind of duplicate
 * @param similarity the score that decided, 0..1 (1 for EXACT; shingle containment or Jaccard for NEAR_VERBATIM;
 *                   same-story probability for SAME_STORY)
 * @param reason     one short sentence naming the method and why
 */
public record Verdict(DuplicateKind kind, double similarity, String reason) {

    public Verdict {
        if (kind == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("kind and reason are required");
        }
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be within 0..1: " + similarity);
        }
    }

    /** Whether this verdict is stronger than {@code other}: a stronger kind, or the same kind and more similar. */
    public boolean isStrongerThan(Verdict other) {
        if (kind != other.kind) {
            return kind.ordinal() < other.kind.ordinal();
        }
        return similarity > other.similarity;
    }
}
