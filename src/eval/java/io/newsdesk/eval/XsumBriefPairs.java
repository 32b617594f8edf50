package io.newsdesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.testing.Jsonl;
import io.newsdesk.text.SentenceSplitter;
import io.newsdesk.text.Words;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in pair file for {@link RetellingEvaluation} until the labelled retelling pairs exist: from the XSum
 * corpus (article body + its one-sentence lower-cased reference summary), per article
 * <ul>
 *   <li>brief (same): the article against its own reference, true-cased from the article;</li>
 *   <li>copy (same): the article against its first 70% of sentences;</li>
 *   <li>hard-negative (different): the article against the reference of the other article (same split) whose
 *       lead shares most words with its lead;</li>
 *   <li>unrelated (different): the article against the reference of a random other article (same split).</li>
 * </ul>
 * The split is by article (60% dev, 40% held-out, by id hash), so no text is in both. Both sides of every pair,
 * same or not, are 0-48 h apart (one seeded draw per pair): time carries no signal here. XSum has no titles.
 *
 * <p>Usage: {@code XsumBriefPairs <xsum.jsonl> <out.jsonl>}; write the output under target/, not in the repo.
 */
public final class XsumBriefPairs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Instant T0 = Instant.parse("2017-01-02T08:00:00Z");

    private record Article(String id, String body, String reference, String split, Set<String> lead) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: XsumBriefPairs <xsum.jsonl> <out.jsonl>");
            System.exit(2);
        }
        List<Article> articles = new ArrayList<>();
        for (JsonNode row : Jsonl.read(Path.of(args[0]))) {
            String id = row.get("id").asText();
            String body = row.get("body").asText();
            List<String> sentences = SPLITTER.split(body);
            if (sentences.size() < 4) {
                continue;
            }
            Set<String> lead = new HashSet<>();
            for (String s : sentences.subList(0, 3)) {
                Words.tokenize(s).stream().filter(w -> w.length() >= 5).forEach(lead::add);
            }
            String split = Math.floorMod(id.hashCode(), 5) < 3 ? "dev" : "held-out";
            articles.add(new Article(id, body, trueCase(row.get("reference").asText(), body), split, lead));
        }
        Random random = new Random(20260101L);
        int n = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            for (Article a : articles) {
                List<Article> others = articles.stream().filter(o -> o != a && o.split.equals(a.split)).toList();
                Article nearest = others.stream().max((x, y) -> Integer.compare(overlap(a, x), overlap(a, y)))
                        .orElseThrow();
                Article randomOther = others.get(random.nextInt(others.size()));
                List<String> sentences = SPLITTER.split(a.body);
                String cut = String.join(" ", sentences.subList(0, (int) Math.ceil(sentences.size() * 0.7)));
                out.println(pair(a, "brief", "xsum-reference", true, a.id + "#ref", a.reference, random));
                out.println(pair(a, "copy", "xsum-cut-70", true, a.id + "#cut", cut, random));
                out.println(pair(a, "hard-negative", "xsum-nearest-reference", false, nearest.id + "#ref",
                        nearest.reference, random));
                out.println(pair(a, "unrelated", "xsum-random-reference", false, randomOther.id + "#ref",
                        randomOther.reference, random));
                n += 4;
            }
        }
        System.out.printf(Locale.ROOT, "%d pairs of %d articles -> %s%n", n, articles.size(), args[1]);
    }

    private static int overlap(Article a, Article b) {
        int shared = 0;
        for (String w : a.lead) {
            if (b.lead.contains(w)) {
                shared++;
            }
        }
        return shared;
    }

    private static String pair(Article a, String kind, String origin, boolean same, String bId, String bBody,
            Random random) throws IOException {
        ObjectNode pair = JSON.createObjectNode();
        pair.put("pairId", a.id + "/" + origin);
        pair.put("kind", kind);
        pair.put("origin", origin);
        pair.put("split", a.split);
        pair.put("same", same);
        pair.set("a", side(a.id, a.body, T0));
        pair.set("b", side(bId, bBody, T0.plus(Duration.ofMinutes(random.nextInt(48 * 60)))));
        return JSON.writeValueAsString(pair);
    }

    private static ObjectNode side(String id, String body, Instant at) {
        ObjectNode side = JSON.createObjectNode();
        side.put("id", id);
        side.putNull("title");
        side.put("body", body);
        side.put("publishedAt", at.toString());
        return side;
    }

    /**
     * The lower-cased reference with each word in the form the article writes it most often inside a sentence
     * (names and acronyms get their capitals back), the first letter capitalised; XSum's escapes undone.
     */
    static String trueCase(String reference, String article) {
        String text = reference.replace("\\'", "'").replace("``", "\"").replace("''", "\"")
                .replaceAll("# (\\d)", "£$1").strip();
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        for (String sentence : SPLITTER.split(article)) {
            Matcher m = WORD.matcher(sentence);
            boolean first = true;
            while (m.find()) {
                if (!first) {
                    forms.computeIfAbsent(m.group().toLowerCase(Locale.ROOT), k -> new HashMap<>())
                            .merge(m.group(), 1, Integer::sum);
                }
                first = false;
            }
        }
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            Map<String, Integer> seen = forms.get(m.group());
            out.append(seen == null ? m.group()
                    : seen.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
            last = m.end();
        }
        out.append(text.substring(last));
        int firstLetter = 0;
        while (firstLetter < out.length() && !Character.isLetter(out.charAt(firstLetter))) {
            firstLetter++;
        }
        if (firstLetter < out.length()) {
            out.setCharAt(firstLetter, Character.toUpperCase(out.charAt(firstLetter)));
        }
        return out.toString();
    }
}
