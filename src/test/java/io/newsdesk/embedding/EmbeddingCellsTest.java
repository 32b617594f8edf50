package io.newsdesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingCellsTest {

    private final Random random = new Random(11);

    @Test
    void theInProcessModelsCellsAreReadFromTheirResource() {
        EmbeddingCells cells = EmbeddingCells.inProcessModel();

        assertThat(cells.count()).isEqualTo(256);
        assertThat(cells.dimensions()).isEqualTo(384);
    }

    @Test
    void cellsAreOrderedByTheirCentroidsCosineAndTheNearestIsTheVectorsCell() {
        List<float[]> centroids = List.of(axis(0), axis(1), axis(2));
        EmbeddingCells cells = EmbeddingCells.of(centroids);
        float[] mostlySecondThenThird = Vectors.unit(new float[] {0.1f, 0.9f, 0.4f, 0});

        assertThat(cells.nearestFirst(mostlySecondThenThird)).containsExactly(2, 3, 1);
        assertThat(cells.of(mostlySecondThenThird)).isEqualTo(2);
    }

    @Test
    void theResourceFormatReadsBackTheSameCells() throws Exception {
        List<float[]> centroids = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            centroids.add(randomUnit(384));
        }
        EmbeddingCells written = EmbeddingCells.of(centroids);

        EmbeddingCells read = EmbeddingCells.read(new ByteArrayInputStream(
                written.write(List.of("fitted on nothing", "by a test")).getBytes(StandardCharsets.US_ASCII)));

        assertThat(read.count()).isEqualTo(20);
        for (int i = 0; i < 50; i++) {
            float[] vector = randomUnit(384);
            assertThat(read.nearestFirst(vector)).containsExactly(written.nearestFirst(vector));
        }
    }

    private static float[] axis(int dimension) {
        float[] vector = new float[4];
        vector[dimension] = 1;
        return vector;
    }

    private float[] randomUnit(int dimensions) {
        float[] vector = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return Vectors.unit(vector);
    }
}
