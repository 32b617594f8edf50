package io.newsdesk.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the labelled same-story development set of real retellings (see
 * src/eval/resources/retellings/README.md).
 *
 * <pre>
 * java src/eval/java/io/newsdesk/eval/RetellingDevSet.java BBC.jsonl XSUM.jsonl OUT.jsonl [RESOURCE_DIR]
 * java src/eval/java/io/newsdesk/eval/RetellingDevSet.java pick BBC.jsonl        (the seeded hand-writing sample)
 * java src/eval/java/io/newsdesk/eval/RetellingDevSet.java mine-bbc BBC.jsonl    (candidate pairs to label)
 * java src/eval/java/io/newsdesk/eval/RetellingDevSet.java mine-xsum XSUM.jsonl  (candidate pairs to label)
 * </pre>
 *
 * Single-file program, no dependencies (a small JSON reader/writer is inlined). Every random choice uses a
 * fixed seed or a hash of an id, so the output is byte-for-byte reproducible.
 */
public final class RetellingDevSet {

    static final long PICK_SEED = 20050301L;
    static final int PICK_PER_CATEGORY = 12;
    static final int PICK_ROUND_2_PER_CATEGORY = 9;
    static final int PICK_LATER_ROUND_PER_CATEGORY = 6;
    /**
     * Hand-written texts: round 1 by one writer, round 2 by three others in three outlet styles, rounds 3 to 5 by three
     * more each, written after the same-story model was fitted and each scored once before it was read (README.md).
     */
    static final List<String> HANDWRITTEN = List.of("handwritten.jsonl", "handwritten-wire.jsonl",
            "handwritten-tabloid.jsonl", "handwritten-explainer.jsonl", "handwritten-r3-regional.jsonl",
            "handwritten-r3-newsletter.jsonl", "handwritten-r3-broadcast.jsonl", "handwritten-r4-agency.jsonl",
            "handwritten-r4-daily.jsonl", "handwritten-r4-localtv.jsonl", "handwritten-r5-reuters.jsonl",
            "handwritten-r5-indian.jsonl", "handwritten-r5-trade.jsonl");
    static final List<String> HARD_NEGATIVES = List.of("hard-negatives.jsonl", "hard-negatives-wire.jsonl",
            "hard-negatives-tabloid.jsonl", "hard-negatives-explainer.jsonl", "hard-negatives-r3-regional.jsonl",
            "hard-negatives-r3-newsletter.jsonl", "hard-negatives-r3-broadcast.jsonl", "hard-negatives-r4-agency.jsonl",
            "hard-negatives-r4-daily.jsonl", "hard-negatives-r4-localtv.jsonl", "hard-negatives-r5-reuters.jsonl",
            "hard-negatives-r5-indian.jsonl", "hard-negatives-r5-trade.jsonl");
    static final String SPLIT_SALT = "newsdesk-retell-split-v1:";
    static final String TIME_SALT = "newsdesk-retell-time-v1:";
    static final int DEV_PERCENT = 60;
    static final Instant BBC_EPOCH = Instant.parse("2005-01-03T00:00:00Z");
    static final Instant XSUM_EPOCH = Instant.parse("2016-01-04T00:00:00Z");
    static final List<String> SYSTEMS = List.of("BERTS2S", "TConvS2S", "PtGen", "TranS2S");

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("pick")) {
            pick(readJsonl(Path.of(args[1])), args.length >= 3 ? Integer.parseInt(args[2]) : 1);
        } else if (args.length >= 2 && args[0].equals("mine-bbc")) {
            mineBbc(readJsonl(Path.of(args[1])), System.out);
        } else if (args.length >= 2 && args[0].equals("mine-xsum")) {
            mineXsum(readJsonl(Path.of(args[1])), System.out);
        } else if (args.length == 3 || args.length == 4) {
            build(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), args.length == 4 ? Path.of(args[3]) : null);
        } else {
            System.err.println("usage: RetellingDevSet <bbc.jsonl> <xsum.jsonl> <out-pairs.jsonl> [resource-dir]\n"
                    + "       RetellingDevSet pick <bbc.jsonl> [round]\n       RetellingDevSet mine-bbc <bbc.jsonl>\n       RetellingDevSet mine-xsum <xsum.jsonl>");
            System.exit(2);
        }
    }

    // ------------------------------------------------------------------------------------------------ build

    record Art(String id, String title, String body, Instant publishedAt) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("title", title);
            m.put("body", body);
            m.put("publishedAt", publishedAt.toString());
            return m;
        }
    }

    /** One labelled pair; {@code corpusIds} are the corpus articles it involves (they decide its split). */
    record Pair(String pairId, String kind, String origin, boolean same, Art a, Art b, List<String> corpusIds) {}

    static void build(Path bbcPath, Path xsumPath, Path out, Path resourceDir) throws IOException {
        Map<String, Map<String, Object>> bbc = byId(readJsonl(bbcPath));
        Map<String, Map<String, Object>> xsum = byId(readJsonl(xsumPath));
        for (Map<String, Object> x : xsum.values()) {
            countCasing(str(x, "body"), CORPUS_INNER, CORPUS_INITIAL);
        }
        List<Pair> pairs = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();

        // 1. XSum: reference as a wire brief, one rotating system output as another brief.
        int rot = 0;
        for (Map<String, Object> x : xsum.values()) {
            String id = str(x, "id");
            String body = str(x, "body");
            Art src = new Art(id, xsumHeadline(body), body, sourceTime(id));
            String ref = truecase(detokenise(str(x, "reference")), body);
            pairs.add(derived("xsum-ref:" + id, "brief", "xsum-reference", true, src,
                    id + "#reference", briefTitle(ref), ref, 1, 30, List.of(id)));
            @SuppressWarnings("unchecked")
            Map<String, Object> systems = (Map<String, Object>) x.get("systems");
            String chosen = null;
            for (int k = 0; k < SYSTEMS.size() && chosen == null; k++) {
                String sys = SYSTEMS.get((rot + k) % SYSTEMS.size());
                String raw = systems == null ? null : (String) systems.get(sys);
                String why = rejectSystem(raw, str(x, "reference"), body);
                if (why == null) {
                    chosen = sys;
                } else {
                    skipped.merge("xsum-system " + sys + ": " + why, 1, Integer::sum);
                }
            }
            rot++;
            if (chosen != null) {
                String sysText = truecase(detokenise((String) systems.get(chosen)), body);
                pairs.add(derived("xsum-sys:" + id + ":" + chosen, "brief", "xsum-system", true, src,
                        id + "#" + chosen, briefTitle(sysText), sysText, 1, 30, List.of(id)));
            }
        }

        // 2. Hand-written retellings and briefs of BBC articles.
        int n = 0;
        for (String file : HANDWRITTEN) {
            for (Map<String, Object> r : readResource(resourceDir, file)) {
                String sid = str(r, "sourceId");
                Map<String, Object> s = require(bbc, sid, file);
                String kind = str(r, "kind");
                if (!kind.equals("retelling") && !kind.equals("brief")) {
                    throw new IllegalArgumentException(file + ": kind must be retelling or brief: " + sid);
                }
                n++;
                pairs.add(derived("hw-" + kind + ":" + sid, kind, handwrittenOrigin(file), true, bbcArt(s),
                        "hw/" + sid, str(r, "title"), str(r, "body"), 1, 30, List.of(sid)));
            }
        }

        // 3. Natural same-event pairs and 5. mined different-event pairs inside BBC (both labelled by hand).
        for (Map<String, Object> r : readResource(resourceDir, "bbc-natural.jsonl")) {
            pairs.add(corpusPair(bbc, r, "retelling", "bbc-natural", true, 1, 30));
        }
        for (Map<String, Object> r : readResource(resourceDir, "bbc-mined-negatives.jsonl")) {
            pairs.add(corpusPair(bbc, r, "hard-negative", "bbc-mined", false, 0, 72));
        }

        // 4. Hand-written hard negatives: the same people, company or place, a different event.
        for (String file : HARD_NEGATIVES) for (Map<String, Object> r : readResource(resourceDir, file)) {
            String sid = str(r, "sourceId");
            Map<String, Object> s = require(bbc, sid, file);
            Art src = bbcArt(s);
            String pid = "hw-negative:" + sid;
            Random rnd = new Random(seed(pid));
            long minutes = rnd.nextInt(72 * 60 + 1);
            boolean before = "before".equals(r.get("when"));
            Art other = new Art("hw-neg/" + sid, str(r, "title"), str(r, "body"),
                    src.publishedAt().plus(Duration.ofMinutes(before ? -minutes : minutes)));
            pairs.add(ordered(pid, "hard-negative", handwrittenOrigin(file), false, src, other, List.of(sid)));
        }

        // 6. XSum: an article vs. the reference brief of another article about a related subject.
        for (Map<String, Object> r : readResource(resourceDir, "xsum-negatives.jsonl")) {
            String aid = str(r, "a");
            String bid = str(r, "b");
            Map<String, Object> xa = require(xsum, aid, "xsum-negatives.jsonl");
            Map<String, Object> xb = require(xsum, bid, "xsum-negatives.jsonl");
            String body = str(xa, "body");
            Art src = new Art(aid, xsumHeadline(body), body, sourceTime(aid));
            String brief = truecase(detokenise(str(xb, "reference")), str(xb, "body"));
            String pid = "xsum-neg:" + aid + ":" + bid;
            Random rnd = new Random(seed(pid));
            long minutes = rnd.nextInt(72 * 60 + 1) * (rnd.nextBoolean() ? 1L : -1L);
            Art other = new Art(bid + "#reference", briefTitle(brief), brief,
                    src.publishedAt().plus(Duration.ofMinutes(minutes)));
            pairs.add(ordered(pid, "hard-negative", "xsum-reference", false, src, other, List.of(aid, bid)));
        }

        // Copies: natural BBC exact/near duplicates, and re-posts with the lead dropped and site chrome added.
        List<String[]> dups = naturalDuplicates(bbc);
        for (String[] d : sampleCopies(bbc, dups)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("a", d[0]);
            r.put("b", d[1]);
            pairs.add(corpusPair(bbc, r, "copy", "bbc-natural", true, 0, 12));
        }
        for (String sid : chromeCopySources(bbc, CHROME_COPIES)) {
            Art src = bbcArt(bbc.get(sid));
            pairs.add(derived("copy-chrome:" + sid, "copy", "bbc-lead-dropped-chrome", true, src, "repost/" + sid,
                    src.title() + " | The Daily Ledger", chromeCopy(src.body(), sid), 0, 12, List.of(sid)));
        }

        // Splits: union every pair's corpus articles, then hash the smallest id of each group, so the held-out
        // part shares no corpus article with dev.
        UnionFind uf = new UnionFind();
        for (String[] d : dups) {
            // every natural duplicate cluster stays in one split, paired here or not
            uf.union(d[0], d[1]);
        }
        for (Pair p : pairs) {
            for (String id : p.corpusIds()) {
                uf.union(p.corpusIds().get(0), id);
            }
        }
        Map<String, String> groupMin = new HashMap<>();
        for (String id : new ArrayList<>(uf.parent.keySet())) {
            groupMin.merge(uf.find(id), id, (x, y) -> x.compareTo(y) <= 0 ? x : y);
        }

        Set<String> seen = new HashSet<>();
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        Map<String, Integer> originCounts = new TreeMap<>();
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Pair p : pairs) {
                if (!seen.add(p.pairId())) {
                    throw new IllegalStateException("duplicate pair id " + p.pairId());
                }
                String split = isDev(groupMin.get(uf.find(p.corpusIds().get(0)))) ? "dev" : "held-out";
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pairId", p.pairId());
                m.put("kind", p.kind());
                m.put("origin", p.origin());
                m.put("split", split);
                m.put("same", p.same());
                m.put("a", p.a().json());
                m.put("b", p.b().json());
                w.write(toJson(m));
                w.write('\n');
                counts.computeIfAbsent(p.kind(), k -> new TreeMap<>()).merge(split, 1, Integer::sum);
                originCounts.merge(p.kind() + " / " + p.origin() + " / " + split, 1, Integer::sum);
            }
        }
        System.out.printf("wrote %d pairs to %s (%d handwritten retellings/briefs)%n", pairs.size(), out, n);
        System.out.printf("%-16s %6s %9s %6s%n", "kind", "dev", "held-out", "total");
        int dev = 0;
        int held = 0;
        for (var e : counts.entrySet()) {
            int d = e.getValue().getOrDefault("dev", 0);
            int h = e.getValue().getOrDefault("held-out", 0);
            dev += d;
            held += h;
            System.out.printf("%-16s %6d %9d %6d%n", e.getKey(), d, h, d + h);
        }
        System.out.printf("%-16s %6d %9d %6d%n", "all", dev, held, dev + held);
        System.out.println("by kind / origin / split:");
        originCounts.forEach((k, v) -> System.out.printf("  %-50s %5d%n", k, v));
        if (!skipped.isEmpty()) {
            System.out.println("skipped system outputs (rotation moved on to the next system):");
            skipped.forEach((k, v) -> System.out.printf("  %-50s %5d%n", k, v));
        }
    }

    /** A pair of the source and a text derived from it, published 'lo'..'hi' hours after the source. */
    static Pair derived(String pid, String kind, String origin, boolean same, Art src, String bid, String title,
            String body, int loHours, int hiHours, List<String> corpusIds) {
        Random rnd = new Random(seed(pid));
        long minutes = loHours * 60L + rnd.nextInt((hiHours - loHours) * 60 + 1);
        Art b = new Art(bid, title, body, src.publishedAt().plus(Duration.ofMinutes(minutes)));
        return new Pair(pid, kind, origin, same, src, b, corpusIds);
    }

    /** Two corpus articles; the first ("a" in the resource) keeps its source time, the second follows it. */
    static Pair corpusPair(Map<String, Map<String, Object>> bbc, Map<String, Object> r, String kind, String origin,
            boolean same, int loHours, int hiHours) {
        String a = str(r, "a");
        String b = str(r, "b");
        String file = origin + " " + kind;
        Art aa = bbcArt(require(bbc, a, file));
        Map<String, Object> sb = require(bbc, b, file);
        String pid = kind + ":" + a + ":" + b;
        Random rnd = new Random(seed(pid));
        long minutes = loHours * 60L + rnd.nextInt((hiHours - loHours) * 60 + 1);
        Art bb = new Art(b, str(sb, "title"), str(sb, "body"), aa.publishedAt().plus(Duration.ofMinutes(minutes)));
        return new Pair(pid, kind, origin, same, aa, bb, List.of(a, b));
    }

    static Pair ordered(String pid, String kind, String origin, boolean same, Art x, Art y, List<String> ids) {
        return y.publishedAt().isBefore(x.publishedAt())
                ? new Pair(pid, kind, origin, same, y, x, ids)
                : new Pair(pid, kind, origin, same, x, y, ids);
    }

    static Art bbcArt(Map<String, Object> s) {
        String id = str(s, "id");
        return new Art(id, str(s, "title"), str(s, "body"), sourceTime(id));
    }

    /** Synthetic publication time of a corpus article: a stable hash of its id spread over ~50 weeks. */
    static Instant sourceTime(String id) {
        long h = Math.floorMod(seed(TIME_SALT + id), 350L * 24 * 60);
        Instant epoch = id.startsWith("xsum") ? XSUM_EPOCH : BBC_EPOCH;
        return epoch.plus(Duration.ofMinutes(h));
    }

    static boolean isDev(String groupId) {
        return Math.floorMod(seed(SPLIT_SALT + groupId), 100L) < DEV_PERCENT;
    }

    static long seed(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> require(Map<String, Map<String, Object>> corpus, String id, String file) {
        Map<String, Object> m = corpus.get(id);
        if (m == null) {
            throw new IllegalArgumentException(file + ": id not in corpus: " + id);
        }
        return m;
    }

    static final class UnionFind {
        final Map<String, String> parent = new HashMap<>();

        String find(String x) {
            parent.putIfAbsent(x, x);
            String p = parent.get(x);
            if (!p.equals(x)) {
                p = find(p);
                parent.put(x, p);
            }
            return p;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                if (ra.compareTo(rb) < 0) {
                    parent.put(rb, ra);
                } else {
                    parent.put(ra, rb);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ copies

    /** BBC pairs whose normalised text is equal, or whose 5-shingle Jaccard is at least 0.6 (same category). */
    static List<String[]> naturalDuplicates(Map<String, Map<String, Object>> bbc) {
        List<String> ids = new ArrayList<>(bbc.keySet());
        Collections.sort(ids);
        Map<String, Set<Long>> sh = new HashMap<>();
        Map<Long, List<String>> index = new HashMap<>();
        for (String id : ids) {
            Set<Long> s = shingles(words(str(bbc.get(id), "body")), 5);
            sh.put(id, s);
            for (Long x : s) {
                index.computeIfAbsent(x, k -> new ArrayList<>()).add(id);
            }
        }
        List<String[]> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String id : ids) {
            Map<String, Integer> common = new HashMap<>();
            for (Long x : sh.get(id)) {
                for (String o : index.get(x)) {
                    if (o.compareTo(id) > 0) {
                        common.merge(o, 1, Integer::sum);
                    }
                }
            }
            List<String> others = new ArrayList<>(common.keySet());
            Collections.sort(others);
            for (String o : others) {
                int c = common.get(o);
                double j = c / (double) (sh.get(id).size() + sh.get(o).size() - c);
                // one pair per duplicate cluster member: skip a copy already paired as the later member
                if (j >= 0.6 && !used.contains(o)) {
                    used.add(o);
                    out.add(new String[] {id, o});
                }
            }
        }
        return out;
    }

    static final int NEAR_COPIES_MAX = 40;
    static final int EXACT_COPIES = 10;
    static final int CHROME_COPIES = 16;

    /** All natural near duplicates (bodies differ; at most 40) plus 10 seeded exact duplicates. */
    static List<String[]> sampleCopies(Map<String, Map<String, Object>> bbc, List<String[]> dups) {
        List<String[]> near = new ArrayList<>();
        List<String[]> exact = new ArrayList<>();
        for (String[] d : dups) {
            boolean same = str(bbc.get(d[0]), "body").strip().equals(str(bbc.get(d[1]), "body").strip());
            (same ? exact : near).add(d);
        }
        Collections.shuffle(near, new Random(PICK_SEED + 3));
        Collections.shuffle(exact, new Random(PICK_SEED + 4));
        List<String[]> out = new ArrayList<>(near.subList(0, Math.min(NEAR_COPIES_MAX, near.size())));
        out.addAll(exact.subList(0, Math.min(EXACT_COPIES, exact.size())));
        out.sort(Comparator.comparing((String[] d) -> d[0]).thenComparing(d -> d[1]));
        return out;
    }

    static List<String> chromeCopySources(Map<String, Map<String, Object>> bbc, int n) {
        List<String> ids = new ArrayList<>();
        for (var e : bbc.entrySet()) {
            String body = str(e.getValue(), "body");
            if (body.split("\n\n").length >= 4) {
                ids.add(e.getKey());
            }
        }
        Collections.sort(ids);
        Collections.shuffle(ids, new Random(PICK_SEED + 1));
        return ids.subList(0, n);
    }

    static final List<String> CHROME_TOP = List.of(
            "Home | News | Business | Sport | Tech | Entertainment",
            "Skip to main content. Sign in | Subscribe",
            "Advertisement");
    static final List<String> CHROME_BOTTOM = List.of(
            "Share this article: Facebook | Twitter | Email",
            "Related stories\nMore from this section",
            "Copyright 2005 The Daily Ledger. All rights reserved.");

    /** The body without its first paragraph, wrapped in a site's navigation and footer lines. */
    static String chromeCopy(String body, String sid) {
        Random rnd = new Random(seed("chrome:" + sid));
        String[] paras = body.split("\n\n");
        StringBuilder sb = new StringBuilder();
        sb.append(CHROME_TOP.get(rnd.nextInt(CHROME_TOP.size()))).append("\n\n");
        for (int i = 1; i < paras.length; i++) {
            sb.append(paras[i]).append(i + 1 < paras.length ? "\n\n" : "");
        }
        sb.append("\n\n").append(CHROME_BOTTOM.get(rnd.nextInt(CHROME_BOTTOM.size())));
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ XSum text

    /** XSum has no headlines: the article's first sentence (after any share-widget text), cut to 12 words. */
    static final Pattern SHARE_CHROME = Pattern.compile("^(?:Share this with.*?Copy this link|Media playback is not supported on this device)\\s*");

    static String xsumHeadline(String body) {
        String first = SHARE_CHROME.matcher(body.strip()).replaceFirst("").split("(?<=[.!?])[\"']?\\s+(?=[\"'A-Z0-9])", 2)[0];
        return firstWords(first, 12).replaceAll("[.,;:]+$", "");
    }

    static String briefTitle(String brief) {
        return firstWords(brief, 8).replaceAll("[.,;:]+$", "");
    }

    static String firstWords(String s, int n) {
        String[] w = s.strip().split("\\s+");
        return w.length <= n ? s.strip() : String.join(" ", java.util.Arrays.copyOf(w, n));
    }

    static final Pattern UNK = Pattern.compile("\\[unk\\]", Pattern.CASE_INSENSITIVE);

    /** Why a system output is not used as a brief, or null when it is. */
    static String rejectSystem(String raw, String reference, String body) {
        if (raw == null || raw.isBlank()) {
            return "empty";
        }
        if (UNK.matcher(raw).find()) {
            return "contains [UNK]";
        }
        if (!raw.chars().allMatch(c -> c < 128)) {
            return "mojibake";
        }
        List<String> s = words(raw);
        List<String> r = words(reference);
        Set<String> sb = new HashSet<>(shingleStrings(s, 2));
        Set<String> rb = new HashSet<>(shingleStrings(r, 2));
        Set<String> inter = new HashSet<>(sb);
        inter.retainAll(rb);
        Set<String> union = new HashSet<>(sb);
        union.addAll(rb);
        if (!union.isEmpty() && inter.size() / (double) union.size() >= 0.6) {
            return "near-identical to reference";
        }
        Map<String, Integer> freq = new HashMap<>();
        s.stream().filter(w -> !STOP.contains(w)).forEach(w -> freq.merge(w, 1, Integer::sum));
        if (freq.values().stream().anyMatch(c -> c >= 3)) {
            return "degenerate repetition";
        }
        // Keep only outputs about the article at all: at least two content words shared with it.
        Set<String> bodyWords = new HashSet<>(words(body));
        long shared = s.stream().distinct().filter(w -> w.length() > 3 && !STOP.contains(w) && bodyWords.contains(w))
                .count();
        if (shared < 2) {
            return "fewer than 2 content words from the article";
        }
        return null;
    }

    /** Undo XSum's tokenisation: quotes, escaped apostrophes, spacing around punctuation, '#' for pound. */
    static String detokenise(String t) {
        String s = t.replace("\\'", "'").replace("Â", "").strip();
        s = s.replace("``", " \u0001").replace("''", "\u0002 ");
        s = s.replaceAll("#\\s*(?=\\d)", "£");
        s = s.replaceAll("\\s+", " ");
        s = s.replaceAll("\u0001\\s*", "\"").replaceAll("\\s*\u0002", "\"");
        s = s.replaceAll("\\s+([.,;:!?%)])", "$1");
        s = s.replaceAll("([(£$])\\s+", "$1");
        s = s.replaceAll("\\s+(n't|'s|'re|'ve|'ll|'d|'m)\\b", "$1");
        s = s.replaceAll("\"\\s+([.,;:])", "\"$1");
        s = s.replaceAll("\\s+", " ").strip();
        // a closing quote glued to the next word, as in "maverick"is
        s = s.replaceAll("(\\w[.,!?]?\")(?=\\w)", "$1 ");
        return s;
    }

    static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

    /**
     * True-case a lower-cased brief from its article: each word takes the casing it most often has in the body
     * away from sentence starts; words seen only at sentence starts keep that capital unless they are function
     * words; unseen words stay lower case. The first word is capitalised.
     */
    static String truecase(String lower, String body) {
        Map<String, Map<String, Integer>> inner = new HashMap<>();
        Map<String, Map<String, Integer>> initial = new HashMap<>();
        countCasing(body, inner, initial);
        StringBuilder sb = new StringBuilder();
        Matcher t = TOKEN.matcher(lower);
        int pos = 0;
        boolean first = true;
        while (t.find()) {
            sb.append(lower, pos, t.start());
            String tok = t.group();
            String cased = caseOf(tok, inner, initial);
            if (cased == null) {
                // not in this article: the casing the word has across all XSum articles, if any
                cased = caseOf(tok, CORPUS_INNER, CORPUS_INITIAL);
            }
            if (cased == null && tok.contains("'")) {
                String stem = tok.substring(0, tok.indexOf('\''));
                String c = caseOf(stem, inner, initial);
                if (c == null) {
                    c = caseOf(stem, CORPUS_INNER, CORPUS_INITIAL);
                }
                cased = c == null ? null : c + tok.substring(stem.length());
            }
            if (cased == null) {
                cased = tok.equals("i") ? "I" : tok;
            }
            if (first) {
                cased = Character.toUpperCase(cased.charAt(0)) + cased.substring(1);
                first = false;
            }
            sb.append(cased);
            pos = t.end();
        }
        sb.append(lower.substring(pos));
        return sb.toString();
    }

    static final Map<String, Map<String, Integer>> CORPUS_INNER = new HashMap<>();
    static final Map<String, Map<String, Integer>> CORPUS_INITIAL = new HashMap<>();

    /** Counts each word's surface forms, apart for sentence-initial positions; "Bulger's" also counts "Bulger". */
    static void countCasing(String body, Map<String, Map<String, Integer>> inner,
            Map<String, Map<String, Integer>> initial) {
        Matcher m = TOKEN.matcher(body);
        int last = 0;
        boolean sentenceStart = true;
        while (m.find()) {
            String gap = body.substring(last, m.start());
            if (gap.matches("(?s).*([.!?]|\\n).*")) {
                sentenceStart = true;
            }
            String tok = m.group();
            Map<String, Map<String, Integer>> target = sentenceStart ? initial : inner;
            target.computeIfAbsent(tok.toLowerCase(Locale.ROOT), k -> new HashMap<>()).merge(tok, 1, Integer::sum);
            int apo = tok.indexOf('\'');
            if (apo > 0) {
                String stem = tok.substring(0, apo);
                target.computeIfAbsent(stem.toLowerCase(Locale.ROOT), k -> new HashMap<>()).merge(stem, 1, Integer::sum);
            }
            sentenceStart = false;
            last = m.end();
        }
    }

    static String caseOf(String tok, Map<String, Map<String, Integer>> inner, Map<String, Map<String, Integer>> initial) {
        String key = tok.toLowerCase(Locale.ROOT);
        Map<String, Integer> c = inner.get(key);
        if (c != null) {
            return c.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                            .thenComparing(e -> e.getKey().equals(key) ? 1 : 0))
                    .get().getKey();
        }
        c = initial.get(key);
        if (c != null && !STOP.contains(key)) {
            return c.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ mining

    static void pick(List<Map<String, Object>> bbc, int round) {
        for (String id : pickIds(bbc, round)) {
            Map<String, Object> a = bbc.stream().filter(x -> str(x, "id").equals(id)).findFirst().get();
            System.out.printf("%s\t%d words\t%s%n", id, words(str(a, "body")).size(), str(a, "title"));
        }
    }

    /**
     * Seeded sample for hand-writing, 200-600 words per article: round 1 takes 12 articles from each category, round 2
     * the next 9 of the same shuffle and each later round the next 6 (written by other hands, see README.md).
     */
    static List<String> pickIds(List<Map<String, Object>> bbc, int round) {
        Map<String, List<String>> byCat = new TreeMap<>();
        for (Map<String, Object> a : bbc) {
            int n = str(a, "body").strip().split("\\s+").length;
            if (n >= 200 && n <= 600) {
                byCat.computeIfAbsent(str(a, "category"), k -> new ArrayList<>()).add(str(a, "id"));
            }
        }
        List<String> out = new ArrayList<>();
        Random rnd = new Random(PICK_SEED);
        for (List<String> ids : byCat.values()) {
            Collections.sort(ids);
            Collections.shuffle(ids, rnd);
            int from = round == 1 ? 0 : round == 2 ? PICK_PER_CATEGORY
                    : PICK_PER_CATEGORY + PICK_ROUND_2_PER_CATEGORY + (round - 3) * PICK_LATER_ROUND_PER_CATEGORY;
            int size = round == 1 ? PICK_PER_CATEGORY : round == 2 ? PICK_ROUND_2_PER_CATEGORY
                    : PICK_LATER_ROUND_PER_CATEGORY;
            out.addAll(ids.subList(from, from + size));
        }
        return out;
    }

    private static final Pattern LATER_ROUND = Pattern.compile("-(r\\d+)-");

    /** Rounds 3 and later are reported on their own ("handwritten-r3"): each was scored before it was looked at. */
    static String handwrittenOrigin(String file) {
        Matcher round = LATER_ROUND.matcher(file);
        return round.find() ? "handwritten-" + round.group(1) : "handwritten";
    }

    static final Pattern CAP = Pattern.compile("(?<![.!?\"]\\s)(?<!^)\\b[A-Z][a-zA-Z]+(?:[-'][A-Z][a-zA-Z]+)?");

    /** Capitalised words that are not at a sentence start, minus titles and function words. */
    static Set<String> names(String body) {
        Set<String> out = new HashSet<>();
        for (String para : body.split("\n+")) {
            Matcher m = CAP.matcher(para.strip());
            while (m.find()) {
                String w = m.group();
                if (!STOP.contains(w.toLowerCase(Locale.ROOT)) && !NAME_STOP.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    static final Set<String> NAME_STOP = Set.of("Mr", "Mrs", "Ms", "Dr", "Sir", "BBC", "News", "Monday",
            "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
            "April", "May", "June", "July", "August", "September", "October", "November", "December", "UK", "US");

    static void mineBbc(List<Map<String, Object>> bbc, PrintStream out) {
        List<Map<String, Object>> arts = new ArrayList<>(bbc);
        arts.sort(Comparator.comparing(a -> str(a, "id")));
        Map<String, Integer> df = new HashMap<>();
        List<Set<String>> names = new ArrayList<>();
        List<Set<Long>> sh = new ArrayList<>();
        for (Map<String, Object> a : arts) {
            Set<String> n = names(str(a, "body"));
            names.add(n);
            n.forEach(x -> df.merge(x, 1, Integer::sum));
            sh.add(shingles(words(str(a, "body")), 5));
        }
        double limit = arts.size() * 0.01;
        // the later members of natural duplicate clusters would only repeat their first member's candidates
        Set<String> laterCopies = new HashSet<>();
        naturalDuplicates(byId(bbc)).forEach(d -> laterCopies.add(d[1]));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < arts.size(); i++) {
            for (int j = i + 1; j < arts.size(); j++) {
                if (!str(arts.get(i), "category").equals(str(arts.get(j), "category"))
                        || laterCopies.contains(str(arts.get(i), "id")) || laterCopies.contains(str(arts.get(j), "id"))) {
                    continue;
                }
                List<String> shared = new ArrayList<>();
                for (String x : names.get(i)) {
                    if (df.get(x) < limit && names.get(j).contains(x)) {
                        shared.add(x);
                    }
                }
                if (shared.size() < 2) {
                    continue;
                }
                double jac = jaccard(sh.get(i), sh.get(j));
                if (jac >= 0.05) {
                    continue;
                }
                Collections.sort(shared);
                lines.add(String.format("%s\t%s\t%.3f\t%s\t%s || %s%n    A: %s%n    B: %s%n", str(arts.get(i), "id"),
                        str(arts.get(j), "id"), jac, String.join(",", shared), str(arts.get(i), "title"),
                        str(arts.get(j), "title"), firstWords(str(arts.get(i), "body"), 45).replace('\n', ' '),
                        firstWords(str(arts.get(j), "body"), 45).replace('\n', ' ')));
            }
        }
        // seeded order: the labeller reads candidates from the top
        Collections.shuffle(lines, new Random(PICK_SEED + 2));
        lines.forEach(out::print);
    }

    static void mineXsum(List<Map<String, Object>> xsum, PrintStream out) {
        List<Map<String, Object>> arts = new ArrayList<>(xsum);
        arts.sort(Comparator.comparing(a -> str(a, "id")));
        Map<String, Integer> df = new HashMap<>();
        List<Set<String>> names = new ArrayList<>();
        for (Map<String, Object> a : arts) {
            Set<String> n = names(str(a, "body"));
            names.add(n);
            n.forEach(x -> df.merge(x, 1, Integer::sum));
        }
        for (int i = 0; i < arts.size(); i++) {
            for (int j = i + 1; j < arts.size(); j++) {
                List<String> shared = new ArrayList<>();
                for (String x : names.get(i)) {
                    if (df.get(x) <= 5 && names.get(j).contains(x)) {
                        shared.add(x);
                    }
                }
                if (shared.isEmpty()) {
                    continue;
                }
                Collections.sort(shared);
                out.printf("%d\t%s\t%s\t%s%n  A: %s%n  B: %s%n", shared.size(), str(arts.get(i), "id"),
                        str(arts.get(j), "id"), String.join(",", shared),
                        detokenise(str(arts.get(i), "reference")), detokenise(str(arts.get(j), "reference")));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ text

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static List<String> shingleStrings(List<String> w, int k) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + k <= w.size(); i++) {
            out.add(String.join(" ", w.subList(i, i + k)));
        }
        return out;
    }

    static Set<Long> shingles(List<String> w, int k) {
        Set<Long> out = new HashSet<>();
        for (String s : shingleStrings(w, k)) {
            out.add(seed(s));
        }
        return out;
    }

    static double jaccard(Set<Long> a, Set<Long> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int inter = 0;
        for (Long x : a.size() < b.size() ? a : b) {
            if ((a.size() < b.size() ? b : a).contains(x)) {
                inter++;
            }
        }
        return inter / (double) (a.size() + b.size() - inter);
    }

    static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for", "from", "by", "with",
            "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that",
            "these", "those", "he", "she", "they", "we", "you", "his", "her", "their", "our", "there", "here",
            "however", "so", "after", "before", "when", "while", "what", "which", "who", "not", "no", "more", "most",
            "said", "says", "also", "than", "then", "one", "two", "new", "will", "would", "could", "should", "can",
            "may", "about", "into", "over", "under", "some", "many", "all", "both", "each", "other", "such", "only",
            "just", "now", "last", "first", "year", "years", "people", "meanwhile", "although", "because", "since",
            "until", "where", "how", "why", "yet", "still", "even", "despite", "instead", "according", "mr", "mrs",
            "ms");

    // ------------------------------------------------------------------------------------------------ JSON

    static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("missing string field '" + k + "' in " + m.get("id"));
        }
        return s;
    }

    static Map<String, Map<String, Object>> byId(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            m.put(str(r, "id"), r);
        }
        return m;
    }

    static List<Map<String, Object>> readJsonl(Path p) throws IOException {
        return parseLines(Files.newBufferedReader(p, StandardCharsets.UTF_8), p.toString());
    }

    /** A resource from the given directory, else from the class path (/retellings/...), else ./src/eval/resources. */
    static List<Map<String, Object>> readResource(Path dir, String name) throws IOException {
        if (dir != null) {
            return readJsonl(dir.resolve(name));
        }
        InputStream in = RetellingDevSet.class.getResourceAsStream("/retellings/" + name);
        if (in != null) {
            return parseLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), name);
        }
        return readJsonl(Path.of("src/eval/resources/retellings").resolve(name));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parseLines(BufferedReader r, String name) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (r) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add((Map<String, Object>) new JsonReader(line).value());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(name + ":" + n + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    static final class JsonReader {
        final String s;
        int i;

        JsonReader(String s) {
            this.s = s;
        }

        Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                default:
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int st = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (st == i) {
                        throw new IllegalArgumentException("bad JSON at " + i);
                    }
                    return Double.parseDouble(s.substring(st, i));
            }
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }
    }

    static String toJson(Object o) {
        StringBuilder sb = new StringBuilder();
        write(sb, o);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static void write(StringBuilder sb, Object o) {
        if (o == null) {
            sb.append("null");
        } else if (o instanceof Boolean || o instanceof Number) {
            sb.append(o);
        } else if (o instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (var e : ((Map<String, Object>) m).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(sb, e.getKey());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else {
            String s = o.toString();
            sb.append('"');
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }

    private RetellingDevSet() {}
}
