package io.newsdesk.fingerprint;

import io.newsdesk.testing.Texts;

import io.newsdesk.story.DedupThresholds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hand-made copies of an invented article and their resemblance to it. */
class TextFingerprintTest {

    private static final TextFingerprint ORIGINAL = TextFingerprint.of(Texts.FERRY);

    private static Resemblance against(String text) {
        return TextFingerprint.of(text).resemblance(ORIGINAL);
    }

    @Test
    void identicalTextAfterNormalisationHasTheSameExactHash() {
        String reformatted = "  " + Texts.FERRY.toUpperCase().replace("\n\n", "\n \n\t") + "\n";
        TextFingerprint copy = TextFingerprint.of(reformatted);
        assertThat(copy.exactHash()).isEqualTo(ORIGINAL.exactHash());
        assertThat(copy.resemblance(ORIGINAL).jaccard()).isEqualTo(1.0);
        assertThat(copy.signature()).isEqualTo(ORIGINAL.signature());
        assertThat(copy.bandHashes()).isEqualTo(ORIGINAL.bandHashes());
    }

    @Test
    void punctuationChangesBreakTheExactHashButNotTheShingles() {
        TextFingerprint copy = TextFingerprint.of(Texts.FERRY.replace("\"", "“").replace(",", ""));
        assertThat(copy.exactHash()).isNotEqualTo(ORIGINAL.exactHash());
        assertThat(copy.resemblance(ORIGINAL).jaccard()).isEqualTo(1.0);
    }

    @Test
    void aCutShortCopyIsContainedWithJaccardNearItsShare() {
        for (double share : new double[] {0.4, 0.6, 0.8}) {
            Resemblance r = against(Texts.prefix(Texts.FERRY, share));
            assertThat(r.containmentOfA()).as("%.1f prefix contained", share).isEqualTo(1.0);
            assertThat(r.jaccard()).as("%.1f prefix Jaccard", share).isBetween(share - 0.05, share + 0.02);
        }
    }

    @Test
    void aCopyWithTyposInOneWordInTwentyKeepsMostShingles() {
        Resemblance r = against(Texts.typos(Texts.FERRY, 20));
        assertThat(r.maxContainment()).isBetween(0.75, 0.95);
        assertThat(r.jaccard()).isBetween(0.6, 0.9);
    }

    @Test
    void aLightlyEditedCopyStaysAbove075() {
        String edited = Texts.FERRY
                .replace("Nobody was seriously hurt, although eleven", "No one was badly hurt, though eleven")
                .replace(" Delta", "")
                .replace("Local councillor Maria Edwards said residents had warned for months that the channel was "
                        + "becoming dangerous. ", "")
                .replace("said", "stated");
        Resemblance r = against(edited);
        assertThat(r.maxContainment()).isBetween(0.75, 0.97);
        assertThat(DedupThresholds.DEFAULTS.nearVerbatimContainment()).isLessThanOrEqualTo(r.maxContainment());
    }

    @Test
    void wrappedInOtherChromeTheArticleIsStillContained() {
        String wrapped = "Home > World > Ferry aground\n\nShare this article\n\n" + Texts.FERRY
                + "\n\nLeave a Reply\n\nMore like this\n\nCouncil approves budget with tax rise\n";
        Resemblance r = TextFingerprint.of(wrapped).resemblance(ORIGINAL);
        assertThat(r.containmentOfB()).isEqualTo(1.0);
        assertThat(r.jaccard()).isGreaterThan(0.9);
    }

    @Test
    void unrelatedArticlesShareNothing() {
        Resemblance r = against(Texts.BUDGET);
        assertThat(r.maxContainment()).isLessThan(0.02);
        assertThat(TextFingerprint.of(Texts.BUDGET).signature().estimateJaccard(ORIGINAL.signature())).isLessThan(0.05);
    }

    @Test
    void anEmptyTextHasNoShinglesAndNoBands() {
        TextFingerprint empty = TextFingerprint.of(" \n ");
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.bandHashes()).isEmpty();
        assertThat(empty.resemblance(ORIGINAL).maxContainment()).isZero();
    }

    @Test
    void otherParametersGiveOtherBands() {
        TextFingerprint fp = TextFingerprint.of(Texts.FERRY, Shingles.chars(9), new LshBands(32, 4));
        assertThat(fp.bandHashes()).hasSize(32);
        assertThat(fp.signature().size()).isEqualTo(128);
        assertThat(TextFingerprint.of(Texts.FERRY, Shingles.words(5), new LshBands(64, 4)).signature().size())
                .isEqualTo(256);
    }
}
