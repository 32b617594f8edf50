package io.newsdesk.story;

import io.newsdesk.eval.Corpora;
import io.newsdesk.fingerprint.LshBands;
import io.newsdesk.fingerprint.Resemblance;
import io.newsdesk.fingerprint.Shingles;
import io.newsdesk.fingerprint.StoryEmbedder;
import io.newsdesk.fingerprint.TextFingerprint;
import io.newsdesk.store.DuplicateKind;
import io.newsdesk.fingerprint.TextNormalizer;

import io.newsdesk.embedding.Vectors;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.extract.ArticleCleaner;
import io.newsdesk.story.DevSet.CopyType;
import io.newsdesk.story.DevSet.DevArticle;
import io.newsdesk.story.DevSet.Label;
import io.newsdesk.story.InMemoryDedupPipeline.Edge;
import io.newsdesk.testing.Seeds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates story deduplication on the {@link DevSet} and prints Markdown tables: the shingling and LSH choices,
 * threshold sweeps, the final pairwise and B-cubed scores overall and per copy type, and the seed check (the five
 * seed articles must stay five stories).
 *
 * <pre>
 * ./mvnw -q -Peval test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.newsdesk.story.DedupEvaluation \
 *     -Dexec.args="../shared/eval/bbc.jsonl"
 * </pre>
 * Arguments: {@code [bbc.jsonl] [copies per type, default 120] [seed, default 7]}.
 */
public final class DedupEvaluation {

    private static final int NEIGHBOURS = 10;
    private static final double NEIGHBOUR_FLOOR = 0.5;

    private final DevSet.Data data;
    private final long seed;
    private final List<DevArticle> order;
    private final Map<String, String> cleaned = new HashMap<>();
    private final Map<String, float[]> embeddings = new HashMap<>();

    private DedupEvaluation(DevSet.Data data, long seed) {
        this.data = data;
        this.seed = seed;
        List<DevArticle> shuffled = new ArrayList<>(data.articles());
        Collections.shuffle(shuffled, new Random(seed + 1));
        this.order = List.copyOf(shuffled);
    }

    public static void main(String[] args) {
        Path file = Corpora.fromArgument(args, 0, "DedupEvaluation bbc.jsonl [copies-per-type] [seed]");
        int perType = args.length > 1 ? Integer.parseInt(args[1].trim()) : 120;
        long seed = args.length > 2 ? Long.parseLong(args[2].trim()) : 7;
        long started = System.nanoTime();
        DevSet.Data data = DevSet.build(file, seed, perType);
        DedupEvaluation evaluation = new DedupEvaluation(data, seed);
        evaluation.prepare();
        evaluation.report();
        evaluation.seedCheck();
        System.out.printf(Locale.ROOT, "%nDone in %.0f s.%n", (System.nanoTime() - started) / 1e9);
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------ data

    private void prepare() {
        ArticleCleaner cleaner = new ArticleCleaner();
        long t0 = System.nanoTime();
        for (DevArticle a : data.articles()) {
            cleaned.put(a.id(), cleaner.clean(a.title(), a.body(), null).text());
        }
        long t1 = System.nanoTime();
        StoryEmbedder embedder = new StoryEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
        Map<Long, float[]> cache = readCache();
        int computed = 0;
        for (DevArticle a : data.articles()) {
            long key = TextNormalizer.exactHash(a.title() + "\u0000" + cleaned.get(a.id()));
            float[] vector = cache.get(key);
            if (vector == null) {
                vector = embedder.embed(a.title(), cleaned.get(a.id()));
                cache.put(key, vector);
                computed++;
            }
            embeddings.put(a.id(), vector);
        }
        if (computed > 0) {
            writeCache(cache);
        }
        long t2 = System.nanoTime();
        Map<CopyType, Integer> counts = new EnumMap<>(CopyType.class);
        data.articles().forEach(a -> counts.merge(a.type(), 1, Integer::sum));
        Map<Label, Integer> labels = new EnumMap<>(Label.class);
        data.pairs().forEach(p -> labels.merge(p.label(), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "# Story deduplication on the BBC development set%n%n");
        System.out.printf(Locale.ROOT, "%d articles %s; natural labelled pairs %s; %d gold copy groups, %d gold "
                + "stories. Cleaning %.1f s, story embeddings (title + %d lead sentences) %.1f s.%n",
                data.articles().size(), counts, labels, new HashSet<>(data.copyGroup().values()).size(),
                new HashSet<>(data.story().values()).size(), (t1 - t0) / 1e9, StoryEmbedder.LEAD_SENTENCES,
                (t2 - t1) / 1e9);
    }

    /** Story embeddings of earlier runs, by hash of title and cleaned text (target/ only, never committed). */
    private static final Path CACHE = Path.of("target", "dedup-eval", "story-embeddings.bin");

    private static Map<Long, float[]> readCache() {
        Map<Long, float[]> cache = new HashMap<>();
        if (!java.nio.file.Files.exists(CACHE)) {
            return cache;
        }
        try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                java.nio.file.Files.newInputStream(CACHE)))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long key = in.readLong();
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = in.readFloat();
                }
                cache.put(key, v);
            }
        } catch (java.io.IOException e) {
            cache.clear();
        }
        return cache;
    }

    private static void writeCache(Map<Long, float[]> cache) {
        try {
            java.nio.file.Files.createDirectories(CACHE.getParent());
            try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                    java.nio.file.Files.newOutputStream(CACHE)))) {
                out.writeInt(cache.size());
                for (var e : cache.entrySet()) {
                    out.writeLong(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("could not write the embedding cache: " + e);
        }
    }

    private InMemoryDedupPipeline run(Shingles shingles, LshBands bands, boolean withEmbeddings) {
        InMemoryDedupPipeline pipeline = new InMemoryDedupPipeline(bands, withEmbeddings ? NEIGHBOURS : 0,
                NEIGHBOUR_FLOOR, DedupThresholds.DEFAULTS.sameStoryWindow());
        for (DevArticle a : order) {
            String text = cleaned.get(a.id());
            pipeline.add(DedupArticle.of(a.title(), text, a.publishedAt(),
                    withEmbeddings ? embeddings.get(a.id()) : null, TextFingerprint.of(text, shingles, bands)));
        }
        return pipeline;
    }

    private Map<String, String> assignment(int[] stories) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < stories.length; i++) {
            out.put(order.get(i).id(), order.get(stories[i]).id());
        }
        return out;
    }

    /** Scores of a prediction: precision against the gold stories, recall against {@code recallGold}. */
    private record Row(long goldPairs, ClusteringMetrics.Scores pairwise, ClusteringMetrics.Scores bcubed) {
    }

    private Row score(Map<String, String> predicted, Map<String, String> recallGold, Set<String> focus) {
        ClusteringMetrics vsStory = new ClusteringMetrics(predicted, data.story());
        ClusteringMetrics vsRecall = new ClusteringMetrics(predicted, recallGold);
        var p = focus == null ? vsStory.pairwise() : vsStory.pairwise(focus);
        var r = focus == null ? vsRecall.pairwise() : vsRecall.pairwise(focus);
        var bp = focus == null ? vsStory.bcubed() : vsStory.bcubed(focus);
        var br = focus == null ? vsRecall.bcubed() : vsRecall.bcubed(focus);
        return new Row(r.goldPairs(), new ClusteringMetrics.Scores(p.scores().precision(), r.scores().recall()),
                new ClusteringMetrics.Scores(bp.precision(), br.recall()));
    }

    private Map<String, Set<String>> focusSets() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (CopyType type : CopyType.values()) {
            if (type != CopyType.ORIGINAL) {
                Set<String> ids = new HashSet<>();
                data.articles().stream().filter(a -> a.type() == type).forEach(a -> ids.add(a.id()));
                out.put("generated " + type.name().toLowerCase(Locale.ROOT), ids);
            }
        }
        for (Label label : Label.values()) {
            Set<String> ids = new HashSet<>();
            data.pairs().stream().filter(p -> p.label() == label).forEach(p -> {
                ids.add(p.a());
                ids.add(p.b());
            });
            out.put(label.name().toLowerCase(Locale.ROOT).replace('_', ' '), ids);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ report

    private void report() {
        // 1. Shingling: best threshold per option at precision >= 0.99 on the copy-only judge.
        System.out.printf(Locale.ROOT, "%n## Shingling (copy judge only, LSH %s, best grid point with pairwise P >= "
                + "0.99)%n%n", LshBands.DEFAULT);
        System.out.println("| shingles | containment | min Jaccard | P | R (copies) | F1 | R at default thresholds "
                + "| candidates per article | shingling + MinHash ms per article |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Shingles s : List.of(Shingles.words(3), Shingles.words(4), Shingles.words(5), Shingles.words(7),
                Shingles.chars(7), Shingles.chars(9))) {
            long t0 = System.nanoTime();
            for (DevArticle a : order.subList(0, 500)) {
                TextFingerprint.of(cleaned.get(a.id()), s, LshBands.DEFAULT);
            }
            double ms = (System.nanoTime() - t0) / 1e6 / 500;
            InMemoryDedupPipeline pipeline = run(s, LshBands.DEFAULT, false);
            double perArticle = (double) pipeline.candidates().size() / order.size();
            double[] best = null;
            for (double c = 0.50; c <= 0.951; c += 0.05) {
                for (double j : new double[] {0.10, 0.15, 0.20, 0.25, 0.30}) {
                    Row row = copies(pipeline, DedupThresholds.DEFAULTS.withNearVerbatim(c, j, 0.5));
                    double f1 = row.pairwise().f1();
                    if (row.pairwise().precision() >= 0.99 && (best == null || f1 > best[4] + 1e-9)) {
                        best = new double[] {c, j, row.pairwise().precision(), row.pairwise().recall(), f1};
                    }
                }
            }
            Row atDefault = copies(pipeline, DedupThresholds.DEFAULTS);
            if (best == null) {
                System.out.printf(Locale.ROOT, "| %s | - | - | - | - | - | %.4f | %.1f | %.2f |%n", s,
                        atDefault.pairwise().recall(), perArticle, ms);
            } else {
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.4f | %.4f | %.4f | %.4f | %.1f | %.2f |%n", s,
                        best[0], best[1], best[2], best[3], best[4], atDefault.pairwise().recall(), perArticle, ms);
            }
        }

        // 2. LSH banding: candidate recall of gold copy pairs and candidates per article.
        System.out.printf(Locale.ROOT, "%n## LSH banding (%s, 128-value MinHash)%n%n", Shingles.DEFAULT);
        System.out.println("| bands x rows | P(candidate) at J=0.2/0.3/0.5 | direct copy pairs found | "
                + "candidates per article | copy R after judging |");
        System.out.println("|---|---|---|---|---|");
        Set<String> goldCopyPairs = goldCopyPairs();
        for (LshBands b : List.of(new LshBands(16, 8), new LshBands(32, 4), new LshBands(42, 3),
                new LshBands(64, 2), new LshBands(128, 1))) {
            InMemoryDedupPipeline pipeline = run(Shingles.DEFAULT, b, false);
            long found = pipeline.candidates().stream().filter(c -> c.byBand())
                    .filter(c -> goldCopyPairs.contains(pairKey(order.get(c.later()).id(),
                            order.get(c.earlier()).id()))).count();
            Row row = copies(pipeline, DedupThresholds.DEFAULTS);
            System.out.printf(Locale.ROOT, "| %s | %.2f / %.2f / %.2f | %.4f (%d of %d) | %.2f | %.4f |%n", b,
                    b.collisionProbability(0.2), b.collisionProbability(0.3), b.collisionProbability(0.5),
                    (double) found / goldCopyPairs.size(), found, goldCopyPairs.size(),
                    (double) pipeline.candidates().size() / order.size(), row.pairwise().recall());
        }

        // 3. Near-verbatim threshold sweep on the default shingling.
        InMemoryDedupPipeline pipeline = run(Shingles.DEFAULT, LshBands.DEFAULT, true);
        System.out.printf(Locale.ROOT, "%n## NEAR_VERBATIM thresholds (%s; containment rule needs Jaccard >= %.2f)%n%n",
                Shingles.DEFAULT, DedupThresholds.DEFAULTS.nearVerbatimMinJaccard());
        System.out.println("| containment | Jaccard alone | P | R (copies) | F1 | false pairs | missed copy pairs |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (double c : new double[] {0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9}) {
            for (double j : new double[] {0.5, 0.6, 0.7}) {
                DedupThresholds t = DedupThresholds.DEFAULTS.withNearVerbatim(c,
                        DedupThresholds.DEFAULTS.nearVerbatimMinJaccard(), j);
                Map<String, String> predicted = storiesOf(pipeline, t);
                Row row = score(predicted, data.copyGroup(), null);
                var vsStory = new ClusteringMetrics(predicted, data.story()).pairwise();
                var vsCopies = new ClusteringMetrics(predicted, data.copyGroup()).pairwise();
                long missed = Math.round(vsCopies.goldPairs() * (1 - vsCopies.scores().recall()));
                System.out.printf(Locale.ROOT, "| %.2f | %.2f | %.4f | %.4f | %.4f | %d | %d |%n", c, j,
                        row.pairwise().precision(), row.pairwise().recall(), row.pairwise().f1(),
                        vsStory.predictedPairs() - vsStory.truePairs(), missed);
            }
        }

        // 4. SAME_STORY threshold of the same-story model.
        System.out.printf(Locale.ROOT, "%n## SAME_STORY model threshold (story gold; copies judged with the defaults)"
                + "%n%n");
        System.out.println("| p at least | P | R | F1 | natural same-story pairs joined | SAME_STORY edges | false edges |");
        System.out.println("|---|---|---|---|---|---|---|");
        Set<String> sameStoryPairs = new HashSet<>();
        data.pairs().stream().filter(p -> p.label() == Label.NATURAL_SAME_STORY)
                .forEach(p -> sameStoryPairs.add(pairKey(p.a(), p.b())));
        SameStoryModel model = SameStoryModel.load();
        for (double t : new double[] {Double.POSITIVE_INFINITY, 0.99, 0.95, model.threshold(), 0.8, 0.6}) {
            List<Edge> edges = pipeline.judge(new DuplicateJudge(DedupThresholds.DEFAULTS,
                    t > 1 ? null : model.withBand(Math.min(model.askFrom(), t), t)));
            Map<String, String> predicted = assignment(pipeline.unionStories(edges));
            ClusteringMetrics m = new ClusteringMetrics(predicted, data.story());
            long together = sameStoryPairs.stream().filter(k -> {
                String[] ids = k.split("\\|");
                return predicted.get(ids[0]).equals(predicted.get(ids[1]));
            }).count();
            long sameStoryEdges = edges.stream().filter(e -> e.verdict().kind() == DuplicateKind.SAME_STORY).count();
            long falseEdges = edges.stream().filter(e -> e.verdict().kind() == DuplicateKind.SAME_STORY)
                    .filter(e -> !data.story().get(order.get(e.later()).id())
                            .equals(data.story().get(order.get(e.earlier()).id()))).count();
            System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %d/%d | %d | %d |%n", fmt(t),
                    m.pairwise().scores().precision(), m.pairwise().scores().recall(), m.pairwise().scores().f1(),
                    together, sameStoryPairs.size(), sameStoryEdges, falseEdges);
        }
        evidence(pipeline);

        // 5. Final tables at the defaults.
        finalTables(pipeline);
        falseMerges(pipeline);
    }

    /** The labelled same-story pairs and the hardest different-story candidate pairs, with their evidence. */
    private void evidence(InMemoryDedupPipeline pipeline) {
        Map<String, PairEvidence> byPair = new HashMap<>();
        for (var c : pipeline.candidates()) {
            byPair.put(pairKey(order.get(c.later()).id(), order.get(c.earlier()).id()), c.evidence());
        }
        System.out.printf(Locale.ROOT, "%n### Labelled natural SAME_STORY pairs%n%n| pair | cosine | containment | "
                + "Jaccard |%n|---|---|---|---|%n");
        data.pairs().stream().filter(p -> p.label() == Label.NATURAL_SAME_STORY).forEach(p -> {
            PairEvidence e = byPair.get(pairKey(p.a(), p.b()));
            System.out.printf(Locale.ROOT, "| %s ~ %s | %s | %s | %s |%n", p.a(), p.b(),
                    e == null ? "not a candidate" : String.format(Locale.ROOT, "%.3f", e.cosine()),
                    e == null ? "" : String.format(Locale.ROOT, "%.3f", e.resemblance().maxContainment()),
                    e == null ? "" : String.format(Locale.ROOT, "%.3f", e.resemblance().jaccard()));
        });
        List<Map.Entry<String, PairEvidence>> negatives = byPair.entrySet().stream().filter(e -> {
            String[] ids = e.getKey().split("\\|");
            return !data.story().get(ids[0]).equals(data.story().get(ids[1]));
        }).toList();
        System.out.printf(Locale.ROOT, "%n### Hardest different-story candidate pairs by shingle containment%n%n"
                + "| pair | containment | Jaccard | cosine |%n|---|---|---|---|%n");
        negatives.stream().sorted((x, y) -> Double.compare(y.getValue().resemblance().maxContainment(),
                x.getValue().resemblance().maxContainment())).limit(12).forEach(e -> System.out.printf(Locale.ROOT,
                        "| %s | %.3f | %.3f | %.3f |%n", e.getKey().replace("|", " ~ "),
                        e.getValue().resemblance().maxContainment(), e.getValue().resemblance().jaccard(),
                        e.getValue().cosine()));
        System.out.printf(Locale.ROOT, "%n### Hardest different-story candidate pairs by embedding cosine%n%n"
                + "| pair | cosine | containment |%n|---|---|---|%n");
        negatives.stream().filter(e -> !Double.isNaN(e.getValue().cosine()))
                .sorted((x, y) -> Double.compare(y.getValue().cosine(), x.getValue().cosine())).limit(20)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", e.getKey().replace("|", " ~ "),
                        e.getValue().cosine(), e.getValue().resemblance().maxContainment()));
    }

    private static String fmt(double t) {
        return t > 1 ? "off" : String.format(Locale.ROOT, "%.2f", t);
    }

    /** The stories of copies alone (EXACT and NEAR_VERBATIM under these thresholds, no same-story model). */
    private Map<String, String> storiesOf(InMemoryDedupPipeline pipeline, DedupThresholds thresholds) {
        return assignment(pipeline.unionStories(pipeline.judge(new DuplicateJudge(thresholds, null))));
    }

    private Row copies(InMemoryDedupPipeline pipeline, DedupThresholds thresholds) {
        return score(storiesOf(pipeline, thresholds), data.copyGroup(), null);
    }

    private Set<String> goldCopyPairs() {
        Set<String> out = new HashSet<>();
        for (DevArticle a : data.articles()) {
            if (a.type() != CopyType.ORIGINAL) {
                out.add(pairKey(a.id(), a.sourceId()));
            }
        }
        data.pairs().stream().filter(p -> p.label() != Label.NATURAL_SAME_STORY)
                .forEach(p -> out.add(pairKey(p.a(), p.b())));
        return out;
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private void finalTables(InMemoryDedupPipeline pipeline) {
        DedupThresholds defaults = DedupThresholds.DEFAULTS;
        System.out.printf(Locale.ROOT, "%n## Results at the defaults %s%n%n", defaults);
        List<Edge> copyEdges = pipeline.judge(new DuplicateJudge(defaults, null));
        List<Edge> allEdges = pipeline.judge(new DuplicateJudge(defaults, SameStoryModel.load()));
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        runs.put("copies (EXACT+NEAR_VERBATIM), union", assignment(pipeline.unionStories(copyEdges)));
        runs.put("full (with SAME_STORY), union", assignment(pipeline.unionStories(allEdges)));
        runs.put("full (with SAME_STORY), attach to best", assignment(pipeline.attachStories(allEdges)));
        Map<String, Set<String>> focus = focusSets();
        for (var run : runs.entrySet()) {
            boolean copiesOnly = run.getKey().startsWith("copies");
            Map<String, String> recallGold = copiesOnly ? data.copyGroup() : data.story();
            System.out.printf(Locale.ROOT, "### %s: precision against gold stories, recall against gold %s%n%n",
                    run.getKey(), copiesOnly ? "copy groups" : "stories");
            System.out.println("| subset | gold pairs | pairwise P | pairwise R | pairwise F1 | B3 P | B3 R | B3 F1 |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            printRow("all", score(run.getValue(), recallGold, null));
            for (var f : focus.entrySet()) {
                if (copiesOnly && f.getKey().contains("same story")) {
                    continue;
                }
                printRow(f.getKey(), score(run.getValue(), recallGold, f.getValue()));
            }
            System.out.println();
        }
        Map<DuplicateKind, Integer> kinds = new EnumMap<>(DuplicateKind.class);
        allEdges.forEach(e -> kinds.merge(e.verdict().kind(), 1, Integer::sum));
        long byBand = pipeline.candidates().stream().filter(c -> c.byBand()).count();
        long byEmbedding = pipeline.candidates().stream().filter(c -> c.byEmbedding()).count();
        System.out.printf(Locale.ROOT, "Candidates: %d pairs (%d from LSH bands or exact hash, %d from the %d nearest "
                + "embeddings within %s); verdicts %s.%n", pipeline.candidates().size(), byBand, byEmbedding,
                NEIGHBOURS, defaults.sameStoryWindow(), kinds);
    }

    private static void printRow(String name, Row row) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n", name, row.goldPairs(),
                row.pairwise().precision(), row.pairwise().recall(), row.pairwise().f1(), row.bcubed().precision(),
                row.bcubed().recall(), row.bcubed().f1());
    }

    /** The wrong and missed edges at the defaults, for reading. */
    private void falseMerges(InMemoryDedupPipeline pipeline) {
        List<Edge> edges = pipeline.judge(new DuplicateJudge());
        Function<Integer, DevArticle> at = order::get;
        System.out.printf(Locale.ROOT, "%n### Edges joining different gold stories%n%n");
        int shown = 0;
        for (Edge e : edges) {
            DevArticle a = at.apply(e.later());
            DevArticle b = at.apply(e.earlier());
            if (!data.story().get(a.id()).equals(data.story().get(b.id())) && shown++ < 40) {
                System.out.printf(Locale.ROOT, "- %s '%s' ~ %s '%s': %s%n", a.id(), a.title(), b.id(), b.title(),
                        e.verdict().reason());
            }
        }
        Map<String, String> predicted = assignment(pipeline.unionStories(edges));
        System.out.printf(Locale.ROOT, "%n### Gold copy pairs left apart%n%n");
        shown = 0;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i).id(), i);
        }
        for (String key : goldCopyPairs()) {
            String[] ids = key.split("\\|");
            if (!predicted.get(ids[0]).equals(predicted.get(ids[1])) && shown++ < 40) {
                DedupArticle a = pipeline.articles().get(index.get(ids[0]));
                DedupArticle b = pipeline.articles().get(index.get(ids[1]));
                Resemblance r = a.fingerprint().resemblance(b.fingerprint());
                System.out.printf(Locale.ROOT, "- %s ~ %s: containment %.2f, Jaccard %.2f, sizes %d/%d, cosine %.2f%n",
                        ids[0], ids[1], r.maxContainment(), r.jaccard(), r.sizeA(), r.sizeB(),
                        Vectors.cosine(a.embedding(), b.embedding()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ seeds

    private void seedCheck() {
        ArticleCleaner cleaner = new ArticleCleaner();
        StoryEmbedder embedder = new StoryEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
        List<Seeds.Seed> seeds = Seeds.all();
        Instant at = Instant.parse("2024-04-16T12:00:00Z"); // all at once: the window never separates them
        List<DedupArticle> articles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Seeds.Seed s : seeds) {
            String text = cleaner.clean(s.title(), s.text(), null).text();
            articles.add(DedupArticle.of(s.title(), text, at, embedder.embed(s.title(), text)));
            names.add(s.name().substring(0, 3));
        }
        System.out.printf(Locale.ROOT, "%n## Seed check (the five seeds, all published at the same instant)%n%n");
        System.out.println("| pair | cosine | containment | Jaccard | verdict |");
        System.out.println("|---|---|---|---|---|");
        DuplicateJudge judge = new DuplicateJudge();
        for (int i = 0; i < articles.size(); i++) {
            for (int j = 0; j < i; j++) {
                Resemblance r = articles.get(i).fingerprint().resemblance(articles.get(j).fingerprint());
                System.out.printf(Locale.ROOT, "| %s-%s | %.3f | %.3f | %.3f | %s |%n", names.get(j), names.get(i),
                        Vectors.cosine(articles.get(i).embedding(), articles.get(j).embedding()),
                        r.maxContainment(), r.jaccard(),
                        judge.judge(articles.get(i), articles.get(j)).map(v -> v.kind().name()).orElse("none"));
            }
        }
        // The seeds and a MIXED copy of each (chrome, new title, cut, edited, typos), in a shuffled order.
        DevSet generator = DevSet.generator(seed);
        List<DevArticle> others = data.articles().subList(0, 50);
        List<DedupArticle> all = new ArrayList<>(articles);
        for (int i = 0; i < seeds.size(); i++) {
            Seeds.Seed s = seeds.get(i);
            DevArticle copy = generator.copy(new DevArticle(s.name(), s.title(), articles.get(i).cleanedText(), at,
                    CopyType.ORIGINAL, s.name()), CopyType.MIXED, others);
            String text = cleaner.clean(copy.title(), copy.body(), null).text();
            all.add(DedupArticle.of(copy.title(), text, copy.publishedAt(), embedder.embed(copy.title(), text)));
        }
        List<Integer> arrival = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            arrival.add(i);
        }
        Collections.shuffle(arrival, new Random(seed));
        InMemoryDedupPipeline pipeline = new InMemoryDedupPipeline(LshBands.DEFAULT, NEIGHBOURS, NEIGHBOUR_FLOOR,
                DedupThresholds.DEFAULTS.sameStoryWindow());
        arrival.forEach(i -> pipeline.add(all.get(i)));
        int[] stories = pipeline.unionStories(pipeline.judge(judge));
        Map<Integer, Set<Integer>> seedsPerStory = new HashMap<>();
        for (int k = 0; k < arrival.size(); k++) {
            int seedIndex = arrival.get(k) % seeds.size();
            seedsPerStory.computeIfAbsent(stories[k], x -> new HashSet<>()).add(seedIndex);
        }
        InMemoryDedupPipeline alone = new InMemoryDedupPipeline(LshBands.DEFAULT, NEIGHBOURS, NEIGHBOUR_FLOOR,
                DedupThresholds.DEFAULTS.sameStoryWindow());
        articles.forEach(alone::add);
        long distinctSeedStories = java.util.Arrays.stream(alone.unionStories(alone.judge(judge))).distinct().count();
        boolean separate = seedsPerStory.values().stream().allMatch(set -> set.size() == 1);
        System.out.printf(Locale.ROOT, "%nSeeds alone: %d stories of %d seeds (%s). With a MIXED copy of each: %d "
                + "stories for %d articles; every copy joined its own seed and no story mixes seeds: %s.%n",
                distinctSeedStories, seeds.size(), distinctSeedStories == seeds.size() ? "PASS" : "FAIL",
                seedsPerStory.size(), all.size(), separate && seedsPerStory.size() == seeds.size() ? "PASS" : "FAIL");
    }
}
