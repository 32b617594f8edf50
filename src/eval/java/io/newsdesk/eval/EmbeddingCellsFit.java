package io.newsdesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.embedding.EmbeddingCells;
import io.newsdesk.embedding.Vectors;
import io.newsdesk.fingerprint.StoryEmbedder;
import io.newsdesk.testing.Jsonl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fits the window scan's cells ({@link EmbeddingCells}): spherical k-means (k-means++ seeding, fixed seed) over the
 * story embeddings of a corpus, as the service computes them, and writes the centroids in the resource format.
 *
 * <pre>
 * ./mvnw -q -Peval test-compile exec:java -Dexec.mainClass=io.newsdesk.eval.EmbeddingCellsFit \
 *        -Dexec.classpathScope=test \
 *        -Dexec.args="../shared/eval/bbc.jsonl 256 src/main/resources/embedding-cells-all-minilm-l6-v2.txt"
 * </pre>
 */
public final class EmbeddingCellsFit {

    private static final long SEED = 42;
    private static final int ITERATIONS = 30;

    private EmbeddingCellsFit() {
    }

    public static void main(String[] args) throws Exception {
        String usage = "EmbeddingCellsFit corpus.jsonl cells out.txt";
        Path corpus = Corpora.fromArgument(args, 0, usage);
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        int cells = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        StoryEmbedder embedder = new StoryEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
        List<float[]> points = new ArrayList<>();
        for (JsonNode article : Jsonl.read(corpus)) {
            points.add(embedder.embed(article.path("title").asText(null), article.path("body").asText()));
        }
        Fit fit = fit(points, cells, new Random(SEED));
        List<String> comments = List.of(
                "Window-scan cells of all-MiniLM-L6-v2 story embeddings (io.newsdesk.embedding.EmbeddingCells):",
                "one centroid per line, base64 of Vectors.toInt8 (float32 scale, then one signed byte per dimension).",
                String.format(Locale.ROOT, "Spherical k-means, k = %d, k-means++ seeding (seed %d), %d iterations, over "
                        + "the %d story embeddings (title and lead) of %s.", cells, SEED, ITERATIONS, points.size(),
                        corpus.getFileName()),
                String.format(Locale.ROOT, "Mean cosine to the own centroid %.3f; largest cell %d, empty cells %d.",
                        fit.meanCosine(), fit.largest(), fit.empty()),
                "Written by: ./mvnw -q -Peval test-compile exec:java -Dexec.mainClass=io.newsdesk.eval.EmbeddingCellsFit"
                        + " -Dexec.classpathScope=test -Dexec.args=\"bbc.jsonl " + cells + " " + out + "\"",
                "Date: " + LocalDate.now());
        Files.writeString(out, EmbeddingCells.of(fit.centroids()).write(comments));
        comments.forEach(System.out::println);
    }

    record Fit(List<float[]> centroids, double meanCosine, int largest, int empty) {
    }

    /** Spherical k-means: assign each unit point to its most similar centroid, re-centre on the mean direction. */
    static Fit fit(List<float[]> points, int k, Random random) {
        List<float[]> centroids = seeds(points, k, random);
        int[] assigned = new int[points.size()];
        double total = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            total = 0;
            for (int p = 0; p < points.size(); p++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double cosine = Vectors.dot(points.get(p), centroids.get(c));
                    if (cosine > best) {
                        best = cosine;
                        assigned[p] = c;
                    }
                }
                total += best;
            }
            float[][] sums = new float[k][points.get(0).length];
            int[] sizes = new int[k];
            for (int p = 0; p < points.size(); p++) {
                sizes[assigned[p]]++;
                float[] point = points.get(p);
                for (int d = 0; d < point.length; d++) {
                    sums[assigned[p]][d] += point[d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] > 0) {
                    centroids.set(c, Vectors.unit(sums[c]));
                }
            }
        }
        int[] sizes = new int[k];
        for (int cell : assigned) {
            sizes[cell]++;
        }
        int largest = 0;
        int empty = 0;
        for (int size : sizes) {
            largest = Math.max(largest, size);
            empty += size == 0 ? 1 : 0;
        }
        return new Fit(centroids, total / points.size(), largest, empty);
    }

    /** k-means++: each next seed drawn with probability proportional to its distance from the nearest seed so far. */
    private static List<float[]> seeds(List<float[]> points, int k, Random random) {
        List<float[]> seeds = new ArrayList<>();
        seeds.add(points.get(random.nextInt(points.size())));
        double[] distance = new double[points.size()];
        java.util.Arrays.fill(distance, Double.MAX_VALUE);
        while (seeds.size() < k) {
            float[] last = seeds.get(seeds.size() - 1);
            double sum = 0;
            for (int p = 0; p < points.size(); p++) {
                distance[p] = Math.min(distance[p], Math.max(0, 1 - Vectors.dot(points.get(p), last)));
                sum += distance[p];
            }
            double target = random.nextDouble() * sum;
            int chosen = points.size() - 1;
            for (int p = 0; p < points.size(); p++) {
                target -= distance[p];
                if (target <= 0) {
                    chosen = p;
                    break;
                }
            }
            seeds.add(points.get(chosen));
        }
        return seeds;
    }
}
