package io.newsdesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsdesk.fingerprint.StoryEmbedder;
import io.newsdesk.story.DedupArticle;
import io.newsdesk.story.DedupThresholds;
import io.newsdesk.fingerprint.MentionKeys;
import io.newsdesk.story.DuplicateJudge;
import io.newsdesk.story.PairEvidence;
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
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.time.Duration;
import java.util.Collections;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Fits and evaluates {@link SameStoryModel} on a labelled pair file (JSON Lines, one pair a line:
 * {@code {"pairId","kind","origin","split":"dev|held-out","same":bool,"a":{"id","title","body","publishedAt"},"b":{..}}}).
 *
 * <p>Story and sentence embeddings come from the in-process MiniLM model (cached in target/ by text hash).
 * Pairs that {@link DuplicateJudge} already calls copies are decided before the model and are not fitted on.
 * Every choice is made on the dev split only: features by forward selection ranked by out-of-fold log-likelihood
 * of 3 x 5-fold CV grouped by source article (a step whose weights contradict a feature's meaning is rejected;
 * hoursApart and lengthRatio are never selected, see {@link #EXCLUDED}), then the L2 penalty; the fit weighs the
 * kinds (brief, retelling, hard negative) equally. The threshold is the lowest out-of-fold p whose dev-CV precision
 * is at least {@value #MIN_PRECISION}. Printed: dev cross-validated (chosen, + hoursApart, without the length
 * feature, all features, the previous feature set), dev in-sample, and with {@code --held-out} the held-out split
 * (scored only) with the previous rule (copies, or story-embedding cosine >= 0.90 within 3 days), the model, the model with a perfect second opinion on its uncertain band,
 * the band's size (LLM questions per pair) and the candidate-recall proxy.
 *
 * <p>Usage: {@code RetellingEvaluation <pairs.jsonl> [--held-out] [--write-model]} (-Deval.verbose=true shows
 * every selection step, -Deval.exclude=a,b sets the excluded features); {@code --write-model} writes
 * src/main/resources/same-story-model.properties (run from the project root).
 */
public final class RetellingEvaluation {

    static final double MIN_PRECISION = 0.99;
    /** The share of dev's same pairs (out of fold) the LLM's band must reach from below the threshold. */
    static final double BAND_RECALL = 0.995;
    static final double[] L2_GRID = {0.3, 1, 3, 10};
    static final double SELECTION_L2 = 1.0;
    static final int FOLDS = 5;
    static final int REPEATS = 3;
    /** A feature joins the forward selection only if it raises the dev-CV score by more than this. */
    static final double MIN_GAIN = 0.003;
    static final double CANDIDATE_COSINE = 0.2;

    /** The kind of the pairs {@link #withCandidateNegatives} adds. */
    static final String CANDIDATE_NEGATIVE = "candidate-negative";
    static final int CANDIDATE_NEGATIVES_PER_BRIEF = 1;
    static final boolean KIND_WEIGHTS = !Boolean.getBoolean("eval.unweighted");
    static final boolean VERBOSE = Boolean.getBoolean("eval.verbose");
    /**
     * Whether the candidate negatives are fitted on too (by default they are only reported: they are chosen for
     * sharing a name or the most wording with a brief, so in them shared names speak against the same story, the
     * opposite of a real stream). Without them the model learns that a brief naming nothing new is the same story,
     * whatever it is paired with; the service therefore calls no pair the same story offline unless the two share a
     * rare name or a figure ({@code SameStoryFeatures.sharesEvidence}), and asks an LLM about the rest.
     */
    static final boolean FIT_CANDIDATE_NEGATIVES = Boolean.getBoolean("eval.fit-candidate-negatives");
    static final Path MODEL_FILE = Path.of("src/main/resources", SameStoryModel.RESOURCE);
    static final Path CACHE = Path.of("target", "retell-embeddings.ser");
    /** Story embeddings of the sides scored so far, by {@link #key}. */
    private static final Map<String, float[]> EMBEDDINGS = new HashMap<>();
    /** This run's p99 of unrelated articles' story cosine: the fitted model's one-name-min-cosine. */
    private static double unrelatedP99;

    /**
     * The sign a feature's weight must have to mean what its name says (0: either). A forward-selection step whose
     * fitted weights contradict a sign is rejected (monotonic sanity).
     */
    static final Map<String, Integer> SIGNS = Map.ofEntries(Map.entry("cosine", 1), Map.entry("sentenceMax", 1),
            Map.entry("sentenceTop2", 1), Map.entry("headline", 1), Map.entry("nameJaccard", 1),
            Map.entry("nameContainment", 1), Map.entry("rareContainment", 1), Map.entry("rareNames", 1),
            Map.entry("novelNames", -1), Map.entry("numbers", 1), Map.entry("novelFacts", -1),
            Map.entry("lengthRatio", 0), Map.entry("containmentXLength", 1), Map.entry("sentenceXLength", 1),
            Map.entry("hoursApart", -1));

    /**
     * Features never selected: hoursApart is fitted on synthetic publication times (its figures are shown
     * separately); lengthRatio mostly tells the pair file's briefs (all same) from its article pairs; the sentence
     * features need sentence vectors that story assignment does not store (there they fall back to the story
     * cosine, so a model using them would not be the model evaluated here).
     */
    /** Features the forward selection starts from (-Deval.start=a,b; default none). */
    static final List<Integer> START = Arrays.stream(System.getProperty("eval.start", "").split(","))
            .filter(name -> !name.isBlank()).map(SameStoryFeatures.NAMES::indexOf).toList();

    static final Set<String> EXCLUDED = Set.of(System.getProperty("eval.exclude",
            "hoursApart,lengthRatio,sentenceMax,sentenceTop2,sentenceXLength").split(","));

    record Side(String id, String title, String body, Instant publishedAt) {
    }

    record Pair(String id, String kind, String origin, String split, boolean same, Side a, Side b) {
    }

    /** A pair with what the methods decide on. */
    /**
     * @param inWindow   published within the SAME_STORY window of each other
     * @param sharesName the two share a name key ({@link MentionKeys}): the name route of the candidates
     */
    record Scored(Pair pair, SameStoryFeatures features, boolean copy, boolean currentRule, boolean inWindow,
            boolean sharesName) {

        /** Whether the service's candidate routes, with this story-cosine floor, bring the pair to the judge. */
        boolean reached(double cosineFloor) {
            return copy || inWindow && (sharesName || features.cosine() >= cosineFloor);
        }
    }

    /** A model's configuration: the features used (indices into NAMES) and the L2 penalty. */
    record Config(List<Integer> features, double l2, boolean kindWeighted) {
        Config(List<Integer> features, double l2) {
            this(features, l2, KIND_WEIGHTS);
        }

        String describe() {
            return features.stream().map(SameStoryFeatures.NAMES::get).toList() + " L2 " + l2
                    + (kindWeighted ? ", kinds weighted equally" : ", unweighted");
        }
    }

    /**
     * Out-of-fold results of one configuration: score = mean out-of-fold log-likelihood per pair (higher is better;
     * smooth, so it can rank feature sets), objective = mean of brief recall, retelling recall and hard negatives
     * kept apart at the training folds' thresholds; decisions per repeat; the first repeat's out-of-fold p.
     */
    record CvResult(Config config, double score, double objective, List<Map<Scored, Boolean>> decisions,
            Map<Scored, Double> oofP) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RetellingEvaluation <pairs.jsonl> [--held-out] [--write-model]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        boolean write = List.of(args).contains("--write-model");
        List<Pair> pairs = withCandidateNegatives(read(file));
        List<Scored> scored = new ArrayList<>(score(pairs));
        scored.addAll(score(nearestNegatives(pairs)));

        List<Scored> dev = scored.stream().filter(s -> s.pair.split.equals("dev")).toList();
        List<Scored> heldOut = scored.stream().filter(s -> s.pair.split.equals("held-out")).toList();
        List<Scored> devFit = dev.stream().filter(s -> !s.copy
                && (FIT_CANDIDATE_NEGATIVES || !s.pair.kind.equals(CANDIDATE_NEGATIVE))).toList();
        dumpFeatures(scored);
        unrelatedP99 = unrelatedCosines(pairs);
        Map<Scored, Integer> groups = groups(devFit);
        System.out.printf(Locale.ROOT, "pairs: %s, %d dev (%d fitted, not copies; %d source groups), %d held-out%n",
                file, dev.size(), devFit.size(), new HashSet<>(groups.values()).size(), heldOut.size());

        // 1. Previous model's feature set for reference (the first 8 features of the old model are not all here;
        //    "all features" is the closest comparison), then forward selection by dev CV.
        List<Integer> all = new ArrayList<>();
        for (int j = 0; j < SameStoryFeatures.NAMES.size(); j++) {
            if (!EXCLUDED.contains(SameStoryFeatures.NAMES.get(j))) {
                all.add(j);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "## forward selection (dev only, %d x %d-fold CV grouped by source article, "
                + "objective = mean of brief recall, retelling recall, hard negatives kept apart at thresholds from the "
                + "training folds) ranked by out-of-fold log-likelihood%n%n", REPEATS, FOLDS);
        List<Integer> chosen = new ArrayList<>(START);
        double best = Double.NEGATIVE_INFINITY;
        while (true) {
            CvResult stepBest = null;
            for (int j : all) {
                if (chosen.contains(j)) {
                    continue;
                }
                List<Integer> trial = new ArrayList<>(chosen);
                trial.add(j);
                Config config = new Config(trial, SELECTION_L2);
                boolean agree = signsAgree(config, devFit);
                CvResult r = crossValidate(config, devFit, groups);
                if (VERBOSE) {
                    System.out.printf(Locale.ROOT, "    try %-16s %.4f %.4f%s%n", SameStoryFeatures.NAMES.get(j),
                            r.score, r.objective, agree ? "" : " (sign contradicts)");
                }
                if (!agree) {
                    continue;
                }
                if (stepBest == null || r.score > stepBest.score) {
                    stepBest = r;
                }
            }
            if (stepBest == null || stepBest.score <= best + MIN_GAIN) {
                break;
            }
            best = stepBest.score;
            chosen = new ArrayList<>(stepBest.config.features);
            System.out.printf(Locale.ROOT, "+ %-16s CV log-likelihood %.4f, objective %.4f%n",
                    SameStoryFeatures.NAMES.get(chosen.get(chosen.size() - 1)), best, stepBest.objective);
        }
        CvResult cv = null;
        for (double l2 : L2_GRID) {
            CvResult r = crossValidate(new Config(chosen, l2), devFit, groups);
            System.out.printf(Locale.ROOT, "L2 %.1f: CV log-likelihood %.4f, objective %.4f%n", l2, r.score,
                    r.objective);
            if (cv == null || r.score > cv.score + 1e-9) {
                cv = r;
            }
        }
        Config config = cv.config;
        System.out.println("chosen: " + config.describe());

        SameStoryModel model = finalModel(config, devFit, cv);
        Fit fit = Fit.of(devFit, config);
        System.out.println();
        System.out.println("| feature | weight (standardised) | weight (raw) | dev mean | dev sd |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int i = 0; i < SameStoryFeatures.NAMES.size(); i++) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", SameStoryFeatures.NAMES.get(i),
                    fit.standardised[i], fit.weights[i], fit.mean[i], fit.sd[i]);
        }
        System.out.printf(Locale.ROOT, "bias (raw) %.3f; threshold (lowest out-of-fold p with dev-CV precision >= "
                + "%.2f) %.3f; ask-from %.2f%n", fit.bias, MIN_PRECISION, model.threshold(), model.askFrom());

        // 2. Dev, cross-validated: each pair decided by a model that did not see its source group.
        reportCv("dev, cross-validated (" + config.describe() + ")", dev, cv);
        List<Integer> withTime = new ArrayList<>(config.features);
        withTime.add(SameStoryFeatures.NAMES.indexOf("hoursApart"));
        CvResult cvTime = crossValidate(new Config(withTime, config.l2), devFit, groups);
        reportCv("dev, cross-validated, chosen features + hoursApart (synthetic times; NOT shipped)", dev, cvTime);
        List<Integer> withoutLength = new ArrayList<>(config.features);
        withoutLength.removeIf(j -> SameStoryFeatures.NAMES.get(j).toLowerCase(Locale.ROOT).contains("length"));
        CvResult cvLength = crossValidate(new Config(withoutLength, config.l2), devFit, groups);
        reportCv("dev, cross-validated, chosen features without the lengthRatio ones (NOT shipped)", dev, cvLength);
        CvResult cvAll = crossValidate(new Config(all, config.l2), devFit, groups);
        reportCv("dev, cross-validated, all features but hoursApart (NOT shipped)", dev, cvAll);

        List<Integer> previous = java.util.stream.Stream.of("cosine", "headline", "nameJaccard", "nameContainment",
                "rareNames", "numbers", "hoursApart", "lengthRatio").map(SameStoryFeatures.NAMES::indexOf).toList();
        CvResult cvPrevious = crossValidate(new Config(previous, 1.0, false), devFit, groups);
        reportCv("dev, cross-validated, BEFORE: the previous model's 8 features (names now phrases), unweighted, "
                + "L2 1", dev, cvPrevious);

        // 3. Held-out, once, with the model fitted on all of dev, and with the model the service ships (which this
        // run's fit replaces only with --write-model).
        SameStoryModel shipped = SameStoryModel.load();
        report("dev (in-sample, this run's fit)", dev, model);
        report("dev (shipped model, " + SameStoryModel.RESOURCE + ")", dev, shipped);
        reportByOrigin("dev (shipped model)", dev, shipped);
        explainErrors(dev, shipped);
        if (List.of(args).contains("--held-out")) {
            report("held-out (this run's fit)", heldOut, model);
            report("held-out (shipped model, " + SameStoryModel.RESOURCE + ")", heldOut, shipped);
            reportByOrigin("held-out (shipped model)", heldOut, shipped);
            explainErrors(heldOut, shipped);
            SameStoryModel timeModel = finalModel(cvTime.config, devFit, cvTime);
            report("held-out (chosen + hoursApart; NOT shipped, for comparison)", heldOut, timeModel);
            examples(heldOut, model);
        }

        if (write) {
            writeModel(model, file, dev, devFit.size(), config, cv);
            System.out.println();
            System.out.println("wrote " + MODEL_FILE);
        }
    }

    /**
     * The story-embedding cosine of articles that cannot be one event, with no label needed: BBC articles of
     * different categories, and random pairs of XSum articles. How high unrelated articles score.
     */
    private static double unrelatedCosines(List<Pair> pairs) {
        Map<String, float[]> bbc = new TreeMap<>();
        Map<String, float[]> xsum = new TreeMap<>();
        for (Pair pair : pairs) {
            for (Side side : List.of(pair.a, pair.b)) {
                float[] e = EMBEDDINGS.get(key(side));
                if (e != null && side.id.startsWith("bbc/")) {
                    bbc.put(side.id, e);
                } else if (e != null && side.id.matches("xsum-\\d+")) {
                    xsum.put(side.id, e);
                }
            }
        }
        Random random = new Random(20051203L);
        List<String> bbcIds = new ArrayList<>(bbc.keySet());
        List<String> xsumIds = new ArrayList<>(xsum.keySet());
        List<Double> cosines = new ArrayList<>();
        while (cosines.size() < 20_000) {
            boolean fromBbc = cosines.size() % 2 == 0;
            List<String> ids = fromBbc ? bbcIds : xsumIds;
            String a = ids.get(random.nextInt(ids.size()));
            String b = ids.get(random.nextInt(ids.size()));
            boolean unrelated = fromBbc ? !a.split("/")[1].equals(b.split("/")[1]) : !a.equals(b);
            if (unrelated) {
                Map<String, float[]> of = fromBbc ? bbc : xsum;
                cosines.add(io.newsdesk.embedding.Vectors.cosine(of.get(a), of.get(b)));
            }
        }
        Collections.sort(cosines);
        System.out.printf(Locale.ROOT, "unrelated articles' story cosine (%d BBC articles of different categories and "
                + "%d XSum articles, 20,000 random pairs): p50 %.3f, p90 %.3f, p99 %.3f, p99.9 %.3f, max %.3f%n",
                bbc.size(), xsum.size(), cosines.get(10_000), cosines.get(18_000), cosines.get(19_800),
                cosines.get(19_980), cosines.get(19_999));
        return cosines.get(19_800);
    }

    /** target/retell-features.csv: ids, kind, split, label and features (no text), for inspection. */
    private static void dumpFeatures(List<Scored> scored) throws IOException {
        StringBuilder out = new StringBuilder("pairId,kind,origin,split,same,copy,"
                + String.join(",", SameStoryFeatures.NAMES) + "\n");
        for (Scored s : scored) {
            out.append(s.pair.id.replace(',', ';')).append(',').append(s.pair.kind).append(',').append(s.pair.origin)
                    .append(',').append(s.pair.split).append(',').append(s.pair.same).append(',').append(s.copy);
            for (double v : s.features.vector()) {
                out.append(String.format(Locale.ROOT, ",%.5f", v));
            }
            out.append('\n');
        }
        Files.writeString(Path.of("target", "retell-features.csv"), out, StandardCharsets.UTF_8);
    }

    /** The model fitted on all fitted dev pairs, threshold from the pooled out-of-fold probabilities. */
    private static SameStoryModel finalModel(Config config, List<Scored> devFit, CvResult cv) {
        Fit fit = Fit.of(devFit, config);
        double threshold = threshold(cv.oofP);
        return new SameStoryModel(fit.weights, fit.bias, threshold, Math.min(askFrom(cv.oofP), threshold),
                unrelatedP99);
    }

    /**
     * The lower edge of the band an LLM is asked about: the out-of-fold p above which {@link #BAND_RECALL} of dev's
     * same pairs lie, so that an LLM answering right could join nearly all of them; how many it is asked is bounded
     * per article by the service ({@code newsdesk.dedup.llm.max-pairs}), not here.
     */
    private static double askFrom(Map<Scored, Double> probabilities) {
        double[] same = probabilities.entrySet().stream().filter(e -> e.getKey().pair.same)
                .mapToDouble(Map.Entry::getValue).sorted().toArray();
        return same.length == 0 ? 1.0 : same[(int) Math.floor((1 - BAND_RECALL) * same.length)];
    }

    private static boolean signsAgree(Config config, List<Scored> devFit) {
        Fit fit = Fit.of(devFit, config);
        for (int j : config.features) {
            int sign = SIGNS.getOrDefault(SameStoryFeatures.NAMES.get(j), 0);
            if (sign != 0 && Math.signum(fit.standardised[j]) != sign && fit.standardised[j] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Source groups: pairs that share an article (directly or through other pairs) are one group. */
    private static Map<Scored, Integer> groups(List<Scored> pairs) {
        Map<String, String> parent = new HashMap<>();
        for (Scored s : pairs) {
            if (s.pair.kind.equals(CANDIDATE_NEGATIVE)) {
                continue; // would join two source groups into one; it belongs to its brief's group
            }
            UnionFind.union(parent, root(s.pair.a.id), root(s.pair.b.id));
        }
        Map<String, Integer> ids = new HashMap<>();
        Map<Scored, Integer> out = new LinkedHashMap<>();
        for (Scored s : pairs) {
            Side grouped = s.pair.kind.equals(CANDIDATE_NEGATIVE) ? s.pair.b : s.pair.a;
            out.put(s, ids.computeIfAbsent(UnionFind.find(parent, root(grouped.id)), k -> ids.size()));
        }
        return out;
    }

    /** The source article of a side's id ("xsum-123:TConvS2S" and "hw:bbc/x/1" share their article). */
    private static String root(String id) {
        String r = id.replaceFirst("#.*$", "").replaceFirst("^(hw|hw-neg|repost)/", "");
        return r;
    }

    /** REPEATS x FOLDS cross-validation grouped by source; thresholds from each training part. */
    private static CvResult crossValidate(Config config, List<Scored> pairs, Map<Scored, Integer> groups) {
        List<Map<Scored, Boolean>> decisions = new ArrayList<>();
        Map<Scored, Double> oofP = new HashMap<>();
        double score = 0;
        double objective = 0;
        double[] kw = Fit.kindWeights(pairs);
        Map<Scored, Double> weightOf = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            weightOf.put(pairs.get(i), kw[i]);
        }
        for (int r = 0; r < REPEATS; r++) {
            Map<Scored, Boolean> says = new HashMap<>();
            for (int f = 0; f < FOLDS; f++) {
                final int fold = f;
                final int repeat = r;
                Predicate<Scored> inFold = s -> Math.floorMod(mix(groups.get(s), repeat), FOLDS) == fold;
                List<Scored> train = pairs.stream().filter(inFold.negate()).toList();
                List<Scored> test = pairs.stream().filter(inFold).toList();
                Fit fit = Fit.of(train, config);
                SameStoryModel m = new SameStoryModel(fit.weights, fit.bias, 1.0, 0, 0);
                Map<Scored, Double> trainP = new HashMap<>();
                train.forEach(s -> trainP.put(s, m.probability(s.features)));
                double threshold = threshold(trainP);
                for (Scored s : test) {
                    double p = m.probability(s.features);
                    says.put(s, withinWindow(s) && p >= threshold && s.features.sharesEvidence());
                    double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
                    score += weightOf.get(s) * (s.pair.same ? Math.log(q) : Math.log(1 - q))
                            / (REPEATS * pairs.size());
                    if (r == 0) {
                        oofP.put(s, p);
                    }
                }
            }
            decisions.add(says);
            objective += objective(says) / REPEATS;
        }
        return new CvResult(config, score, objective, decisions, oofP);
    }

    private static int mix(int group, int repeat) {
        long h = (group + 1L) * 0x9E3779B97F4A7C15L + repeat * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) h;
    }

    /** The mean of brief recall, retelling recall and the share of hard negatives kept apart. */
    private static double objective(Map<Scored, Boolean> says) {
        double total = 0;
        int parts = 0;
        for (String kind : List.of("brief", "retelling", "hard-negative")) {
            List<Scored> of = says.keySet().stream().filter(s -> s.pair.kind.equals(kind)).toList();
            if (!of.isEmpty()) {
                total += share(of, s -> says.get(s) == s.pair.same);
                parts++;
            }
        }
        return total / parts;
    }

    private static void reportCv(String title, List<Scored> dev, CvResult cv) {
        // Mean over the repeats of each figure; copies are decided by the copy rule.
        Map<String, double[]> sums = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (Map<Scored, Boolean> says : cv.decisions) {
            Map<String, Double> row = rates(dev, s -> s.copy || Boolean.TRUE.equals(says.get(s)));
            row.forEach((k, v) -> {
                if (!columns.contains(k)) {
                    columns.add(k);
                }
                sums.computeIfAbsent(k, x -> new double[1])[0] += v / cv.decisions.size();
            });
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "## %s: %d pairs (CV log-likelihood %.4f, objective %.4f)%n%n", title,
                dev.size(), cv.score, cv.objective);
        System.out.println("| " + String.join(" | ", columns) + " |");
        System.out.println("|" + "---:|".repeat(columns.size()));
        StringBuilder row = new StringBuilder("|");
        for (String c : columns) {
            row.append(String.format(Locale.ROOT, " %.3f |", sums.get(c)[0]));
        }
        System.out.println(row);
    }

    /** Per-kind recall (same) or kept-apart rate (different), then P, R, F1 over all pairs. */
    private static Map<String, Double> rates(List<Scored> pairs, Predicate<Scored> says) {
        Map<String, Double> out = new LinkedHashMap<>();
        Set<String> kinds = new LinkedHashSet<>();
        pairs.forEach(s -> kinds.add(s.pair.kind));
        for (String kind : kinds) {
            List<Scored> same = pairs.stream().filter(s -> s.pair.kind.equals(kind) && s.pair.same).toList();
            List<Scored> different = pairs.stream().filter(s -> s.pair.kind.equals(kind) && !s.pair.same).toList();
            if (!same.isEmpty()) {
                out.put(String.format(Locale.ROOT, "%s recall (n=%d)", kind, same.size()), share(same, says));
            }
            if (!different.isEmpty()) {
                out.put(String.format(Locale.ROOT, "%s kept apart (n=%d)", kind, different.size()),
                        share(different, says.negate()));
            }
        }
        long tp = pairs.stream().filter(s -> s.pair.same && says.test(s)).count();
        long fp = pairs.stream().filter(s -> !s.pair.same && says.test(s)).count();
        long positives = pairs.stream().filter(s -> s.pair.same).count();
        double p = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        double r = positives == 0 ? 0 : tp / (double) positives;
        out.put("P", p);
        out.put("R", r);
        out.put("F1", p + r == 0 ? 0 : 2 * p * r / (p + r));
        return out;
    }

    /**
     * Pairs a stream brings to the judge and that the pair file lacks: each brief against another article of its split
     * that shares a name key with it ({@link MentionKeys}, the candidate route) but is not its source (a different
     * story of the corpus), at most {@value #CANDIDATE_NEGATIVES_PER_BRIEF} per brief, published 1 to 30 hours apart.
     * Without them the fit sees almost no short text against an unrelated long one, and learns that a brief without
     * contradicting names or figures is the same story.
     */
    private static List<Pair> withCandidateNegatives(List<Pair> pairs) {
        List<Pair> out = new ArrayList<>(pairs);
        Map<String, Side> articles = new LinkedHashMap<>();
        Map<String, String> splitOf = new HashMap<>();
        for (Pair pair : pairs) {
            articles.putIfAbsent(pair.a.id, pair.a);
            splitOf.put(pair.a.id, pair.split);
        }
        Map<String, String> story = labelledStories(pairs);
        Map<String, long[]> keys = new HashMap<>();
        articles.values().forEach(a -> keys.put(a.id, MentionKeys.of(a.title, a.body)));
        java.util.Random random = new java.util.Random(11);
        for (Pair pair : pairs) {
            if (!pair.kind.equals("brief") || !pair.same) {
                continue;
            }
            Set<Long> briefKeys = new HashSet<>();
            for (long key : MentionKeys.of(pair.b.title, pair.b.body)) {
                briefKeys.add(key);
            }
            List<Side> sharing = new ArrayList<>();
            for (Side other : articles.values()) {
                if (!other.id.equals(pair.a.id) && pair.split.equals(splitOf.get(other.id))
                        && !story.get(other.id).equals(story.get(pair.b.id))
                        && Arrays.stream(keys.get(other.id)).anyMatch(briefKeys::contains)) {
                    sharing.add(other);
                }
            }
            Collections.shuffle(sharing, random);
            for (Side other : sharing.subList(0, Math.min(CANDIDATE_NEGATIVES_PER_BRIEF, sharing.size()))) {
                Side brief = new Side(pair.b.id, pair.b.title, pair.b.body,
                        other.publishedAt.plus(Duration.ofHours(1 + random.nextInt(30))));
                out.add(new Pair("cand-neg:" + other.id + ":" + pair.id, CANDIDATE_NEGATIVE, "brief-vs-name-sharer",
                        pair.split, false, other, brief));
            }
        }
        return out;
    }

    /**
     * The other candidate route's negatives: each brief or retelling against the article of its split whose story
     * embedding is nearest to it, other than one it is labelled the same story as (the cosine route's first hit
     * when its own article is not in the window). With {@link #withCandidateNegatives}'s name sharers, the negatives
     * a stream brings to the judge; without them the only negatives sharing little wording are hard negatives.
     */
    private static List<Pair> nearestNegatives(List<Pair> pairs) {
        Map<String, Side> articles = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            if (!pair.kind.equals(CANDIDATE_NEGATIVE)) {
                articles.putIfAbsent(pair.split + "|" + pair.a.id, pair.a);
            }
        }
        Map<String, String> story = labelledStories(pairs);
        java.util.Random random = new java.util.Random(13);
        List<Pair> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Pair pair : pairs) {
            if (!pair.same || !(pair.kind.equals("brief") || pair.kind.equals("retelling"))
                    || !done.add(pair.split + "|" + pair.b.id)) {
                continue;
            }
            float[] brief = EMBEDDINGS.get(key(pair.b));
            Side nearest = null;
            double best = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, Side> entry : articles.entrySet()) {
                Side other = entry.getValue();
                if (!entry.getKey().startsWith(pair.split + "|") || other.id.equals(pair.a.id)
                        || other.id.equals(pair.b.id) || story.get(other.id).equals(story.get(pair.b.id))) {
                    continue;
                }
                double cosine = io.newsdesk.embedding.Vectors.cosine(brief, EMBEDDINGS.get(key(other)));
                if (cosine > best) {
                    best = cosine;
                    nearest = other;
                }
            }
            if (nearest != null) {
                Side moved = new Side(pair.b.id, pair.b.title, pair.b.body,
                        nearest.publishedAt.plus(Duration.ofHours(1 + random.nextInt(30))));
                out.add(new Pair("near-neg:" + nearest.id + ":" + pair.id, CANDIDATE_NEGATIVE,
                        pair.kind + "-vs-nearest", pair.split, false, nearest, moved));
            }
        }
        return out;
    }

    /**
     * The labelled story of every text id: texts joined by same pairs, through any chain of them (a brief of one of two
     * natural BBC copies is the same story as the other copy too, so neither may serve as its candidate negative).
     */
    private static Map<String, String> labelledStories(List<Pair> pairs) {
        Map<String, String> parent = new HashMap<>();
        for (Pair pair : pairs) {
            if (pair.same) {
                UnionFind.union(parent, pair.a.id, pair.b.id);
            }
        }
        Map<String, String> story = new HashMap<>();
        for (Pair pair : pairs) {
            story.put(pair.a.id, UnionFind.find(parent, pair.a.id));
            story.put(pair.b.id, UnionFind.find(parent, pair.b.id));
        }
        return story;
    }

    /** The labelled pairs of a pair file (RetellingDevSet's format); a missing title is null. */
    static List<Pair> read(Path file) {
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

    /**
     * Features of every pair. Story embeddings (StoryEmbedder) and sentence embeddings (the units of
     * SameStoryFeatures.sentencesToEmbed, one embedAll batch per article) come from the in-process MiniLM model and
     * are cached in target/ by a hash of the text (vectors only, no text).
     */
    @SuppressWarnings("unchecked")
    private static List<Scored> score(List<Pair> pairs) throws IOException {
        Map<String, float[][]> cache = new HashMap<>();
        if (Files.exists(CACHE)) {
            try (var in = new java.io.ObjectInputStream(new java.io.BufferedInputStream(Files.newInputStream(CACHE)))) {
                cache = (Map<String, float[][]>) in.readObject();
            } catch (ClassNotFoundException | IOException e) {
                cache = new HashMap<>();
            }
        }
        int cached = cache.size();
        EmbeddingModel[] model = new EmbeddingModel[1];
        Map<Side, DedupArticle> articles = new HashMap<>();
        Map<Side, SameStoryFeatures.Side> sides = new HashMap<>();
        DuplicateJudge copies = DuplicateJudge.copiesOnly();
        List<Scored> scored = new ArrayList<>();
        for (Pair pair : pairs) {
            for (Side side : List.of(pair.a, pair.b)) {
                float[][] vectors = cache.computeIfAbsent(key(side), k -> {
                    if (model[0] == null) {
                        model[0] = EvalEmbeddingModels.create();
                    }
                    StoryEmbedder embedder = new StoryEmbedder(model[0]);
                    List<String> units = SameStoryFeatures.sentencesToEmbed(side.body);
                    float[][] out = new float[units.size() + 1][];
                    out[0] = embedder.embed(side.title, side.body);
                    if (!units.isEmpty()) {
                        List<Embedding> e = model[0].embedAll(units.stream().map(TextSegment::from).toList())
                                .content();
                        for (int i = 0; i < e.size(); i++) {
                            out[i + 1] = e.get(i).vector();
                        }
                    }
                    return out;
                });
                float[] embedding = vectors[0];
                EMBEDDINGS.put(key(side), embedding);
                List<float[]> units = List.of(vectors).subList(1, vectors.length);
                articles.computeIfAbsent(side, s -> DedupArticle.of(s.title, s.body, s.publishedAt, embedding));
                sides.computeIfAbsent(side, s -> SameStoryFeatures.Side.of(s.title, s.body,
                        embedding, s.publishedAt, units));
            }
            DedupArticle a = articles.get(pair.a);
            DedupArticle b = articles.get(pair.b);
            boolean copy = copies.judge(a, b).isPresent();
            PairEvidence evidence = PairEvidence.of(a, b);
            boolean inWindow = evidence.apart() != null
                    && evidence.apart().compareTo(DedupThresholds.DEFAULTS.sameStoryWindow()) <= 0;
            scored.add(new Scored(pair, evidence.features(), copy, copy || previousRule(a, b), inWindow,
                    shareNameKey(a, b)));
        }
        if (cache.size() > cached) {
            Files.createDirectories(CACHE.getParent());
            try (var out = new java.io.ObjectOutputStream(new java.io.BufferedOutputStream(
                    Files.newOutputStream(CACHE)))) {
                out.writeObject(new HashMap<>(cache));
            }
        }
        return scored;
    }

    /** Cache key: hash of title, body and the unit rules' version (no text is stored). */
    private static String key(Side side) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            String text = "v1:" + EvalEmbeddingModels.NAME + ":" + SameStoryFeatures.MAX_SENTENCES + ":" + SameStoryFeatures.WHOLE_TEXT_SENTENCES
                    + "\u0000" + side.title + "\u0000" + side.body;
            return java.util.HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * The lowest p such that the pairs at or above it that the model may call the same story (sharing a rare name or
     * a figure) have precision >= MIN_PRECISION (1.0 if none).
     */
    private static double threshold(Map<Scored, Double> probabilities) {
        List<Map.Entry<Scored, Double>> byP = new ArrayList<>(probabilities.entrySet().stream()
                .filter(e -> e.getKey().features.sharesEvidence()).toList());
        byP.sort(Map.Entry.<Scored, Double>comparingByValue().reversed());
        double best = 1.0;
        int tp = 0;
        for (int i = 0; i < byP.size(); i++) {
            if (byP.get(i).getKey().pair.same) {
                tp++;
            }
            double p = byP.get(i).getValue();
            boolean lastOfTies = i + 1 == byP.size() || byP.get(i + 1).getValue() < p;
            if (lastOfTies && tp >= MIN_PRECISION * (i + 1)) {
                best = p;
            }
        }
        return best;
    }

    private static void report(String split, List<Scored> pairs, SameStoryModel model) {
        Map<String, Predicate<Scored>> methods = new LinkedHashMap<>();
        methods.put("previous rule (copies, cosine >= 0.90)", s -> s.currentRule);
        methods.put(String.format(Locale.ROOT, "model (copies, p >= %.3f)", model.threshold()),
                s -> modelSays(s, model));
        methods.put("model + oracle on band", s -> modelSays(s, model) || (inBand(s, model) && s.pair.same));

        System.out.println();
        System.out.printf(Locale.ROOT, "## %s: %d pairs%n%n", split, pairs.size());
        boolean first = true;
        for (Map.Entry<String, Predicate<Scored>> method : methods.entrySet()) {
            Map<String, Double> rates = rates(pairs, method.getValue());
            if (first) {
                System.out.println("| method | " + String.join(" | ", rates.keySet()) + " |");
                System.out.println("|---|" + "---:|".repeat(rates.size()));
                first = false;
            }
            StringBuilder row = new StringBuilder("| " + method.getKey() + " |");
            rates.values().forEach(v -> row.append(String.format(Locale.ROOT, " %.3f |", v)));
            System.out.println(row);
        }
        List<Scored> positives = pairs.stream().filter(s -> s.pair.same).toList();
        long bandSame = positives.stream().filter(s -> inBand(s, model)).count();
        long bandDifferent = pairs.stream().filter(s -> !s.pair.same && inBand(s, model)).count();
        System.out.printf(Locale.ROOT, "%nuncertain band p in [%.2f, %.3f): %d same pairs, %d different pairs "
                + "(the LLM questions: %.3f per pair)%n", model.askFrom(), model.threshold(), bandSame,
                bandDifferent, (bandSame + bandDifferent) / (double) pairs.size());
        System.out.printf(Locale.ROOT, "candidate recall (the service's routes: copies, or within the window a story "
                + "cosine >= %.1f or a shared name key): %.3f of %d same pairs (cosine alone %.3f, names alone %.3f; "
                + "with a cosine floor of 0.5: %.3f, 0.3: %.3f, 0: %.3f)%n",
                CANDIDATE_COSINE, share(positives, s -> s.reached(CANDIDATE_COSINE)), positives.size(),
                share(positives, s -> s.features.cosine() >= CANDIDATE_COSINE), share(positives, s -> s.sharesName),
                share(positives, s -> s.reached(0.5)), share(positives, s -> s.reached(0.3)),
                share(positives, s -> s.reached(0)));
        System.out.printf(Locale.ROOT, "model recall with candidates: %.3f (same pairs reached and judged the same "
                + "story)%n", share(positives, s -> s.reached(CANDIDATE_COSINE) && modelSays(s, model)));
    }

    /**
     * The model's calls per kind and origin: same pairs joined, different pairs kept apart. The origins are the
     * writers and corpora of RetellingDevSet (round 3 of the hand-written texts was written after the model).
     */
    private static void reportByOrigin(String split, List<Scored> pairs, SameStoryModel model) {
        Map<String, List<Scored>> byOrigin = new TreeMap<>();
        pairs.forEach(s -> byOrigin.computeIfAbsent(s.pair.kind + " / " + s.pair.origin, k -> new ArrayList<>()).add(s));
        System.out.printf(Locale.ROOT, "%n%s by kind and origin: same pairs joined / different pairs kept apart%n%n",
                split);
        System.out.println("| kind / origin | n | model | model + oracle on band |");
        System.out.println("|---|---:|---:|---:|");
        byOrigin.forEach((origin, members) -> {
            boolean same = members.get(0).pair.same;
            Predicate<Scored> model1 = s -> modelSays(s, model);
            Predicate<Scored> oracle = s -> modelSays(s, model) || (inBand(s, model) && s.pair.same);
            long right = members.stream().filter(s -> model1.test(s) == same).count();
            long rightWithOracle = members.stream().filter(s -> oracle.test(s) == same).count();
            System.out.printf(Locale.ROOT, "| %s | %d | %d (%.3f) | %d (%.3f) |%n", origin, members.size(), right,
                    right / (double) members.size(), rightWithOracle, rightWithOracle / (double) members.size());
        });
    }

    /** With -Deval.explain-origin=ORIGIN: why the shipped model got each pair of that origin wrong. */
    private static void explainErrors(List<Scored> pairs, SameStoryModel model) {
        String origin = System.getProperty("eval.explain-origin", "");
        pairs.stream().filter(s -> s.pair.origin.equals(origin) && modelSays(s, model) != s.pair.same)
                .forEach(s -> System.out.printf(Locale.ROOT, "  wrong: %s (%s, %s, same=%s): %s%n", s.pair.id,
                        s.pair.kind, s.pair.split, s.pair.same, model.explain(s.features)));
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

    private static void writeModel(SameStoryModel model, Path pairs, List<Scored> dev, int fitted, Config config,
            CvResult cv) throws IOException {
        Map<String, Integer> kinds = new TreeMap<>();
        dev.forEach(s -> kinds.merge(s.pair.kind + (s.pair.same ? " same" : " different") + " (" + s.pair.origin
                + ")", 1, Integer::sum));
        StringBuilder out = new StringBuilder();
        out.append("# Same-story logistic model (io.newsdesk.story.SameStoryModel): p = sigmoid(bias + sum weight.f * f)\n");
        out.append("# over the raw SameStoryFeatures; same story at p >= threshold, uncertain (ask an LLM) from ask-from.\n");
        out.append("# Pair file: java src/eval/java/io/newsdesk/eval/RetellingDevSet.java /work/shared/eval/bbc.jsonl ")
                .append("/work/shared/eval/xsum.jsonl ").append(pairs).append('\n');
        out.append("# Written by: ./mvnw -q -Peval,eval-retellings test-compile exec:java -Dexec.args=\"")
                .append(pairs).append(" --write-model\"\n");
        out.append("# Fitted on the dev split only (").append(fitted).append(" of ").append(dev.size())
                .append(" dev pairs; copies excluded), standardised IRLS with L2 ").append(config.l2)
                .append(". Features chosen by forward selection on ").append(REPEATS).append("x").append(FOLDS)
                .append("-fold dev CV grouped by source article\n#   (signs constrained; not selectable: ")
                .append(String.join(", ", new java.util.TreeSet<>(EXCLUDED)))
                .append(" (see RetellingEvaluation.EXCLUDED); weight 0 = not selected);\n#   CV log-likelihood ")
                .append(String.format(Locale.ROOT, "%.4f, objective %.4f", cv.score, cv.objective)).append(".\n");
        out.append("# Threshold = lowest out-of-fold dev p with precision >= ").append(MIN_PRECISION)
                .append("; ask-from = out-of-fold dev p above which ").append(BAND_RECALL)
                .append(" of the same pairs lie;\n#   the held-out split was scored once, never used for a choice.\n");
        out.append("# Date: ").append(LocalDate.now()).append("; dev pairs by kind:\n");
        kinds.forEach((kind, count) -> out.append("#   ").append(kind).append(": ").append(count).append('\n'));
        for (int i = 0; i < SameStoryFeatures.NAMES.size(); i++) {
            out.append(String.format(Locale.ROOT, "weight.%s=%.6f%n", SameStoryFeatures.NAMES.get(i),
                    model.weights()[i]));
        }
        out.append(String.format(Locale.ROOT, "bias=%.6f%nthreshold=%.6f%nask-from=%.6f%n", model.bias(),
                model.threshold(), model.askFrom()));
        out.append("# The story cosine below which one shared rare name and no figure do not make the same story: p99 of\n"
                + "#   unrelated articles' cosine (BBC articles of different categories, random XSum pairs; printed above).\n");
        out.append(String.format(Locale.ROOT, "%s=%.6f%n", SameStoryModel.ONE_NAME_MIN_COSINE,
                model.oneNameMinCosine()));
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

        /** Fits on the configuration's features only; the other features get weight 0. */
        static Fit of(List<Scored> pairs, Config config) {
            Fit small = of(pairs, config.features, config.l2, config.kindWeighted);
            int all = SameStoryFeatures.NAMES.size();
            double[] mean = new double[all];
            double[] sd = new double[all];
            double[] standardised = new double[all];
            double[] weights = new double[all];
            for (int k = 0; k < config.features.size(); k++) {
                int j = config.features.get(k);
                mean[j] = small.mean[k];
                sd[j] = small.sd[k];
                standardised[j] = small.standardised[k];
                weights[j] = small.weights[k];
            }
            return new Fit(mean, sd, standardised, weights, small.bias);
        }

        private static Fit of(List<Scored> pairs, List<Integer> columns, double l2, boolean kindWeighted) {
            int d = columns.size();
            int n = pairs.size();
            double[][] raw = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double[] x = pairs.get(i).features.vector();
                for (int k = 0; k < d; k++) {
                    raw[i][k] = x[columns.get(k)];
                }
                y[i] = pairs.get(i).pair.same ? 1 : 0;
            }
            double[] pairWeight = kindWeighted ? kindWeights(pairs) : ones(pairs.size());
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
                    double w = pairWeight[i] * p * (1 - p);
                    for (int j = 0; j <= d; j++) {
                        gradient[j] += pairWeight[i] * (y[i] - p) * z[i][j];
                        for (int k = 0; k <= d; k++) {
                            hessian[j][k] += w * z[i][j] * z[i][k];
                        }
                    }
                }
                for (int j = 1; j <= d; j++) {
                    gradient[j] -= l2 * beta[j];
                    hessian[j][j] += l2;
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

        /**
         * Each kind (brief, retelling, hard negative) weighs the same in the fit, in all as much as the pairs: else
         * the 327 briefs decide the weights and the model learns "a short text against a long one" rather than
         * what tells a retelling from a hard negative.
         */
        static double[] kindWeights(List<Scored> pairs) {
            Map<String, Integer> counts = new HashMap<>();
            pairs.forEach(s -> counts.merge(s.pair.kind, 1, Integer::sum));
            double[] w = new double[pairs.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = KIND_WEIGHTS ? pairs.size() / (counts.size() * (double) counts.get(pairs.get(i).pair.kind)) : 1;
            }
            return w;
        }

        private static double[] ones(int n) {
            double[] w = new double[n];
            java.util.Arrays.fill(w, 1);
            return w;
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

    /** The SAME_STORY rule before the model: story-embedding cosine at least 0.90 within the 3-day window. */
    private static boolean previousRule(DedupArticle a, DedupArticle b) {
        PairEvidence evidence = PairEvidence.of(a, b);
        return !Double.isNaN(evidence.cosine()) && evidence.cosine() >= 0.90 && evidence.apart() != null
                && evidence.apart().compareTo(DedupThresholds.DEFAULTS.sameStoryWindow()) <= 0;
    }

    /** Whether the two share a name key ({@link MentionKeys}), as the name route of story assignment finds. */
    private static boolean shareNameKey(DedupArticle a, DedupArticle b) {
        Set<Long> names = new HashSet<>();
        for (long key : MentionKeys.of(a.title(), a.cleanedText())) {
            names.add(key);
        }
        for (long key : MentionKeys.of(b.title(), b.cleanedText())) {
            if (names.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
