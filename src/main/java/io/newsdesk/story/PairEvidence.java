package io.newsdesk.story;

import io.newsdesk.fingerprint.Resemblance;
import io.newsdesk.fingerprint.TextFingerprint;

import io.newsdesk.embedding.Vectors;
import java.time.Duration;

/**
 * What {@link DuplicateJudge} decides on, computed once per candidate pair.
 *
 * @param exactMatch  both texts non-empty with equal normalised-text hashes
 * @param resemblance overlap of the shingle sets
 * @param cosine      cosine of the story embeddings, or NaN when either is missing
 * @param apart       distance of the publication times, or null when either is missing
 * @param features    what the same-story model decides on
 * @param casedScript both texts are written in a script with capital letters: the model's name features (fitted on
 *                    English) can be read from them
 */
public record PairEvidence(boolean exactMatch, Resemblance resemblance, double cosine, Duration apart,
        SameStoryFeatures features, boolean casedScript) {

    public static PairEvidence of(DedupArticle article, DedupArticle candidate) {
        TextFingerprint a = article.fingerprint();
        TextFingerprint b = candidate.fingerprint();
        double cosine = article.embedding() == null || candidate.embedding() == null ? Double.NaN
                : Vectors.cosine(article.embedding(), candidate.embedding());
        Duration apart = article.publishedAt() == null || candidate.publishedAt() == null ? null
                : Duration.between(article.publishedAt(), candidate.publishedAt()).abs();
        return new PairEvidence(a.isSameText(b), a.resemblance(b), cosine, apart,
                SameStoryFeatures.of(article.side(), candidate.side()),
                article.side().casedScript() && candidate.side().casedScript());
    }
}
