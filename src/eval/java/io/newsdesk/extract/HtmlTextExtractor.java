package io.newsdesk.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The HTML-to-text step newsdesk used before issue #13, kept as the evaluation's baseline. Turns an HTML page or
 * fragment into plain text: one paragraph per block element, paragraphs separated by a blank line, without the page's
 * navigation, banners and other chrome elements.
 */
final class HtmlTextExtractor {

    // An <article> may be a teaser card; it is trusted as the content only when it holds much of the page's text.
    private static final double MIN_CONTENT_SHARE = 0.3;

    String extract(String html) {
        Element body = Jsoup.parse(html).body();
        body.children().select("*").stream().filter(ChromeElements::isChrome).forEach(Element::remove);
        ParagraphCollector collector = new ParagraphCollector();
        NodeTraversor.traverse(collector, contentRoot(body));
        return String.join("\n\n", collector.paragraphs);
    }

    private static Element contentRoot(Element body) {
        Elements candidates = body.select("article");
        if (candidates.isEmpty()) {
            candidates = body.select("main, [role=main]");
        }
        int pageText = body.text().length();
        return candidates.stream()
                .max(Comparator.comparingInt(candidate -> candidate.text().length()))
                .filter(candidate -> candidate.text().length() >= MIN_CONTENT_SHARE * pageText)
                .orElse(body);
    }

    /** Collects text, starting a new paragraph at every block element boundary and line break. */
    private static final class ParagraphCollector implements NodeVisitor {

        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                current.append(text.text());
            } else if (isBreak(node)) {
                endParagraph();
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (isBreak(node)) {
                endParagraph();
            }
        }

        private static boolean isBreak(Node node) {
            return node instanceof Element element && (element.isBlock() || element.normalName().equals("br"));
        }

        private void endParagraph() {
            String paragraph = current.toString().replaceAll("[\\s\\p{Z}]+", " ").strip();
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
            current.setLength(0);
        }
    }
}
