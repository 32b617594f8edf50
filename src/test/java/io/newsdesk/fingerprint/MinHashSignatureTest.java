package io.newsdesk.fingerprint;

import io.newsdesk.testing.Texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinHashSignatureTest {

    @Test
    void identicalSetsHaveIdenticalSignatures() {
        long[] s = Shingles.DEFAULT.of(Texts.FERRY);
        assertThat(MinHashSignature.of(s)).isEqualTo(MinHashSignature.of(s.clone()));
        assertThat(MinHashSignature.of(s).estimateJaccard(MinHashSignature.of(s))).isEqualTo(1.0);
        assertThat(MinHashSignature.of(s).size()).isEqualTo(128);
    }

    @Test
    void estimatesJaccardWithinFourStandardErrors() {
        Random random = new Random(1);
        for (double target : new double[] {0.05, 0.2, 0.4, 0.6, 0.9}) {
            // A and B: 1000 elements each, sharing round(2000 J / (1 + J)) of them.
            int common = (int) Math.round(2000 * target / (1 + target));
            long[] shared = random.longs(common).toArray();
            long[] a = LongStream.concat(LongStream.of(shared), random.longs(1000 - common)).sorted().toArray();
            long[] b = LongStream.concat(LongStream.of(shared), random.longs(1000 - common)).sorted().toArray();
            double exact = Resemblance.of(a, b).jaccard();
            double estimate = MinHashSignature.of(a, 256).estimateJaccard(MinHashSignature.of(b, 256));
            double error = Math.sqrt(exact * (1 - exact) / 256);
            assertThat(Math.abs(estimate - exact)).as("J=%.2f", exact).isLessThanOrEqualTo(4 * error + 1e-9);
        }
    }

    @Test
    void disjointSetsAgreeAlmostNowhere() {
        Random random = new Random(2);
        long[] a = random.longs(500).sorted().toArray();
        long[] b = random.longs(500).sorted().toArray();
        assertThat(MinHashSignature.of(a).estimateJaccard(MinHashSignature.of(b))).isLessThan(0.03);
    }

    @Test
    void isDeterministicAndRoundTripsThroughStoredValues() {
        long[] s = Shingles.DEFAULT.of(Texts.BUDGET);
        MinHashSignature signature = MinHashSignature.of(s);
        assertThat(MinHashSignature.ofValues(signature.values())).isEqualTo(signature);
        // The hash functions are one seeded sequence: a shorter signature is a prefix of a longer one.
        assertThat(MinHashSignature.of(s, 16).values()).containsExactly(java.util.Arrays.copyOf(signature.values(), 16));
        assertThat(MinHashSignature.of(s, 256).value(127)).isEqualTo(signature.value(127));
    }

    @Test
    void emptySetGivesMaximalValues() {
        assertThat(MinHashSignature.of(new long[0], 4).values()).containsOnly(Long.MAX_VALUE);
        assertThatThrownBy(() -> MinHashSignature.of(new long[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinHashSignature.of(new long[] {1}).estimateJaccard(MinHashSignature.of(
                new long[] {1}, 64))).isInstanceOf(IllegalArgumentException.class);
    }
}
