package io.newsdesk.fingerprint;

import io.newsdesk.testing.Texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LshBandsTest {

    @Test
    void collisionProbabilityFollowsTheBandingFormula() {
        LshBands bands = new LshBands(32, 4);
        assertThat(bands.collisionProbability(0.5)).isCloseTo(1 - Math.pow(1 - 0.0625, 32), within(1e-12));
        assertThat(bands.collisionProbability(0)).isZero();
        assertThat(bands.collisionProbability(1)).isEqualTo(1.0);
        assertThat(LshBands.DEFAULT.collisionProbability(0.3)).isGreaterThan(0.99);
        assertThat(LshBands.DEFAULT.collisionProbability(0.05)).isBetween(0.1, 0.2);
        assertThat(LshBands.DEFAULT.collisionProbability(0.01)).isLessThan(0.01);
        assertThat(LshBands.DEFAULT.signatureSize()).isEqualTo(MinHashSignature.DEFAULT_SIZE);
    }

    @Test
    void observedCollisionRateMatchesTheFormula() {
        Random random = new Random(3);
        LshBands bands = new LshBands(16, 4); // steep around J = 0.5: a sharp test of the formula
        for (double target : new double[] {0.3, 0.5, 0.7}) {
            int trials = 400;
            int collisions = 0;
            double sum = 0;
            for (int t = 0; t < trials; t++) {
                int common = (int) Math.round(400 * target / (1 + target));
                long[] shared = random.longs(common).toArray();
                long[] a = LongStream.concat(LongStream.of(shared), random.longs(200 - common)).sorted().toArray();
                long[] b = LongStream.concat(LongStream.of(shared), random.longs(200 - common)).sorted().toArray();
                sum += bands.collisionProbability(Resemblance.of(a, b).jaccard());
                if (LshBands.collide(bands.hashes(MinHashSignature.of(a, 64)), bands.hashes(MinHashSignature.of(b, 64)))) {
                    collisions++;
                }
            }
            double expected = sum / trials;
            double sd = Math.sqrt(expected * (1 - expected) / trials);
            assertThat((double) collisions / trials).as("J=%.1f", target).isCloseTo(expected, within(4 * sd + 0.02));
        }
    }

    @Test
    void copiesShareBandsAndUnrelatedTextsDoNot() {
        long[] ferry = TextFingerprint.of(Texts.FERRY).bandHashes();
        assertThat(ferry).hasSize(64);
        assertThat(LshBands.collide(ferry, TextFingerprint.of(Texts.FERRY.toUpperCase()).bandHashes())).isTrue();
        assertThat(LshBands.collide(ferry, TextFingerprint.of(Texts.prefix(Texts.FERRY, 0.4)).bandHashes())).isTrue();
        assertThat(LshBands.collide(ferry, TextFingerprint.of(Texts.typos(Texts.FERRY, 25)).bandHashes())).isTrue();
        assertThat(LshBands.collide(ferry, TextFingerprint.of(Texts.BUDGET).bandHashes())).isFalse();
    }

    @Test
    void bandHashesDependOnTheBandNumber() {
        // The same two values in band 0 and band 1 must not give the same hash (rows of the index are per band).
        long[] same = new long[128];
        long[] hashes = LshBands.DEFAULT.hashes(MinHashSignature.ofValues(same));
        assertThat(hashes[0]).isNotEqualTo(hashes[1]);
    }

    @Test
    void bandHashesArePinned() {
        // Stored in PostgreSQL: a change here (hash family, seeds, band layout) needs every article re-indexed.
        long[] bands = TextFingerprint.of("The quick brown fox jumps over the lazy dog.").bandHashes();
        assertThat(bands[0]).isEqualTo(PINNED_BAND_0);
        assertThat(bands[63]).isEqualTo(PINNED_BAND_63);
    }

    private static final long PINNED_BAND_0 = 4790387190854267848L;
    private static final long PINNED_BAND_63 = -3630525379390950604L;

    @Test
    void rejectsSignaturesTooShortForTheBands() {
        assertThatThrownBy(() -> LshBands.DEFAULT.hashes(MinHashSignature.of(new long[] {1}, 64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LshBands(0, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
