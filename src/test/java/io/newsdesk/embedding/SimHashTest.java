package io.newsdesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final int DIMENSIONS = 384;
    private final Random random = new Random(7);

    @Test
    void theServiceCodeStartsWithTheSixtyFourBitHashStoredBeforeIt() {
        float[] vector = gaussian();

        long[] code = new SimHash(DIMENSIONS).of(vector);

        assertThat(code).hasSize(SimHash.CODE_BITS / 64);
        assertThat(code[0]).isEqualTo(new SimHash(DIMENSIONS, 64).of(vector)[0]);
    }

    @Test
    void distanceGrowsWithTheAngleAndEstimatesIt() {
        SimHash hash = new SimHash(DIMENSIONS);
        float[] base = Vectors.unit(gaussian());
        float[] near = Vectors.unit(mix(base, gaussian(), 0.3f));
        float[] far = Vectors.unit(gaussian());

        int toNear = SimHash.distance(hash.of(base), hash.of(near));
        int toFar = SimHash.distance(hash.of(base), hash.of(far));

        assertThat(toNear).isLessThan(toFar);
        // Each bit differs with probability angle / π: the code's share of differing bits is that within 0.1.
        double angle = Math.acos(Vectors.dot(base, far)) / Math.PI;
        assertThat((double) toFar / SimHash.CODE_BITS).isCloseTo(angle, Offset.offset(0.1));
    }

    @Test
    void bitStringHasOneCharacterPerBitLowestBitFirst() {
        long[] code = {1L, 0L, 0L, 0L, 0L, 0L, 0L, 1L << 63};

        String bits = SimHash.bitString(code);

        assertThat(bits).hasSize(512).startsWith("10").endsWith("01");
        assertThat(bits.chars().filter(c -> c == '1').count()).isEqualTo(2);
    }

    @Test
    void codeLengthMustBeWholeWords() {
        assertThatThrownBy(() -> new SimHash(DIMENSIONS, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    private float[] gaussian() {
        float[] vector = new float[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return vector;
    }

    private static float[] mix(float[] a, float[] b, float weightOfB) {
        float[] mixed = new float[a.length];
        for (int d = 0; d < a.length; d++) {
            mixed[d] = a[d] + weightOfB * b[d] / (float) Math.sqrt(a.length);
        }
        return mixed;
    }
}
