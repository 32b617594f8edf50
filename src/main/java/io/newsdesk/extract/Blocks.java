package io.newsdesk.extract;

import io.newsdesk.text.InvisibleText;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an element as blocks: a new block starts at every block element boundary and line break, whitespace
 * is collapsed, and each block knows how much of it is link text.
 */
final class Blocks {

    record Block(String text, int linkChars) {
        double linkDensity() {
            return text.isEmpty() ? 0 : (double) linkChars / text.length();
        }
    }

    private Blocks() {
    }

    static List<Block> of(Element root) {
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, root);
        collector.endBlock();
        return collector.blocks;
    }

    private static final class Collector implements NodeVisitor {

        private final List<Block> blocks = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int linkChars;
        private int insideLinks;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String value = text.text();
                current.append(value);
                if (insideLinks > 0) {
                    linkChars += value.strip().length();
                }
            } else if (node instanceof Element element) {
                if (element.normalName().equals("a")) {
                    insideLinks++;
                }
                if (isBreak(element)) {
                    endBlock();
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                if (element.normalName().equals("a")) {
                    insideLinks--;
                }
                if (isBreak(element)) {
                    endBlock();
                }
            }
        }

        private static boolean isBreak(Element element) {
            return element.isBlock() || element.normalName().equals("br");
        }

        void endBlock() {
            String text = current.toString().replaceAll("[\\s\\p{Z}]+", " ").strip();
            if (!InvisibleText.isBlank(text)) {
                blocks.add(new Block(text, Math.min(linkChars, text.length())));
            }
            current.setLength(0);
            linkChars = 0;
        }
    }
}
