package io.newsdesk.embedding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A partition of the in-process model's embedding space into cells around fixed centroids (an inverted-file index,
 * IVF): every stored story embedding keeps the number of its nearest centroid, and the window scan reads the window's
 * cells nearest to the new article first, so that in a dense window it reads a bounded number of embeddings, those
 * most likely to be near, instead of all of them. The centroids were fitted once by spherical k-means on the BBC
 * corpus' story embeddings ({@code EmbeddingCellsFit}; the resource's header says how); any partition is correct, a
 * fitted one only makes the nearest cells hold the nearest embeddings more often. Cell 0 is "no cell": embeddings of
 * another model, and those stored before cells existed.
 */
public final class EmbeddingCells {

    /** The cells of all-MiniLM-L6-v2's story embeddings, the in-process model. */
    public static final String IN_PROCESS_RESOURCE = "/embedding-cells-all-minilm-l6-v2.txt";
    /** The cell of embeddings without one. */
    public static final int NONE = 0;

    private final List<byte[]> centroids;

    EmbeddingCells(List<byte[]> centroids) {
        if (centroids.isEmpty() || centroids.size() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("between 1 and 32767 cells: " + centroids.size());
        }
        this.centroids = List.copyOf(centroids);
    }

    /** The in-process model's cells, read from {@value #IN_PROCESS_RESOURCE}. */
    public static EmbeddingCells inProcessModel() {
        return InProcess.CELLS;
    }

    /** Cells around these unit centroids. */
    public static EmbeddingCells of(List<float[]> centroids) {
        return new EmbeddingCells(centroids.stream().map(Vectors::toInt8).toList());
    }

    /** Reads the resource format: '#' comment lines, then one centroid per line, base64 of {@link Vectors#toInt8}. */
    static EmbeddingCells read(InputStream in) throws IOException {
        List<byte[]> centroids = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    centroids.add(Base64.getDecoder().decode(line.strip()));
                }
            }
        }
        return new EmbeddingCells(centroids);
    }

    /** The resource format of {@link #read}, after the given comment lines. */
    public String write(List<String> comments) {
        StringBuilder out = new StringBuilder();
        comments.forEach(comment -> out.append("# ").append(comment).append('\n'));
        centroids.forEach(centroid -> out.append(Base64.getEncoder().encodeToString(centroid)).append('\n'));
        return out.toString();
    }

    public int count() {
        return centroids.size();
    }

    public int dimensions() {
        return centroids.get(0).length - Float.BYTES;
    }

    /** The cells (1 to {@link #count()}) ordered by their centroid's cosine with the unit vector, nearest first. */
    public int[] nearestFirst(float[] vector) {
        double[] cosine = cosines(vector);
        return IntStream.range(0, cosine.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> cosine[c]).reversed())
                .mapToInt(c -> c + 1).toArray();
    }

    /** The cell of the unit vector: its nearest centroid (the first of {@link #nearestFirst}, without the sort). */
    public int of(float[] vector) {
        double[] cosine = cosines(vector);
        int best = 0;
        for (int c = 1; c < cosine.length; c++) {
            if (cosine[c] > cosine[best]) {
                best = c;
            }
        }
        return best + 1;
    }

    private double[] cosines(float[] vector) {
        double[] cosine = new double[centroids.size()];
        for (int c = 0; c < cosine.length; c++) {
            cosine[c] = Vectors.dotInt8(vector, centroids.get(c));
        }
        return cosine;
    }

    /** Loaded on first use, once. */
    private static final class InProcess {
        static final EmbeddingCells CELLS = load();

        private static EmbeddingCells load() {
            try (InputStream in = EmbeddingCells.class.getResourceAsStream(IN_PROCESS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + IN_PROCESS_RESOURCE);
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
