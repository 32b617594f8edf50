package io.newsdesk.story;

import io.newsdesk.fingerprint.TextNormalizer;

import io.newsdesk.text.SentenceSplitter;
import io.newsdesk.testing.Jsonl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The labelled development set for story deduplication, built at run time from the BBC corpus ({@code bbc.jsonl},
 * a path given on the command line; never copied into the repository).
 *
 * <h2>Natural duplicates</h2>
 * The BBC corpus (2,225 articles) holds re-runs of its own stories. Found by exact normalised body (137 groups of
 * 2, labelled EXACT by definition) and by word 5-shingle containment over all pairs (a one-off scan: 30 pairs at
 * containment 0.84-1.0, a tail of 0.1-0.8), then labelled by reading the pairs:
 * <ul>
 *   <li>{@link #NATURAL_NEAR_VERBATIM}: the same report re-published with edits, added or cut paragraphs, another
 *       headline (containment 0.72-1.0; e.g. 'Hewitt falls to Dent' extended by one paragraph, 'News Corp eyes
 *       video games market' cut and re-spelt "tyres"/"tires").</li>
 *   <li>{@link #NATURAL_SAME_STORY}: an update or a second write-up of the same event (talks previewed / talks
 *       ended, "will be unveiled" / "has been unveiled", the same market move written up twice); containment
 *       0.3-0.85 and high lead-embedding cosine.</li>
 *   <li>Everything else is a different story, including the follow-ups that re-use background paragraphs a day
 *       to a week later ('Goldsmith denies war advice claim' / a week later 'Goldsmith: I was not leant on',
 *       0.68 containment; 'Kilroy launches Veritas' / next day 'Kilroy names election seat target'; 'PlayStation 3
 *       chip to be unveiled' / 'First look at PlayStation 3 chip', three months apart). Same-event pairs this
 *       labelling missed would count as false merges, so same-story precision here is a lower bound.</li>
 * </ul>
 *
 * <h2>Generated copies</h2>
 * A seeded sample of originals (at least 80 words, not in a natural group), each with one copy of one
 * {@link CopyType}: chrome-wrapped (invented navigation, byline, footer and teaser lines like those of the seeds),
 * retitled, cut short to 40-80% at a sentence end, lightly edited (one sentence dropped, two swapped, three words
 * substituted), typos (adjacent characters swapped in ~2% of words), or all of these at once ({@code MIXED}).
 *
 * <p>Publication times: originals fall within 72 hours (every pair inside the 3-day SAME_STORY window: the hardest
 * case for precision), copies up to 48 hours after their original.
 */
public final class DevSet {

    /** What an article of the set is. */
    public enum CopyType {
        ORIGINAL, CHROME, RETITLED, CUT, EDITED, TYPOS, MIXED;

        boolean isGenerated() {
            return this != ORIGINAL;
        }
    }

    /** A labelled relation between two natural articles. */
    public enum Label {
        NATURAL_EXACT, NATURAL_NEAR_VERBATIM, NATURAL_SAME_STORY
    }

    /**
     * One article of the set.
     *
     * @param id          corpus id, or corpus id + "#" + copy type for a generated copy
     * @param title       headline as submitted
     * @param body        text as submitted (before cleaning)
     * @param publishedAt publication time
     * @param type        original or the kind of generated copy
     * @param sourceId    the corpus id it was made from (its own for originals)
     */
    public record DevArticle(String id, String title, String body, Instant publishedAt, CopyType type,
            String sourceId) {
    }

    public record LabelledPair(String a, String b, Label label) {
    }

    /**
     * @param articles  all articles, corpus order then copies
     * @param pairs     the natural labelled pairs
     * @param copyGroup gold group per article id under EXACT + NEAR_VERBATIM relations (natural and generated)
     * @param story     gold story per article id (copy groups joined by SAME_STORY labels)
     */
    public record Data(List<DevArticle> articles, List<LabelledPair> pairs, Map<String, String> copyGroup,
            Map<String, String> story) {
    }

    /** Natural re-publications, labelled by reading (ids without the "bbc/" prefix). */
    static final List<String> NATURAL_NEAR_VERBATIM = List.of(
            "tech/048 tech/342", "sport/444 sport/458", "politics/043 politics/313", "tech/095 tech/311",
            "tech/286 tech/391", "tech/234 tech/389", "tech/155 tech/294", "tech/049 tech/340", "tech/212 tech/225",
            "sport/289 sport/406", "politics/226 politics/265", "tech/219 tech/224", "tech/045 tech/341",
            "tech/022 tech/380", "tech/064 tech/338", "tech/032 tech/335", "entertainment/079 entertainment/331",
            "sport/425 sport/433", "entertainment/102 entertainment/341", "tech/009 tech/379", "tech/019 tech/329",
            "business/254 business/447", "politics/111 politics/293", "entertainment/179 entertainment/216",
            "entertainment/142 entertainment/229", "tech/043 tech/326", "sport/424 sport/511",
            "politics/077 politics/354", "business/209 business/229", "politics/088 politics/337");

    /** Natural same-event pairs, labelled by reading. */
    static final List<String> NATURAL_SAME_STORY = List.of(
            "business/260 business/354", // Asia shares defy post-quake gloom: new lead on top of the old text
            "politics/311 politics/312", // pension strike talks to take place / ended without agreement
            "sport/226 sport/232", // Hoddle will be unveiled / has been unveiled as Wolves manager
            "politics/175 politics/349", // Brown's Gateshead rallying speech written up twice
            "entertainment/038 entertainment/355", // Bafta ceremony: stars gear up / attending
            "tech/101 tech/123", // Bush re-election site blocked outside the US, two reports
            "politics/374 politics/409", // Tory spring forum opens: Letwin tax cuts / Fox 'change at the top'
            "tech/141 tech/173", // Blue Gene/L tops (poised to top) the Top 500 list
            "business/138 business/152", // oil back above $50 on cold weather, same day's close
            "business/010 business/291", // appeal court rejects the $280bn tobacco case / industry hails it
            "entertainment/152 entertainment/163", // Bonhams Elvis tapes auction preview / results
            "business/418 business/510"); // Falic Group in final talks to buy Lacroix / has bought it

    /** Invented site chrome, in the style of the seed pages. */
    private static final List<String> NAV = List.of("Search", "Close this search box.", "More", "Menu", "Home",
            "Skip to content", "Subscribe", "Sign in", "Trending Now", "Latest News", "Share this article",
            "Advertisement");
    private static final List<String> SITES = List.of("AV1 NEWS", "The Daily Ledger", "Metro Wire", "NewsNow 24",
            "Global Post Today", "Citizen Report");
    private static final List<String> SECTIONS = List.of("Politics", "World", "Business", "Tech", "Sport",
            "Entertainment", "Micro News");

    /** Light-edit substitutions: a word and a replacement a sub-editor might use. */
    private static final Map<String, String> SUBSTITUTIONS = Map.ofEntries(Map.entry("said", "stated"),
            Map.entry("says", "states"), Map.entry("also", "additionally"), Map.entry("but", "however"),
            Map.entry("big", "large"), Map.entry("new", "fresh"), Map.entry("firm", "company"),
            Map.entry("shares", "stocks"), Map.entry("rise", "increase"), Map.entry("fall", "drop"),
            Map.entry("government", "administration"), Map.entry("people", "individuals"),
            Map.entry("expected", "anticipated"), Map.entry("about", "around"), Map.entry("show", "indicate"),
            Map.entry("help", "assist"), Map.entry("plans", "proposals"), Map.entry("told", "informed"),
            Map.entry("year", "twelve months"), Map.entry("while", "whilst"), Map.entry("start", "begin"),
            Map.entry("buy", "purchase"), Map.entry("need", "require"), Map.entry("before", "prior to"));

    static final Instant BASE_TIME = Instant.parse("2005-02-14T06:00:00Z");

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final Random random;

    private DevSet(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Reads the corpus and builds the set.
     *
     * @param copiesPerType generated copies of each {@link CopyType} (each from a different original)
     */
    public static Data build(Path bbcJsonl, long seed, int copiesPerType) {
        return new DevSet(seed).create(readCorpus(bbcJsonl), copiesPerType);
    }

    /** A copy generator on its own (for copies of other texts, e.g. the seeds). */
    static DevSet generator(long seed) {
        return new DevSet(seed);
    }

    /** The corpus articles in file order (id, title, body; publication time assigned later). */
    static List<DevArticle> readCorpus(Path file) {
        return Jsonl.read(file).stream().map(node -> {
            String id = node.path("id").asText();
            return new DevArticle(id, node.path("title").asText(), node.path("body").asText(), null,
                    CopyType.ORIGINAL, id);
        }).toList();
    }

    private Data create(List<DevArticle> corpus, int copiesPerType) {
        List<DevArticle> originals = new ArrayList<>();
        for (DevArticle a : corpus) {
            Instant at = BASE_TIME.plusSeconds(random.nextInt(72 * 3600));
            originals.add(new DevArticle(a.id(), a.title(), a.body(), at, CopyType.ORIGINAL, a.id()));
        }
        Map<String, DevArticle> byId = new LinkedHashMap<>();
        originals.forEach(a -> byId.put(a.id(), a));

        List<LabelledPair> pairs = new ArrayList<>();
        Map<String, List<String>> exact = new LinkedHashMap<>();
        for (DevArticle a : originals) {
            exact.computeIfAbsent(TextNormalizer.normalize(a.body()), k -> new ArrayList<>()).add(a.id());
        }
        for (List<String> group : exact.values()) {
            for (int i = 1; i < group.size(); i++) {
                pairs.add(new LabelledPair(group.get(0), group.get(i), Label.NATURAL_EXACT));
            }
        }
        addListed(pairs, NATURAL_NEAR_VERBATIM, Label.NATURAL_NEAR_VERBATIM, byId);
        addListed(pairs, NATURAL_SAME_STORY, Label.NATURAL_SAME_STORY, byId);

        UnionFind copies = new UnionFind();
        UnionFind stories = new UnionFind();
        originals.forEach(a -> {
            copies.add(a.id());
            stories.add(a.id());
        });
        for (LabelledPair p : pairs) {
            if (p.label() != Label.NATURAL_SAME_STORY) {
                copies.union(p.a(), p.b());
            }
            stories.union(p.a(), p.b());
        }

        Set<String> inNaturalGroups = new java.util.HashSet<>();
        pairs.forEach(p -> {
            inNaturalGroups.add(p.a());
            inNaturalGroups.add(p.b());
        });
        List<DevArticle> eligible = new ArrayList<>(originals.stream()
                .filter(a -> !inNaturalGroups.contains(a.id()) && TextNormalizer.words(a.body()).size() >= 80)
                .toList());
        Collections.shuffle(eligible, random);
        List<DevArticle> articles = new ArrayList<>(originals);
        int next = 0;
        for (CopyType type : CopyType.values()) {
            if (!type.isGenerated()) {
                continue;
            }
            for (int i = 0; i < copiesPerType && next < eligible.size(); i++, next++) {
                DevArticle source = eligible.get(next);
                DevArticle copy = copy(source, type, originals);
                articles.add(copy);
                copies.add(copy.id());
                stories.add(copy.id());
                copies.union(copy.id(), source.id());
                stories.union(copy.id(), source.id());
            }
        }
        Map<String, String> copyGroup = new HashMap<>();
        Map<String, String> story = new HashMap<>();
        for (DevArticle a : articles) {
            copyGroup.put(a.id(), copies.find(a.id()));
            story.put(a.id(), stories.find(a.id()));
        }
        return new Data(List.copyOf(articles), List.copyOf(pairs), copyGroup, story);
    }

    private static void addListed(List<LabelledPair> pairs, List<String> listed, Label label,
            Map<String, DevArticle> byId) {
        for (String line : listed) {
            String[] ids = line.split(" ");
            String a = "bbc/" + ids[0];
            String b = "bbc/" + ids[1];
            if (!byId.containsKey(a) || !byId.containsKey(b)) {
                throw new IllegalStateException("labelled pair not in the corpus: " + line);
            }
            pairs.add(new LabelledPair(a, b, label));
        }
    }

    // ---------------------------------------------------------------- copies

    DevArticle copy(DevArticle source, CopyType type, List<DevArticle> others) {
        Instant at = source.publishedAt().plusSeconds(random.nextInt(48 * 3600));
        String id = source.id() + "#" + type.name().toLowerCase(Locale.ROOT);
        String title = source.title();
        String body = source.body();
        switch (type) {
            case CHROME -> body = wrapInChrome(title, body, others);
            case RETITLED -> title = retitle(title, body);
            case CUT -> body = cutShort(body, 0.4 + 0.4 * random.nextDouble());
            case EDITED -> body = edit(body, 3);
            case TYPOS -> body = typos(body, 0.02);
            case MIXED -> {
                title = retitle(title, body);
                body = cutShort(body, 0.5 + 0.4 * random.nextDouble());
                body = typos(edit(body, 1), 0.01);
                body = wrapInChrome(title, body, others);
            }
            default -> throw new IllegalArgumentException("not a copy type: " + type);
        }
        return new DevArticle(id, title, body, at, type, source.id());
    }

    /** Navigation and a crumb above, byline/footer and a teaser block of other articles below. */
    String wrapInChrome(String title, String body, List<DevArticle> others) {
        String site = pick(SITES);
        StringBuilder out = new StringBuilder();
        List<String> nav = new ArrayList<>(NAV);
        Collections.shuffle(nav, random);
        for (String line : nav.subList(0, 1 + random.nextInt(4))) {
            out.append(line).append("\n\n");
        }
        String section = pick(SECTIONS);
        if (random.nextBoolean()) {
            out.append("Home").append(section).append(title).append("\n\n");
        } else {
            out.append("Home > ").append(section).append(" > ").append(title).append("\n\n");
        }
        out.append(title).append("\n\n");
        switch (random.nextInt(3)) {
            case 0 -> out.append("Published on\n\n");
            case 1 -> out.append("By ").append(site).append(" staff | ").append(1 + random.nextInt(12))
                    .append(" min read\n\n");
            default -> out.append("Updated ").append(1 + random.nextInt(23)).append(" hours ago\n\n");
        }
        out.append(body.strip()).append("\n\n");
        if (random.nextBoolean()) {
            out.append("This story was first published on ")
                    .append(site.toLowerCase(Locale.ROOT).replace(" ", "")).append(".com.\n\n");
        }
        if (random.nextBoolean()) {
            out.append("the author").append(site).append("\n\nLeave a Reply\n\n");
        }
        if (random.nextBoolean()) {
            out.append("More like this\n\n");
            for (int i = 0; i < 3; i++) {
                DevArticle other = pick(others);
                List<String> sentences = splitter.split(other.body());
                out.append(other.title()).append("\n\n");
                if (!sentences.isEmpty()) {
                    out.append(sentences.get(0)).append("\n\n");
                }
            }
        } else {
            DevArticle previous = pick(others);
            DevArticle following = pick(others);
            out.append(previous.title()).append(" Previous post ").append(previous.title()).append('\n');
            out.append(following.title()).append(" Next post ").append(following.title()).append('\n');
        }
        return out.toString();
    }

    String retitle(String title, String body) {
        List<String> sentences = splitter.split(body);
        String lead = sentences.isEmpty() ? title : sentences.get(0);
        return switch (random.nextInt(4)) {
            case 0 -> "UPDATE: " + title;
            case 1 -> {
                String[] words = lead.replaceAll("[.!?\"]+$", "").split("\\s+");
                yield String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 9)));
            }
            case 2 -> title + " - what we know";
            default -> "Breaking news: " + title.toLowerCase(Locale.ROOT);
        };
    }

    /** The body up to the first sentence end at or after {@code fraction} of its words, paragraphs kept. */
    String cutShort(String body, double fraction) {
        int total = TextNormalizer.words(body).size();
        int wanted = (int) Math.ceil(total * fraction);
        int from = 0;
        int words = 0;
        for (String sentence : splitter.split(body)) {
            int at = body.indexOf(sentence, from);
            if (at < 0) {
                continue;
            }
            from = at + sentence.length();
            words += TextNormalizer.words(sentence).size();
            if (words >= wanted) {
                break;
            }
        }
        return body.substring(0, from).strip();
    }

    /** One sentence (not the first) dropped, two adjacent sentences swapped, {@code substitutions} words replaced. */
    String edit(String body, int substitutions) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String paragraph : body.split("\\n\\s*\\n")) {
            List<String> sentences = new ArrayList<>(splitter.split(paragraph));
            if (!sentences.isEmpty()) {
                paragraphs.add(sentences);
            }
        }
        int count = paragraphs.stream().mapToInt(List::size).sum();
        if (count > 3) {
            int drop = 1 + random.nextInt(count - 1);
            for (List<String> p : paragraphs) {
                if (drop < p.size()) {
                    p.remove(drop);
                    break;
                }
                drop -= p.size();
            }
            List<List<String>> swappable = paragraphs.stream().filter(p -> p.size() >= 2).toList();
            if (!swappable.isEmpty()) {
                List<String> p = swappable.get(random.nextInt(swappable.size()));
                Collections.swap(p, random.nextInt(p.size() - 1), p.size() - 1);
            }
        }
        String text = String.join("\n\n", paragraphs.stream().map(p -> String.join(" ", p)).toList());
        String[] tokens = text.split(" ", -1);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (SUBSTITUTIONS.containsKey(tokens[i])) {
                candidates.add(i);
            }
        }
        Collections.shuffle(candidates, random);
        for (int i : candidates.subList(0, Math.min(substitutions, candidates.size()))) {
            tokens[i] = SUBSTITUTIONS.get(tokens[i]);
        }
        return String.join(" ", tokens);
    }

    /** In about {@code rate} of the words of four or more letters, two adjacent letters swapped. */
    String typos(String body, double rate) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            if (!Character.isLetter(body.charAt(i))) {
                out.append(body.charAt(i++));
                continue;
            }
            int end = i;
            while (end < body.length() && Character.isLetter(body.charAt(end))) {
                end++;
            }
            char[] word = body.substring(i, end).toCharArray();
            if (word.length >= 4 && random.nextDouble() < rate) {
                int at = random.nextInt(word.length - 1);
                if (word[at] == word[at + 1]) {
                    at = at == 0 ? 1 : at - 1;
                }
                char c = word[at];
                word[at] = word[at + 1];
                word[at + 1] = c;
            }
            out.append(word);
            i = end;
        }
        return out.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Disjoint sets over string ids. */
    static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();

        void add(String id) {
            parent.putIfAbsent(id, id);
        }

        String find(String id) {
            String root = id;
            while (!parent.get(root).equals(root)) {
                root = parent.get(root);
            }
            String cur = id;
            while (!cur.equals(root)) {
                String next = parent.get(cur);
                parent.put(cur, root);
                cur = next;
            }
            return root;
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

}
