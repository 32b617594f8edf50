package io.newsdesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.fingerprint.StoryEmbedder;
import io.newsdesk.story.DedupArticle;
import io.newsdesk.story.DedupThresholds;
import io.newsdesk.story.DuplicateJudge;
import io.newsdesk.story.SameStoryFeatures;
import io.newsdesk.story.SameStoryModel;
import io.newsdesk.testing.Jsonl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Fits and evaluates {@link SameStoryModel} on a labelled pair file (JSON Lines, one pair a line:
 * {@code {"pairId","kind","origin","split":"dev|held-out","same":bool,"a":{"id","title","body","publishedAt"},"b":{..}}}).
 *
 * <p>Story embeddings come from the in-process MiniLM model through {@link StoryEmbedder}, as in the service.
 * Pairs that {@link DuplicateJudge} already calls copies (EXACT, NEAR_VERBATIM) are decided before the model and
 * are not fitted on. The model is fitted on the dev split only: features standardised, logistic regression by
 * Newton's method (IRLS) with an L2 penalty, then folded back to weights on the raw features. The threshold is the
 * lowest p whose dev precision (on the pairs the model decides) is at least {@value #MIN_PRECISION}. The held-out
 * split is only scored.
 *
 * <p>Prints, for dev and held-out, per kind recall of same pairs and the kept-apart rate of different pairs, and
 * overall pairwise precision/recall/F1, for the current rule (cosine >= 0.90 within 3 days, after copies), the
 * model, and the model with a perfect second opinion on its uncertain band (p in [ask-from, threshold)); the band's
 * size; and the candidate-recall proxy (same pairs with story cosine >= 0.5 or a shared rare name).
 *
 * <p>Usage: {@code RetellingEvaluation <pairs.jsonl> [--write-model]}; {@code --write-model} writes
 * src/main/resources/same-story-model.properties (run from the project root).
 */
public final class RetellingEvaluation {

    static final double MIN_PRECISION = 0.99;
    static final double ASK_FROM = 0.2;
    static final double L2 = 1.0;
    static final double CANDIDATE_COSINE = 0.5;
    static final Path MODEL_FILE = Path.of("src/main/resources", SameStoryModel.RESOURCE);

    record Side(String id, String title, String body, Instant publishedAt) {
    }

    record Pair(String id, String kind, String origin, String split, boolean same, Side a, Side b) {
    }

    /** A pair with what the methods decide on. */
    record Scored(Pair pair, SameStoryFeatures features, boolean copy, boolean currentRule) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RetellingEvaluation <pairs.jsonl> [--write-model]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        boolean write = List.of(args).contains("--write-model");
        List<Pair> pairs = read(file);
        List<Scored> scored = score(pairs);

        List<Scored> dev = scored.stream().filter(s -> s.pair.split.equals("dev")).toList();
        List<Scored> heldOut = scored.stream().filter(s -> s.pair.split.equals("held-out")).toList();
        List<Scored> devFit = dev.stream().filter(s -> !s.copy).toList();
        Fit fit = Fit.of(devFit);
        SameStoryModel fitted = new SameStoryModel(fit.weights, fit.bias, 1.0, ASK_FROM);
        double threshold = threshold(devFit, fitted);
        SameStoryModel model = new SameStoryModel(fit.weights, fit.bias, threshold, Math.min(ASK_FROM, threshold));

        System.out.printf(Locale.ROOT, "pairs: %s, %d dev (%d fitted, not copies), %d held-out%n", file, dev.size(),
                devFit.size(), heldOut.size());
        System.out.println();
        System.out.println("| feature | weight (standardised) | weight (raw) | dev mean | dev sd |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int i = 0; i < SameStoryFeatures.NAMES.size(); i++) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", SameStoryFeatures.NAMES.get(i),
                    fit.standardised[i], fit.weights[i], fit.mean[i], fit.sd[i]);
        }
        System.out.printf(Locale.ROOT, "bias (raw) %.3f; threshold (lowest p with dev precision >= %.2f) %.3f; "
                + "ask-from %.2f%n", fit.bias, MIN_PRECISION, threshold, model.askFrom());

        report("dev", dev, model);
        report("held-out", heldOut, model);
        examples(heldOut, model);

        if (write) {
            writeModel(model, file, dev, devFit.size());
            System.out.println();
            System.out.println("wrote " + MODEL_FILE);
        }
    }

    private static List<Pair> read(Path file) {
        List<Pair> pairs = new ArrayList<>();
        for (JsonNode row : Jsonl.read(file)) {
            pairs.add(new Pair(row.get("pairId").asText(), row.get("kind").asText(), row.path("origin").asText(""),
                    row.get("split").asText(), row.get("same").asBoolean(), side(row.get("a")), side(row.get("b"))));
        }
        return pairs;
    }

    private static Side side(JsonNode node) {
        JsonNode title = node.get("title");
        JsonNode at = node.get("publishedAt");
        return new Side(node.get("id").asText(), title == null || title.isNull() ? null : title.asText(),
                node.get("body").asText(), at == null || at.isNull() ? null : Instant.parse(at.asText()));
    }

    private static List<Scored> score(List<Pair> pairs) {
        StoryEmbedder embedder = new StoryEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
        Map<String, float[]> embeddings = new HashMap<>();
        Map<Side, DedupArticle> articles = new HashMap<>();
        Map<Side, SameStoryFeatures.Side> sides = new HashMap<>();
        DuplicateJudge current = new DuplicateJudge();
        DuplicateJudge copies = new DuplicateJudge(DedupThresholds.DEFAULTS.copiesOnly());
        List<Scored> scored = new ArrayList<>();
        for (Pair pair : pairs) {
            for (Side side : List.of(pair.a, pair.b)) {
                float[] embedding = embeddings.computeIfAbsent(side.title + "\u0000" + side.body,
                        k -> embedder.embed(side.title, side.body));
                articles.computeIfAbsent(side, s -> DedupArticle.of(s.title, s.body, s.publishedAt, embedding));
                sides.computeIfAbsent(side, s -> SameStoryFeatures.Side.of(s.title, s.body,
                        embedding, s.publishedAt));
            }
            DedupArticle a = articles.get(pair.a);
            DedupArticle b = articles.get(pair.b);
            scored.add(new Scored(pair, SameStoryFeatures.of(sides.get(pair.a), sides.get(pair.b)),
                    copies.judge(a, b).isPresent(), current.judge(a, b).isPresent()));
        }
        return scored;
    }

    /** Whether the model (after the copy rules, within the candidate window) calls the pair the same story. */
    private static boolean modelSays(Scored s, SameStoryModel model) {
        return s.copy || (withinWindow(s) && model.isSameStory(s.features));
    }

    private static boolean inBand(Scored s, SameStoryModel model) {
        return !s.copy && withinWindow(s) && model.isUncertain(s.features);
    }

    private static boolean withinWindow(Scored s) {
        return s.features.apart() == null || s.features.apart().compareTo(SameStoryFeatures.WINDOW) <= 0;
    }

    /** The lowest p among the pairs such that the pairs at or above it have precision >= MIN_PRECISION. */
    private static double threshold(List<Scored> fitted, SameStoryModel model) {
        List<Scored> byP = new ArrayList<>(fitted);
        byP.sort(Comparator.comparingDouble((Scored s) -> model.probability(s.features)).reversed());
        double best = 1.0;
        int tp = 0;
        for (int i = 0; i < byP.size(); i++) {
            if (byP.get(i).pair.same) {
                tp++;
            }
            double p = model.probability(byP.get(i).features);
            boolean lastOfTies = i + 1 == byP.size() || model.probability(byP.get(i + 1).features) < p;
            if (lastOfTies && tp >= MIN_PRECISION * (i + 1)) {
                best = p;
            }
        }
        return best;
    }

    private static void report(String split, List<Scored> pairs, SameStoryModel model) {
        Set<String> kinds = new LinkedHashSet<>();
        pairs.forEach(s -> kinds.add(s.pair.kind));
        Map<String, Predicate<Scored>> methods = new LinkedHashMap<>();
        methods.put("current rule (copies, cosine >= 0.90)", s -> s.currentRule);
        methods.put(String.format(Locale.ROOT, "model (copies, p >= %.3f)", model.threshold()),
                s -> modelSays(s, model));
        methods.put("model + oracle on band", s -> modelSays(s, model) || (inBand(s, model) && s.pair.same));

        System.out.println();
        System.out.printf(Locale.ROOT, "## %s: %d pairs%n%n", split, pairs.size());
        StringBuilder header = new StringBuilder("| method |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String kind : kinds) {
            long same = pairs.stream().filter(s -> s.pair.kind.equals(kind) && s.pair.same).count();
            long different = pairs.stream().filter(s -> s.pair.kind.equals(kind) && !s.pair.same).count();
            if (same > 0) {
                header.append(String.format(Locale.ROOT, " %s recall (n=%d) |", kind, same));
                rule.append("---:|");
            }
            if (different > 0) {
                header.append(String.format(Locale.ROOT, " %s kept apart (n=%d) |", kind, different));
                rule.append("---:|");
            }
        }
        System.out.println(header.append(" P | R | F1 |"));
        System.out.println(rule.append("---:|---:|---:|"));
        for (Map.Entry<String, Predicate<Scored>> method : methods.entrySet()) {
            StringBuilder row = new StringBuilder("| " + method.getKey() + " |");
            Predicate<Scored> says = method.getValue();
            for (String kind : kinds) {
                List<Scored> same = pairs.stream().filter(s -> s.pair.kind.equals(kind) && s.pair.same).toList();
                List<Scored> different = pairs.stream().filter(s -> s.pair.kind.equals(kind) && !s.pair.same)
                        .toList();
                if (!same.isEmpty()) {
                    row.append(String.format(Locale.ROOT, " %.3f |", share(same, says)));
                }
                if (!different.isEmpty()) {
                    row.append(String.format(Locale.ROOT, " %.3f |", share(different, says.negate())));
                }
            }
            long tp = pairs.stream().filter(s -> s.pair.same && says.test(s)).count();
            long fp = pairs.stream().filter(s -> !s.pair.same && says.test(s)).count();
            long positives = pairs.stream().filter(s -> s.pair.same).count();
            double p = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
            double r = positives == 0 ? 0 : tp / (double) positives;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            System.out.println(row.append(String.format(Locale.ROOT, " %.3f | %.3f | %.3f |", p, r, f1)));
        }
        List<Scored> positives = pairs.stream().filter(s -> s.pair.same).toList();
        long bandSame = positives.stream().filter(s -> inBand(s, model)).count();
        long bandDifferent = pairs.stream().filter(s -> !s.pair.same && inBand(s, model)).count();
        System.out.printf(Locale.ROOT, "%nuncertain band p in [%.2f, %.3f): %d same pairs, %d different pairs "
                + "(the LLM questions)%n", model.askFrom(), model.threshold(), bandSame, bandDifferent);
        System.out.printf(Locale.ROOT, "candidate recall proxy (story cosine >= %.1f or a shared rare name): "
                + "%.3f of %d same pairs (cosine alone %.3f)%n", CANDIDATE_COSINE,
                share(positives, s -> s.features.cosine() >= CANDIDATE_COSINE || s.features.rareNames() > 0),
                positives.size(), share(positives, s -> s.features.cosine() >= CANDIDATE_COSINE));
    }

    private static void examples(List<Scored> pairs, SameStoryModel model) {
        System.out.println();
        System.out.println("held-out explanations (first same and first different pair of each kind):");
        Set<String> shown = new LinkedHashSet<>();
        for (Scored s : pairs) {
            if (!s.copy && shown.add(s.pair.kind + "/" + s.pair.same)) {
                System.out.printf(Locale.ROOT, "  %s (%s, same=%s): %s%n", s.pair.id, s.pair.kind, s.pair.same,
                        model.explain(s.features));
            }
        }
    }

    private static double share(List<Scored> pairs, Predicate<Scored> test) {
        return pairs.isEmpty() ? 0 : pairs.stream().filter(test).count() / (double) pairs.size();
    }

    private static void writeModel(SameStoryModel model, Path pairs, List<Scored> dev, int fitted)
            throws IOException {
        Map<String, Integer> kinds = new TreeMap<>();
        dev.forEach(s -> kinds.merge(s.pair.kind + (s.pair.same ? " same" : " different") + " (" + s.pair.origin
                + ")", 1, Integer::sum));
        StringBuilder out = new StringBuilder();
        out.append("# Same-story logistic model (io.newsdesk.story.SameStoryModel): p = sigmoid(bias + sum weight.f * f)\n");
        out.append("# over the raw SameStoryFeatures; same story at p >= threshold, uncertain (ask an LLM) from ask-from.\n");
        out.append("# Written by: io.newsdesk.eval.RetellingEvaluation ").append(pairs).append(" --write-model\n");
        out.append("#   (./mvnw -B -o -Peval test-compile exec:java -Dexec.args=\"").append(pairs)
                .append(" --write-model\")\n");
        out.append("# Fitted on the dev split only (").append(fitted).append(" of ").append(dev.size())
                .append(" dev pairs; copies excluded), standardised IRLS with L2 ").append(L2)
                .append("; threshold = lowest p with dev precision >= ").append(MIN_PRECISION).append(".\n");
        out.append("# Date: ").append(LocalDate.now()).append("; dev pairs by kind:\n");
        kinds.forEach((kind, count) -> out.append("#   ").append(kind).append(": ").append(count).append('\n'));
        for (int i = 0; i < SameStoryFeatures.NAMES.size(); i++) {
            out.append(String.format(Locale.ROOT, "weight.%s=%.6f%n", SameStoryFeatures.NAMES.get(i),
                    model.weights()[i]));
        }
        out.append(String.format(Locale.ROOT, "bias=%.6f%nthreshold=%.6f%nask-from=%.6f%n", model.bias(),
                model.threshold(), model.askFrom()));
        Files.writeString(MODEL_FILE, out, StandardCharsets.UTF_8);
    }

    /** Standardised L2-penalised logistic regression by Newton's method, folded back to raw-feature weights. */
    static final class Fit {
        final double[] mean;
        final double[] sd;
        final double[] standardised;
        final double[] weights;
        final double bias;

        private Fit(double[] mean, double[] sd, double[] standardised, double[] weights, double bias) {
            this.mean = mean;
            this.sd = sd;
            this.standardised = standardised;
            this.weights = weights;
            this.bias = bias;
        }

        static Fit of(List<Scored> pairs) {
            int d = SameStoryFeatures.NAMES.size();
            int n = pairs.size();
            double[][] raw = new double[n][];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                raw[i] = pairs.get(i).features.vector();
                y[i] = pairs.get(i).pair.same ? 1 : 0;
            }
            double[] mean = new double[d];
            double[] sd = new double[d];
            for (int j = 0; j < d; j++) {
                for (double[] x : raw) {
                    mean[j] += x[j] / n;
                }
                for (double[] x : raw) {
                    sd[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
                }
                sd[j] = Math.sqrt(sd[j]);
            }
            double[][] z = new double[n][d + 1];
            for (int i = 0; i < n; i++) {
                z[i][0] = 1;
                for (int j = 0; j < d; j++) {
                    z[i][j + 1] = sd[j] == 0 ? 0 : (raw[i][j] - mean[j]) / sd[j];
                }
            }
            double[] beta = new double[d + 1];
            for (int iteration = 0; iteration < 50; iteration++) {
                double[] gradient = new double[d + 1];
                double[][] hessian = new double[d + 1][d + 1];
                for (int i = 0; i < n; i++) {
                    double p = sigmoid(dot(beta, z[i]));
                    double w = p * (1 - p);
                    for (int j = 0; j <= d; j++) {
                        gradient[j] += (y[i] - p) * z[i][j];
                        for (int k = 0; k <= d; k++) {
                            hessian[j][k] += w * z[i][j] * z[i][k];
                        }
                    }
                }
                for (int j = 1; j <= d; j++) {
                    gradient[j] -= L2 * beta[j];
                    hessian[j][j] += L2;
                }
                hessian[0][0] += 1e-9;
                double[] step = solve(hessian, gradient);
                double size = 0;
                for (int j = 0; j <= d; j++) {
                    beta[j] += step[j];
                    size = Math.max(size, Math.abs(step[j]));
                }
                if (size < 1e-8) {
                    break;
                }
            }
            double[] standardised = new double[d];
            double[] weights = new double[d];
            double bias = beta[0];
            for (int j = 0; j < d; j++) {
                standardised[j] = beta[j + 1];
                weights[j] = sd[j] == 0 ? 0 : beta[j + 1] / sd[j];
                bias -= weights[j] * mean[j];
            }
            return new Fit(mean, sd, standardised, weights, bias);
        }

        private static double sigmoid(double x) {
            return 1 / (1 + Math.exp(-x));
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }

        /** Gaussian elimination with partial pivoting; {@code a} is symmetric positive definite here. */
        private static double[] solve(double[][] a, double[] b) {
            int n = b.length;
            double[][] m = new double[n][n + 1];
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], 0, m[i], 0, n);
                m[i][n] = b[i];
            }
            for (int col = 0; col < n; col++) {
                int pivot = col;
                for (int r = col + 1; r < n; r++) {
                    if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                        pivot = r;
                    }
                }
                double[] t = m[col];
                m[col] = m[pivot];
                m[pivot] = t;
                for (int r = col + 1; r < n; r++) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
            double[] x = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double s = m[i][n];
                for (int j = i + 1; j < n; j++) {
                    s -= m[i][j] * x[j];
                }
                x[i] = s / m[i][i];
            }
            return x;
        }
    }
}
