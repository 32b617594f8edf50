package io.newsdesk.story;

import io.newsdesk.embedding.Vectors;
import io.newsdesk.text.Mentions;
import io.newsdesk.text.SentenceSplitter;
import io.newsdesk.text.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evidence that two different texts report the same event, as a few explainable numbers for
 * {@link SameStoryModel}. Each side's share of what the other says is taken from the side that says less, so a
 * two-sentence brief is judged by whether its names and figures are in the full article. Pure; thread-safe.
 *
 * @param cosine          cosine of the story embeddings (title + lead, {@code StoryEmbedder}); 0 when one is missing
 * @param headline        the larger, over both sides, share of a side's headline words (title, else first sentence;
 *                        words of 4+ characters) found anywhere in the other side
 * @param nameJaccard     weighted Jaccard of the two name distributions (each name's share of its side's mentions)
 * @param nameContainment share of the distinct names of the side with fewer names also named by the other,
 *                        smoothed as (shared + 0.5) / (names + 1): no names at all is 0.5, not 0 or 1
 * @param rareNames       ln(1 + shared names neither text writes in lower case): "Venter", "Celera", not "Police"
 * @param numbers         share of the figures and dates of the side with fewer also in the other, smoothed as above
 * @param hoursApart      ln(1 + hours between the publication times); a missing time counts as {@link #WINDOW}
 * @param lengthRatio     ln(words of the longer text / words of the shorter), a brief against an article is large
 * @param sharedNames     the shared names as first written, rare ones first (for the explanation)
 * @param sharedNumbers   the shared figures and dates as first written (for the explanation)
 * @param apart           the time between the publications, or null when one is missing
 */
public record SameStoryFeatures(double cosine, double headline, double nameJaccard, double nameContainment,
        double rareNames, double numbers, double hoursApart, double lengthRatio, List<String> sharedNames,
        List<String> sharedNumbers, Duration apart) {

    /** The feature names, in the order of {@link #vector()}: the keys of the model's weights. */
    public static final List<String> NAMES = List.of("cosine", "headline", "nameJaccard", "nameContainment",
            "rareNames", "numbers", "hoursApart", "lengthRatio");

    /** The time a missing publication time counts as: the candidate window of story assignment. */
    public static final Duration WINDOW = Duration.ofDays(3);

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final int MIN_HEADLINE_WORD = 4;

    /**
     * One article as the features see it; build with {@link #of}, once per article.
     *
     * @param embedding   story embedding, may be null
     * @param publishedAt may be null
     * @param mentions    names, numbers and dates of title and text
     * @param headline    the words (4+ characters) of the title, else of the first sentence
     * @param words       all distinct words of title and text
     * @param length      number of words of the text
     */
    public record Side(float[] embedding, Instant publishedAt, Mentions mentions, Set<String> headline,
            Set<String> words, int length) {

        public static Side of(String title, String text, float[] embedding, Instant publishedAt) {
            String body = text == null ? "" : text;
            boolean hasTitle = title != null && !title.isBlank();
            List<String> sentences = hasTitle ? List.of() : SPLITTER.split(body);
            String headline = hasTitle ? title : sentences.isEmpty() ? "" : sentences.get(0);
            Set<String> headlineWords = new HashSet<>();
            for (String w : Words.tokenize(headline)) {
                if (w.length() >= MIN_HEADLINE_WORD) {
                    headlineWords.add(w);
                }
            }
            List<String> bodyWords = Words.tokenize(body);
            Set<String> words = new HashSet<>(bodyWords);
            words.addAll(Words.tokenize(title));
            return new Side(embedding, publishedAt, Mentions.of(title, body), Set.copyOf(headlineWords),
                    Set.copyOf(words), bodyWords.size());
        }
    }

    /** The features of a pair; symmetric in {@code a} and {@code b}. */
    public static SameStoryFeatures of(Side a, Side b) {
        double cosine = a.embedding() == null || b.embedding() == null ? 0
                : Vectors.cosine(a.embedding(), b.embedding());
        double headline = Math.max(share(a.headline(), b.words()), share(b.headline(), a.words()));

        Mentions ma = a.mentions();
        Mentions mb = b.mentions();
        Mentions fewerNames = ma.names().size() <= mb.names().size() ? ma : mb;
        Mentions moreNames = fewerNames == ma ? mb : ma;
        List<String> rare = new ArrayList<>();
        List<String> common = new ArrayList<>();
        for (String name : fewerNames.names().keySet()) {
            if (moreNames.names().containsKey(name)) {
                String shown = moreNames.display().get(name);
                (ma.isAlsoCommonWord(name) || mb.isAlsoCommonWord(name) ? common : rare).add(shown);
            }
        }
        int sharedNames = rare.size() + common.size();
        List<String> sharedNamesShown = new ArrayList<>(rare);
        sharedNamesShown.addAll(common);

        Map<String, String> factsA = facts(ma);
        Map<String, String> factsB = facts(mb);
        Map<String, String> fewerFacts = factsA.size() <= factsB.size() ? factsA : factsB;
        Map<String, String> moreFacts = fewerFacts == factsA ? factsB : factsA;
        List<String> sharedFacts = new ArrayList<>();
        for (Map.Entry<String, String> fact : fewerFacts.entrySet()) {
            if (moreFacts.containsKey(fact.getKey())) {
                sharedFacts.add(fact.getValue());
            }
        }

        Duration apart = a.publishedAt() == null || b.publishedAt() == null ? null
                : Duration.between(a.publishedAt(), b.publishedAt()).abs();
        double hours = (apart == null ? WINDOW : apart).toMinutes() / 60.0;
        double lengthRatio = Math.log((Math.max(a.length(), b.length()) + 1.0)
                / (Math.min(a.length(), b.length()) + 1.0));
        return new SameStoryFeatures(cosine, headline, weightedJaccard(ma, mb),
                smoothedShare(sharedNames, fewerNames.names().size()), Math.log1p(rare.size()),
                smoothedShare(sharedFacts.size(), fewerFacts.size()), Math.log1p(hours), lengthRatio,
                List.copyOf(sharedNamesShown), List.copyOf(sharedFacts), apart);
    }

    /** The feature values in the order of {@link #NAMES}. */
    public double[] vector() {
        return new double[] {cosine, headline, nameJaccard, nameContainment, rareNames, numbers, hoursApart,
                lengthRatio};
    }

    /** Figures and dates of one side: key to the form first written. */
    private static Map<String, String> facts(Mentions m) {
        Map<String, String> facts = new LinkedHashMap<>(m.numbers());
        for (String date : m.dates()) {
            facts.putIfAbsent("date:" + date, date);
        }
        return facts;
    }

    private static double share(Set<String> part, Set<String> whole) {
        if (part.isEmpty()) {
            return 0;
        }
        return part.stream().filter(whole::contains).count() / (double) part.size();
    }

    private static double smoothedShare(int shared, int of) {
        return (shared + 0.5) / (of + 1.0);
    }

    private static double weightedJaccard(Mentions a, Mentions b) {
        double totalA = a.nameMentions();
        double totalB = b.nameMentions();
        if (totalA == 0 || totalB == 0) {
            return 0;
        }
        Set<String> keys = new HashSet<>(a.names().keySet());
        keys.addAll(b.names().keySet());
        double min = 0;
        double max = 0;
        for (String key : keys) {
            double pa = a.names().getOrDefault(key, 0) / totalA;
            double pb = b.names().getOrDefault(key, 0) / totalB;
            min += Math.min(pa, pb);
            max += Math.max(pa, pb);
        }
        return min / max;
    }
}
