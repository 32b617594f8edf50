package io.newsdesk.story;

import io.newsdesk.fingerprint.TextFingerprint;
import io.newsdesk.testing.Texts;
import io.newsdesk.store.DuplicateKind;

import io.newsdesk.embedding.Vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuplicateJudgeTest {

    private static final Instant NOON = Instant.parse("2025-03-01T12:00:00Z");
    private final DuplicateJudge judge = new DuplicateJudge();

    private static DedupArticle article(String text) {
        return DedupArticle.of("Ferry runs aground", text, NOON, null);
    }

    private static DedupArticle article(String text, Instant at, float[] embedding) {
        return DedupArticle.of("A headline", text, at, embedding);
    }

    @Test
    void sameNormalisedTextIsExact() {
        Verdict v = judge.judge(article(Texts.FERRY.toUpperCase() + "\n\n"), article(Texts.FERRY)).orElseThrow();
        assertThat(v.kind()).isEqualTo(DuplicateKind.EXACT);
        assertThat(v.similarity()).isEqualTo(1.0);
        assertThat(v.reason()).contains("hash");
    }

    @Test
    void blankTextsAreNeverDuplicates() {
        assertThat(judge.judge(article(""), article("  "))).isEmpty();
    }

    @Test
    void aCutShortCopyIsNearVerbatimByContainment() {
        Verdict v = judge.judge(article(Texts.prefix(Texts.FERRY, 0.45)), article(Texts.FERRY)).orElseThrow();
        assertThat(v.kind()).isEqualTo(DuplicateKind.NEAR_VERBATIM);
        assertThat(v.similarity()).isEqualTo(1.0);
        assertThat(v.reason()).startsWith("MinHash/shingle containment 1.00").contains("new text");
        // The other way round: the earlier text is the short one.
        assertThat(judge.judge(article(Texts.FERRY), article(Texts.prefix(Texts.FERRY, 0.45))).orElseThrow().reason())
                .contains("earlier text");
    }

    @Test
    void aCopyWithTyposIsNearVerbatim() {
        Verdict v = judge.judge(article(Texts.typos(Texts.FERRY, 25)), article(Texts.FERRY)).orElseThrow();
        assertThat(v.kind()).isEqualTo(DuplicateKind.NEAR_VERBATIM);
        assertThat(v.similarity()).isBetween(0.75, 1.0);
    }

    @Test
    void aBriefQuotingOneParagraphIsNotACopy() {
        String quote = Texts.FERRY.split("\n\n")[4];
        String brief = "In other news. " + quote;
        assertThat(TextFingerprint.of(brief).resemblance(TextFingerprint.of(Texts.FERRY)).maxContainment())
                .isGreaterThan(0.75);
        assertThat(judge.judge(article(brief), article(Texts.FERRY))).isEmpty();
    }

    @Test
    void unrelatedTextsWithoutEmbeddingsAreNotDuplicates() {
        assertThat(judge.judge(article(Texts.BUDGET), article(Texts.FERRY))).isEmpty();
    }

    @Test
    void veryShortTextsAreNotJudgedByShingles() {
        assertThat(judge.judge(article("Ferry aground off Northport"), article(Texts.FERRY))).isEmpty();
    }

    /** Another outlet's brief of {@link Texts#FERRY}: the same names and figures, none of its sentences. */
    private static final String FERRY_BRIEF = """
            Coastguard crews rescued all 212 people from the Island Queen after the Coastline Shipping ferry hit a \
            sandbank off Northport on Tuesday; eleven were treated for hypothermia.
            """;
    /** The same ferry and people a week on: a different event, with figures the ferry story does not have. */
    private static final String FERRY_FOLLOW_UP = """
            The Island Queen returned to service on Monday after Coastline Shipping spent 1.2 million pounds on \
            repairs, and the port authority installed 14 new buoys, Maria Edwards said.
            """;

    @Test
    void aBriefWithTheSameNamesAndFiguresIsTheSameStoryWithinTheWindowAndWithEmbeddings() {
        float[] a = {1, 0, 0};
        float[] b = {0.8f, 0.6f, 0}; // cosine 0.8: a brief is worded differently
        Verdict v = judge.judge(article(FERRY_BRIEF, NOON.plus(Duration.ofHours(5)), b), article(Texts.FERRY, NOON, a))
                .orElseThrow();
        assertThat(v.kind()).isEqualTo(DuplicateKind.SAME_STORY);
        assertThat(v.similarity()).isBetween(0.9, 1.0);
        assertThat(v.reason()).startsWith("Same event: same names:").contains("Island Queen", "212", "→ p");

        assertThat(judge.judge(article(FERRY_BRIEF, NOON.plus(Duration.ofDays(3).plusMinutes(1)), b),
                article(Texts.FERRY, NOON, a))).isEmpty();
        assertThat(judge.judge(article(FERRY_BRIEF, NOON, null), article(Texts.FERRY, NOON, a))).isEmpty();
        assertThat(judge.judge(article(FERRY_BRIEF, null, b), article(Texts.FERRY, NOON, a))).isEmpty();
    }

    @Test
    void aBriefThatSharesNoNameOrFigureIsLeftToTheLlmHoweverCloseItsWording() {
        float[] same = {1, 0, 0};
        String nameless = "Rescuers brought everyone ashore after the ferry ran onto a sandbank in the night.";
        DedupArticle brief = article(nameless, NOON.plus(Duration.ofHours(2)), same);
        DedupArticle ferry = article(Texts.FERRY, NOON, same);
        PairEvidence evidence = PairEvidence.of(brief, ferry);

        assertThat(evidence.features().sharesEvidence()).isFalse();
        assertThat(judge.sameStoryProbability(evidence)).isGreaterThanOrEqualTo(judge.sameStoryThreshold());
        assertThat(judge.judge(brief, ferry)).isEmpty();
        assertThat(judge.isUncertain(evidence)).isTrue();
    }

    @Test
    void theSamePeopleWithNewFiguresAreNotTheSameStory() {
        float[] a = {1, 0, 0};
        float[] b = {0.8f, 0.6f, 0};
        DedupArticle followUp = article(FERRY_FOLLOW_UP, NOON.plus(Duration.ofDays(2)), b);
        DedupArticle ferry = article(Texts.FERRY, NOON, a);

        assertThat(judge.judge(followUp, ferry)).isEmpty();
        assertThat(judge.sameStoryProbability(PairEvidence.of(followUp, ferry)))
                .isLessThan(judge.sameStoryProbability(PairEvidence.of(
                        article(FERRY_BRIEF, NOON.plus(Duration.ofDays(2)), b), ferry)));
    }

    @Test
    void copiesNeedNoWindow() {
        Verdict v = judge.judge(article(Texts.FERRY, NOON.plus(Duration.ofDays(400)), null),
                article(Texts.typos(Texts.FERRY, 30), NOON, null)).orElseThrow();
        assertThat(v.kind()).isEqualTo(DuplicateKind.NEAR_VERBATIM);
    }

    @Test
    void textEvidenceWinsOverEmbeddings() {
        float[] a = {1, 0};
        Verdict v = judge.judge(article(Texts.prefix(Texts.FERRY, 0.7), NOON, a), article(Texts.FERRY, NOON, a))
                .orElseThrow();
        assertThat(v.kind()).isEqualTo(DuplicateKind.NEAR_VERBATIM);
    }

    @Test
    void thresholdsAreConfigurable() {
        DuplicateJudge strict = new DuplicateJudge(DedupThresholds.DEFAULTS.withNearVerbatim(1.01, 0.2, 1.01),
                SameStoryModel.load());
        assertThat(strict.judge(article(Texts.typos(Texts.FERRY, 25)), article(Texts.FERRY))).isEmpty();
        float[] a = {1, 0};
        DedupArticle brief = article(FERRY_BRIEF, NOON, a);
        assertThat(judge.judge(brief, article(Texts.FERRY, NOON, a))).isPresent();
        assertThat(DuplicateJudge.copiesOnly().judge(brief, article(Texts.FERRY, NOON, a))).isEmpty();
        assertThat(judge.thresholds()).isEqualTo(DedupThresholds.DEFAULTS);
    }

    @Test
    void defaultsAreTheTunedValues() {
        DedupThresholds d = DedupThresholds.DEFAULTS;
        assertThat(d.nearVerbatimContainment()).isEqualTo(0.70);
        assertThat(d.nearVerbatimMinJaccard()).isEqualTo(0.20);
        assertThat(d.nearVerbatimJaccard()).isEqualTo(0.60);
        assertThat(d.sameStoryWindow()).isEqualTo(Duration.ofDays(3));
        assertThatThrownBy(() -> new DedupThresholds(0.7, 0.2, 0.5, 0, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DedupThresholds(0.7, 0.2, 0.5, 8, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cosineOfVectors() {
        assertThat(Vectors.cosine(new float[] {1, 2, 3}, new float[] {2, 4, 6})).isCloseTo(1.0, within(1e-9));
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {0, 1})).isZero();
        assertThat(Vectors.cosine(new float[] {0, 0}, new float[] {0, 1})).isZero();
        assertThatThrownBy(() -> Vectors.cosine(new float[] {1}, new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verdictsOrderByKindThenSimilarity() {
        Verdict exact = new Verdict(DuplicateKind.EXACT, 1, "x");
        Verdict near = new Verdict(DuplicateKind.NEAR_VERBATIM, 0.9, "x");
        Verdict nearer = new Verdict(DuplicateKind.NEAR_VERBATIM, 0.95, "x");
        assertThat(exact.isStrongerThan(nearer)).isTrue();
        assertThat(nearer.isStrongerThan(near)).isTrue();
        assertThat(near.isStrongerThan(exact)).isFalse();
        assertThatThrownBy(() -> new Verdict(DuplicateKind.EXACT, 1.5, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Verdict(DuplicateKind.EXACT, 1, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameStoryBoundIsNeverBelowTheProbabilityAndPrunesUnlikePairsOfSimilarLength() {
        java.util.Random random = new java.util.Random(12);
        int pruned = 0;
        for (int i = 0; i < 24; i++) {
            String text = Texts.article(i);
            String other = i % 3 == 0 ? Texts.cutShort(Texts.article(i), 0.2) : Texts.article((i + 5) % Texts.ARTICLES);
            float[] a = {random.nextFloat(), random.nextFloat(), random.nextFloat()};
            float[] b = {random.nextFloat() - 0.5f, random.nextFloat(), random.nextFloat() - 0.5f};
            Instant later = NOON.plus(Duration.ofHours(i));
            PairEvidence evidence = PairEvidence.of(article(text, NOON, a), article(other, later, b));

            double bound = judge.maxSameStoryProbability(a, b, SameStoryFeatures.wordCount(text),
                    SameStoryFeatures.wordCount(other), NOON, later);

            assertThat(bound).isGreaterThanOrEqualTo(judge.sameStoryProbability(evidence));
            pruned += bound < judge.sameStoryThreshold() ? 1 : 0;
        }
        assertThat(pruned).as("pairs the bound alone rules out").isPositive();
        assertThat(judge.maxSameStoryProbability(null, new float[] {1}, 10, 10, NOON, NOON)).isZero();
        assertThat(judge.maxSameStoryProbability(new float[] {1}, new float[] {1}, 10, 10, NOON,
                NOON.plus(Duration.ofDays(4)))).isZero();
    }

    @Test
    void withoutCapitalLettersOnlyCopiesAreFoundNotTheSameStory() {
        String beijing = "北京市政府今天宣布了新的交通管理措施。从下个月开始，市中心将实行单双号限行。官员表示，这项措施旨在减少空气污染和交通拥堵。";
        String tokyo = "日本银行周二决定维持超低利率政策不变。央行行长在记者会上表示，通胀前景仍不确定。分析人士预计，央行可能在明年调整政策。";
        float[] sameEmbedding = {1, 0};

        PairEvidence unrelated = PairEvidence.of(article(beijing, NOON, sameEmbedding), article(tokyo, NOON, sameEmbedding));

        assertThat(unrelated.casedScript()).isFalse();
        assertThat(judge.sameStoryProbability(unrelated)).isZero();
        assertThat(judge.judge(unrelated)).isEmpty();
        assertThat(judge.judge(article(beijing, NOON, sameEmbedding), article(beijing + "\n", NOON, sameEmbedding))
                .orElseThrow().kind()).isEqualTo(DuplicateKind.EXACT);
    }
}
