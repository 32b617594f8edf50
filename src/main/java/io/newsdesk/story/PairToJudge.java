package io.newsdesk.story;

import java.time.Instant;

/**
 * Two articles for the LLM to compare, and the same-story probability that made the pair uncertain.
 *
 * @param a the article with the smaller normalised-text hash (the order the answer is cached under)
 */
record PairToJudge(Side a, Side b, double probability) {

    record Side(long exactHash, String title, String text, Instant publishedAt) {
    }

    static PairToJudge of(Side one, Side other, double probability) {
        return one.exactHash() <= other.exactHash()
                ? new PairToJudge(one, other, probability)
                : new PairToJudge(other, one, probability);
    }

    PairKey key() {
        return new PairKey(a.exactHash(), b.exactHash());
    }

    /** The cache key of an answer: both texts' normalised-text hashes, smaller first. */
    record PairKey(long hashA, long hashB) {
    }
}
