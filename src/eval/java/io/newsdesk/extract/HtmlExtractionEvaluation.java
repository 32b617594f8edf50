package io.newsdesk.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Readability4J;
import org.jsoup.nodes.Element;

/**
 * Scores HTML main-text extraction on a directory laid out like trafilatura's evaluation set: {@code index.jsonl}
 * with, per page, its gzipped {@code file}, {@code url}, {@code with} snippets (must be in the main text),
 * {@code without} snippets (must not) and {@code english}. For each extractor it prints, per split and language, the
 * share of {@code with} snippets found (recall) and of {@code without} snippets absent (exclusion), and the
 * extraction time per page.
 *
 * <p>The split is fixed by the page's URL: a page whose SHA-256(url) first byte is divisible by 3 is held out (about
 * a third); tuning looks at {@code dev} only.
 *
 * <pre>
 * ./mvnw -q -Peval,eval-extraction test-compile exec:java -Dexec.args="../shared/eval/html-dev [--pages]"
 * </pre>
 * {@code --ours} runs newsdesk's extractor only; {@code --pages} also lists, per dev page, the snippets newsdesk's extractor gets wrong.
 */
public final class HtmlExtractionEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlExtractionEvaluation() {
    }

    record Page(String file, String url, String html, boolean english, boolean heldOut, List<String> with,
            List<String> without) {
    }

    /** Found/expected counts for one cell of the table. */
    static final class Score {
        int withFound;
        int withTotal;
        int withoutAbsent;
        int withoutTotal;
        int pages;
        int empty;

        void add(String text, Page page) {
            pages++;
            String normal = normalize(text);
            empty += normal.isEmpty() ? 1 : 0;
            for (String snippet : page.with()) {
                withTotal++;
                withFound += normal.contains(normalize(snippet)) ? 1 : 0;
            }
            for (String snippet : page.without()) {
                withoutTotal++;
                withoutAbsent += normal.contains(normalize(snippet)) ? 0 : 1;
            }
        }

        String cells() {
            return String.format(Locale.ROOT, "%d | %.3f | %.3f | %d", pages, (double) withFound / withTotal,
                    (double) withoutAbsent / withoutTotal, empty);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: HtmlExtractionEvaluation <html-dev directory> [--pages]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        boolean listPages = Arrays.asList(args).contains("--pages");
        List<Page> pages = read(dir);

        HtmlTextExtractor oldExtractor = new HtmlTextExtractor();
        ChromeStripper stripper = new ChromeStripper();
        MainTextExtractor extractor = new MainTextExtractor();
        Map<String, BiFunction<String, String, String>> systems = new LinkedHashMap<>();
        boolean oursOnly = Arrays.asList(args).contains("--ours");
        if (!oursOnly) {
        systems.put("before #13 (jsoup text + line stripper)",
                (html, url) -> stripper.strip(oldExtractor.extract(html), null).text());
        systems.put("Readability4J 1.0.8 alone", HtmlExtractionEvaluation::readability);
        }
        systems.put("newsdesk MainTextExtractor", (html, url) -> extractor.extract(html, url).text());

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%s: %d pages (%d held out), %s%n%n", dir, pages.size(),
                pages.stream().filter(Page::heldOut).count(), machine()));
        out.append("| extractor | split | language | pages | `with` recall | `without` exclusion | empty |\n");
        out.append("|---|---|---|---:|---:|---:|---:|\n");
        StringBuilder timing = new StringBuilder();
        timing.append("| extractor | median ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, BiFunction<String, String, String>> system : systems.entrySet()) {
            for (Page page : pages) { // warm-up pass for the JIT
                system.getValue().apply(page.html(), page.url());
            }
            Map<String, Score> scores = new LinkedHashMap<>();
            double[] millis = new double[pages.size()];
            for (int i = 0; i < pages.size(); i++) {
                Page page = pages.get(i);
                long started = System.nanoTime();
                String text = system.getValue().apply(page.html(), page.url());
                millis[i] = (System.nanoTime() - started) / 1e6;
                String split = page.heldOut() ? "held-out" : "dev";
                String language = page.english() ? "en" : "other";
                for (String key : List.of(split + "|" + language, split + "|all")) {
                    scores.computeIfAbsent(key, k -> new Score()).add(text, page);
                }
                if (listPages && !page.heldOut() && system.getKey().startsWith("newsdesk")) {
                    listMisses(page, text);
                }
            }
            for (String split : List.of("dev", "held-out")) {
                for (String language : List.of("en", "other", "all")) {
                    Score score = scores.get(split + "|" + language);
                    out.append("| ").append(system.getKey()).append(" | ").append(split).append(" | ")
                            .append(language).append(" | ").append(score.cells()).append(" |\n");
                }
            }
            Arrays.sort(millis);
            timing.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", system.getKey(),
                    percentile(millis, 0.5), percentile(millis, 0.9), percentile(millis, 0.99),
                    millis[millis.length - 1]));
        }
        System.out.println(out);
        System.out.println("Extraction time per page (one thread, after a warm-up pass; jsoup parse included):\n");
        System.out.println(timing);
    }

    private static void listMisses(Page page, String text) {
        String normal = normalize(text);
        List<String> lines = new ArrayList<>();
        page.with().stream().filter(s -> !normal.contains(normalize(s))).forEach(s -> lines.add("  MISSING " + s));
        page.without().stream().filter(s -> normal.contains(normalize(s))).forEach(s -> lines.add("  KEPT    " + s));
        if (!lines.isEmpty()) {
            System.out.println(page.file() + " " + page.url() + " (" + text.length() + " chars)");
            lines.forEach(System.out::println);
        }
    }

    static String readability(String html, String url) {
        Element content = new Readability4J(url, html).parse().getArticleContent();
        return content == null ? "" : MainTextExtractor.paragraphsOf(content);
    }

    static String normalize(String text) {
        return text.replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.runtime.version");
    }

    static List<Page> read(Path dir) throws IOException {
        List<Page> pages = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("index.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            String file = row.get("file").asText();
            byte[] bytes;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(file)))) {
                bytes = in.readAllBytes();
            }
            String url = row.get("url").asText();
            pages.add(new Page(file, url.startsWith("http") ? url : "https://example.org/" + url, decode(bytes),
                    row.path("english").asBoolean(), heldOut(url), strings(row.get("with")),
                    strings(row.get("without"))));
        }
        return pages;
    }

    /** As the service decodes a raw page; a page whose bytes do not decode is read leniently, as a client would. */
    private static String decode(byte[] bytes) {
        try {
            return PageDecoder.decode(bytes, null);
        } catch (PageDecoder.UndecodablePageException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static boolean heldOut(String url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return (hash[0] & 0xff) % 3 == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
