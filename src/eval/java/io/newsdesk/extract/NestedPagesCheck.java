package io.newsdesk.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a fuzzer sends: small pages nested thousands of elements deep, each around one paragraph. Cleans each page
 * as ingest does ({@link ArticleCleaner#cleanPage}) on a thread with a 1 MiB stack, as a worker has, and prints
 * per shape and depth the page's size, the median time of three runs and whether the paragraph came out.
 *
 * <p>Usage: {@code ./mvnw -q -Peval,eval-nested-pages test-compile exec:java} (-Dexec.args="1000 5000 20000": the
 * depths).
 */
public final class NestedPagesCheck {

    private static final String PARAGRAPH =
            "<p>The harbour reopened on Friday after a week of storms, port officials said.</p>";
    private static final Map<String, String> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("div", "<div>");
        SHAPES.put("table, tr, td", "<table><tr><td>");
        SHAPES.put("ul, li", "<ul><li>");
        SHAPES.put("blockquote", "<blockquote>");
        SHAPES.put("span", "<span>");
        SHAPES.put("b", "<b>");
        SHAPES.put("a", "<a href=\"/x\">");
        SHAPES.put("div.author (byline scan)", "<div class=\"author\">");
    }

    private NestedPagesCheck() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<Integer> depths = new ArrayList<>();
        for (String arg : args.length == 0 ? new String[] {"1000", "5000", "20000"} : args) {
            depths.add(Integer.parseInt(arg));
        }
        System.out.printf(Locale.ROOT, "%d cores, JDK %s, 1 MiB stack%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println("| nested | depth | page KB | median ms | paragraph kept |");
        System.out.println("|---|---:|---:|---:|---|");
        for (Map.Entry<String, String> shape : SHAPES.entrySet()) {
            for (int depth : depths) {
                String page = "<html><head><title>Deep</title></head><body>" + shape.getValue().repeat(depth)
                        + PARAGRAPH;
                long[] millis = new long[3];
                String[] outcome = new String[1];
                for (int run = 0; run < millis.length; run++) {
                    long start = System.nanoTime();
                    Thread worker = new Thread(null, () -> outcome[0] = clean(page), "worker", 1024 * 1024);
                    worker.start();
                    worker.join();
                    millis[run] = (System.nanoTime() - start) / 1_000_000;
                }
                Arrays.sort(millis);
                System.out.printf(Locale.ROOT, "| %s | %,d | %.0f | %d | %s |%n", shape.getKey(), depth,
                        page.length() / 1024.0, millis[1], outcome[0]);
            }
        }
    }

    private static String clean(String page) {
        try {
            String text = new ArticleCleaner().cleanPage(page, null, null).text().text();
            return text.contains("The harbour reopened on Friday") ? "yes" : "no: " + text.length() + " chars";
        } catch (Throwable failure) {
            return "fails: " + failure.getClass().getSimpleName();
        }
    }
}
