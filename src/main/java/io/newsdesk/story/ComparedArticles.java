package io.newsdesk.story;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.newsdesk.fingerprint.TextFingerprint;
import io.newsdesk.text.Mentions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What comparing with a stored article needs, computed from its text: its shingles (copies) and what the same-story
 * model reads (names, figures, words). An article is a candidate of article after article while it is in their
 * window, and is judged again by the retries and the reconciliation of each, so these are kept for the articles most
 * recently compared, within {@code newsdesk.dedup.comparison-cache-mb} of heap (Caffeine, weighed by an estimate of
 * their size). A stored article's title, text, embedding and time never change, so nothing goes stale.
 */
@ApplicationScoped
class ComparedArticles {

    /** Rough heap bytes of one entry of a set or map of short strings (node, key object, value reference). */
    private static final int BYTES_PER_ENTRY = 96;

    private final Cache<Long, TextFingerprint> fingerprints;
    private final Cache<Long, SameStoryFeatures.Side> sides;

    ComparedArticles(DedupConfig config, MeterRegistry registry) {
        long budget = config.comparisonCacheMb() * 1024L * 1024L;
        // Shingles are a quarter of an entry's size at most: give them a quarter of the budget.
        this.fingerprints = Caffeine.newBuilder().maximumWeight(budget / 4)
                .weigher((Long id, TextFingerprint fingerprint) -> 64 + 8 * fingerprint.shingles().length)
                .recordStats().build();
        this.sides = Caffeine.newBuilder().maximumWeight(budget - budget / 4)
                .weigher((Long id, SameStoryFeatures.Side side) -> weight(side))
                .recordStats().build();
        CaffeineCacheMetrics.monitor(registry, fingerprints, "newsdesk.dedup.compared-shingles");
        CaffeineCacheMetrics.monitor(registry, sides, "newsdesk.dedup.compared-names");
    }

    /** The candidate's normal-form hash and shingles. */
    TextFingerprint fingerprint(StoredCandidate candidate) {
        return fingerprints.get(candidate.id(),
                id -> TextFingerprint.forComparison(candidate.exactHash(), candidate.text()));
    }

    /** What the same-story model sees of a stored article (a candidate, or the article being assigned). */
    SameStoryFeatures.Side side(long id, String title, String text, float[] embedding, Instant publishedAt) {
        return side(id, title, text, embedding, publishedAt, null);
    }

    /** The same, with the mentions of title and text when they were read already (at ingest); else null. */
    SameStoryFeatures.Side side(long id, String title, String text, float[] embedding, Instant publishedAt,
            Mentions mentions) {
        return sides.get(id, key -> SameStoryFeatures.Side.of(title, text, embedding, publishedAt, List.of(),
                mentions));
    }

    private static int weight(SameStoryFeatures.Side side) {
        Mentions m = side.mentions();
        long entries = side.words().size() + side.headline().size() + size(m.names()) + size(m.display())
                + size(m.lowercase()) + size(m.numbers()) + size(m.dates()) + size(m.phrases());
        long vectors = side.embedding() == null ? 0 : 4L * side.embedding().length;
        return (int) Math.min(Integer.MAX_VALUE, 256 + vectors + BYTES_PER_ENTRY * entries);
    }

    private static int size(Map<?, ?> map) {
        return map == null ? 0 : map.size();
    }

    private static int size(Set<?> set) {
        return set == null ? 0 : set.size();
    }
}
