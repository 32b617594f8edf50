package io.newsdesk.story;

import java.time.Instant;

/**
 * Two articles for the LLM to compare, and the embedding cosine that made the pair ambiguous.
 *
 * @param a the article with the smaller normalised-text hash (the order the answer is cached under)
 */
record PairToJudge(Side a, Side b, double cosine) {

    record Side(long exactHash, String title, String text, Instant publishedAt) {
    }

    static PairToJudge of(Side one, Side other, double cosine) {
        return one.exactHash() <= other.exactHash()
                ? new PairToJudge(one, other, cosine)
                : new PairToJudge(other, one, cosine);
    }

    PairKey key() {
        return new PairKey(a.exactHash(), b.exactHash());
    }

    /** The cache key of an answer: both texts' normalised-text hashes, smaller first. */
    record PairKey(long hashA, long hashB) {
    }
}
