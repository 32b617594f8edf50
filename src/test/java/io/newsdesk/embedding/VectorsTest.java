package io.newsdesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {

    private final Random random = new Random(7);

    @Test
    void dotProductsWithTheOneByteCopyStayWithinAFewThousandthsOfTheExactOnes() {
        double worst = 0;
        for (int i = 0; i < 2_000; i++) {
            float[] a = randomUnit(384);
            float[] b = i % 2 == 0 ? randomUnit(384) : nearby(a);
            double exact = Vectors.dot(a, b);
            double approximate = Vectors.dotInt8(a, Vectors.toInt8(b));
            worst = Math.max(worst, Math.abs(exact - approximate));
        }
        assertThat(worst).isLessThan(0.005);
    }

    @Test
    void theOneByteCopyIsAQuarterOfTheStoredVectorAndKeepsAllZerosAtZero() {
        float[] unit = randomUnit(384);
        assertThat(Vectors.toInt8(unit)).hasSize(4 + 384);
        assertThat(Vectors.toBytes(unit)).hasSize(4 * 384);
        assertThat(Vectors.dotInt8(unit, Vectors.toInt8(new float[384]))).isZero();
        assertThat(Vectors.dotInt8(unit, Vectors.toInt8(unit))).isCloseTo(1.0, within(0.005));
    }

    private float[] randomUnit(int dimensions) {
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return Vectors.unit(vector);
    }

    /** A vector at cosine of roughly 0.8 to the given one. */
    private float[] nearby(float[] unit) {
        float[] noise = randomUnit(unit.length);
        float[] mixed = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            mixed[i] = unit[i] * 0.8f + noise[i] * 0.6f;
        }
        return Vectors.unit(mixed);
    }
}
