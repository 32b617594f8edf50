package io.newsdesk.summary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.embedding.LexicalEmbeddingModel;
import io.newsdesk.testing.Jsonl;
import io.newsdesk.text.Mentions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Does a story summary tell more of the story than the representative's own summary (what a feed item showed before
 * issue #16)? Stories are built from the retelling development set (RetellingDevSet's pair file): the articles of
 * same-story pairs that are not copies (another outlet's write-up, a brief), joined when they share an article; the
 * representative is the earliest. Each story is split dev / held-out as its pairs are (held-out if any is); the
 * parameters were chosen on dev only.
 *
 * <p>Measures, per summary: <b>shared facts</b>, the share of the names and figures ({@link Mentions}: name keys and
 * number values) found in at least two articles of the story that the summary mentions; <b>all facts</b>, the same
 * for those found in any article; <b>ROUGE-1/2 F1</b> against the union of the articles' reference summaries (BBC
 * and XSum references, from the corpus files; stories holding an XSum reference as a brief article are left out of
 * ROUGE, the brief being the reference itself); <b>articles cited</b>. Summarizers: the representative's extractive
 * summary (3 sentences, 80 words, as shipped), the same with the story budget (5, 120), the story summary with the
 * story budget (as shipped) and with the article budget (3, 80): the two length-matched comparisons separate the
 * method from the length.
 *
 * <pre>
 * java src/eval/java/io/newsdesk/eval/RetellingDevSet.java ../shared/eval/bbc.jsonl ../shared/eval/xsum.jsonl target/retell-pairs.jsonl
 * ./mvnw -q -Peval,eval-story-summaries test-compile exec:java \
 *     -Dexec.args="target/retell-pairs.jsonl ../shared/eval/bbc.jsonl ../shared/eval/xsum.jsonl"
 * </pre>
 * Optional 4th-6th arguments: support weight, redundancy penalty, redundancy threshold (tuning, on dev).
 */
public final class StorySummaryEvaluation {

    private static final SummaryLimits ARTICLE_BUDGET = SummaryLimits.DEFAULT;
    private static final SummaryLimits STORY_BUDGET = new SummaryLimits(5, 120);

    record Story(String split, List<StoryArticle> articles, List<String> references, boolean referenceInside) {

        /** XSum stories are an article and its one-sentence briefs (the reference and a system's summary). */
        String group() {
            return articles.stream().anyMatch(a -> a.source().startsWith("xsum-")) ? "XSum article + briefs"
                    : "BBC article + other write-ups";
        }
    }

    private StorySummaryEvaluation() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PAIRS.jsonl CORPUS.jsonl... [support redundancyPenalty "
                    + "redundancyThreshold]");
        }
        List<Path> corpora = new ArrayList<>();
        List<Double> tuning = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].matches("[0-9.]+")) {
                tuning.add(Double.parseDouble(args[i]));
            } else {
                corpora.add(Path.of(args[i]));
            }
        }
        MultiDocumentSummarizer.Tuning tuned = tuning.size() == 3
                ? new MultiDocumentSummarizer.Tuning(tuning.get(0), tuning.get(1), tuning.get(2))
                : MultiDocumentSummarizer.Tuning.DEFAULT;
        List<Story> stories = stories(Path.of(args[0]), references(corpora));
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        Map<String, Summarize> summarizers = new LinkedHashMap<>();
        // Articles are summarised on lexical vectors, stories on the model's (as the service does).
        ExtractiveSummarizer single = new ExtractiveSummarizer(new LexicalEmbeddingModel(), ARTICLE_BUDGET);
        ExtractiveSummarizer singleLong = new ExtractiveSummarizer(new LexicalEmbeddingModel(), STORY_BUDGET);
        MultiDocumentSummarizer story = new MultiDocumentSummarizer(model, STORY_BUDGET, tuned);
        MultiDocumentSummarizer storyShort = new MultiDocumentSummarizer(model, ARTICLE_BUDGET, tuned);
        summarizers.put("representative 3/80 (before)", s -> cited(single.summarize(s.get(0).text()), s.get(0)));
        summarizers.put("representative 5/120", s -> cited(singleLong.summarize(s.get(0).text()), s.get(0)));
        summarizers.put("story 5/120 (shipped)", story::summarize);
        summarizers.put("story 3/80", storyShort::summarize);
        System.out.printf(Locale.ROOT, "Tuning: support %.2f, redundancy penalty %.2f, threshold %.2f%n",
                tuned.supportWeight(), tuned.redundancyPenalty(), tuned.redundancyThreshold());
        for (String split : List.of("dev", "held-out")) {
            for (String group : List.of("all", "BBC article + other write-ups", "XSum article + briefs")) {
                List<Story> part = stories.stream().filter(s -> s.split().equals(split))
                        .filter(s -> group.equals("all") || s.group().equals(group)).toList();
                long withRouge = part.stream().filter(s -> !s.references().isEmpty() && !s.referenceInside()).count();
                System.out.printf(Locale.ROOT, "%n== %s, %s: %d stories (%d articles, %d with shared facts), "
                        + "ROUGE on %d%n", split, group, part.size(),
                        part.stream().mapToInt(s -> s.articles().size()).sum(),
                        part.stream().filter(s -> !sharedFacts(s.articles()).isEmpty()).count(), withRouge);
                System.out.printf("%-30s %12s %10s %9s %9s %9s %7s%n", "summarizer", "shared facts", "all facts",
                        "ROUGE-1", "ROUGE-2", "articles", "words");
                summarizers.forEach((name, summarize) -> report(name, summarize, part));
            }
        }
    }

    interface Summarize {
        StorySummaryText apply(List<StoryArticle> articles);
    }

    private static StorySummaryText cited(ExtractiveSummary summary, StoryArticle source) {
        return new StorySummaryText(summary.sentences().stream()
                .map(sentence -> new StorySentence(sentence, List.of(source.id()))).toList());
    }

    private static void report(String name, Summarize summarize, List<Story> stories) {
        double shared = 0;
        double all = 0;
        double rouge1 = 0;
        double rouge2 = 0;
        double cited = 0;
        double words = 0;
        int withShared = 0;
        int withRouge = 0;
        for (Story story : stories) {
            StorySummaryText summary = summarize.apply(story.articles());
            Set<String> said = facts(summary.text());
            Set<String> sharedFacts = sharedFacts(story.articles());
            if (!sharedFacts.isEmpty()) {
                shared += coverage(sharedFacts, said);
                withShared++;
            }
            Set<String> allFacts = new HashSet<>();
            story.articles().forEach(a -> allFacts.addAll(facts(a.text())));
            all += allFacts.isEmpty() ? 0 : coverage(allFacts, said);
            if (!story.references().isEmpty() && !story.referenceInside()) {
                Rouge.Scores scores = Rouge.score(summary.text(), String.join(" ", story.references()));
                rouge1 += scores.rouge1().f1();
                rouge2 += scores.rouge2().f1();
                withRouge++;
            }
            cited += summary.sentences().stream().flatMap(s -> s.sources().stream()).distinct().count();
            words += ExtractiveSummarizer.wordCount(summary.text());
        }
        int n = stories.size();
        System.out.printf(Locale.ROOT, "%-30s %12.3f %10.3f %9.3f %9.3f %9.2f %7.1f%n", name,
                shared / Math.max(1, withShared), all / Math.max(1, n), rouge1 / Math.max(1, withRouge),
                rouge2 / Math.max(1, withRouge), cited / Math.max(1, n), words / Math.max(1, n));
    }

    private static double coverage(Set<String> facts, Set<String> said) {
        return (double) facts.stream().filter(said::contains).count() / facts.size();
    }

    /** Names and figures mentioned in at least two of the articles. */
    static Set<String> sharedFacts(List<StoryArticle> articles) {
        Map<String, Integer> counts = new HashMap<>();
        articles.forEach(article -> facts(article.text()).forEach(fact -> counts.merge(fact, 1, Integer::sum)));
        return counts.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    static Set<String> facts(String text) {
        Mentions mentions = Mentions.of(text);
        Set<String> facts = new HashSet<>();
        mentions.names().keySet().forEach(name -> facts.add("name:" + name));
        mentions.numbers().keySet().forEach(number -> facts.add("number:" + number));
        return facts;
    }

    /** Reference summaries by corpus id. */
    private static Map<String, String> references(List<Path> corpora) {
        Map<String, String> references = new HashMap<>();
        for (Path corpus : corpora) {
            for (JsonNode node : Jsonl.read(corpus)) {
                if (!node.path("reference").asText().isBlank()) {
                    references.put(node.path("id").asText(), node.path("reference").asText());
                }
            }
        }
        return references;
    }

    /** The stories: articles of non-copy same-story pairs, joined through shared articles. */
    private static List<Story> stories(Path pairs, Map<String, String> references) {
        Map<String, JsonNode> articles = new LinkedHashMap<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, String> splitOf = new HashMap<>();
        for (JsonNode pair : Jsonl.read(pairs)) {
            String kind = pair.path("kind").asText();
            if (!pair.path("same").asBoolean() || !(kind.equals("retelling") || kind.equals("brief"))) {
                continue;
            }
            String a = pair.path("a").path("id").asText();
            String b = pair.path("b").path("id").asText();
            articles.putIfAbsent(a, pair.path("a"));
            articles.putIfAbsent(b, pair.path("b"));
            String root = union(parent, a, b);
            String split = pair.path("split").asText();
            splitOf.merge(root, split, (x, y) -> x.equals("held-out") || y.equals("held-out") ? "held-out" : x);
        }
        Map<String, List<String>> members = new TreeMap<>();
        articles.keySet().forEach(id -> members.computeIfAbsent(find(parent, id), r -> new ArrayList<>()).add(id));
        // Splits merged under a root that changed after the pair was read: take any member's recorded split.
        List<Story> stories = new ArrayList<>();
        long nextId = 1;
        for (Map.Entry<String, List<String>> story : members.entrySet()) {
            List<StoryArticle> list = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            boolean referenceInside = false;
            String split = "dev";
            for (String id : story.getValue()) {
                JsonNode node = articles.get(id);
                String published = node.path("publishedAt").asText();
                list.add(new StoryArticle(nextId++, node.path("title").asText(), node.path("body").asText(), "en",
                        id, published.isBlank() ? Instant.EPOCH : Instant.parse(published)));
                if (references.containsKey(id)) {
                    refs.add(references.get(id));
                }
                referenceInside |= id.endsWith("#reference");
            }
            for (Map.Entry<String, String> recorded : splitOf.entrySet()) {
                if (find(parent, recorded.getKey()).equals(story.getKey()) && recorded.getValue().equals("held-out")) {
                    split = "held-out";
                }
            }
            list.sort((x, y) -> x.publishedAt().compareTo(y.publishedAt()) != 0
                    ? x.publishedAt().compareTo(y.publishedAt()) : Long.compare(x.id(), y.id()));
            if (list.size() >= 2) {
                stories.add(new Story(split, list, refs, referenceInside));
            }
        }
        return stories;
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static String union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        parent.put(ra, ra);
        parent.put(rb, ra);
        return ra;
    }
}
