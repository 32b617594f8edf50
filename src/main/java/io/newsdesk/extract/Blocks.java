package io.newsdesk.extract;

import io.newsdesk.text.InvisibleText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an element as blocks: a new block starts at every block element boundary and line break, whitespace
 * is collapsed, and each block knows how much of it is link text.
 */
final class Blocks {

    /**
     * @param tag the name of the innermost block element around the block's first text ("p", "li", "div"…)
     * @param emphasized whether all of its text is set in {@code <em>} or {@code <i>}
     */
    record Block(String text, int linkChars, String tag, boolean emphasized) {

        double linkDensity() {
            return text.isEmpty() ? 0 : (double) linkChars / text.length();
        }
    }

    private Blocks() {
    }

    /** The blocks of {@code root} that come before {@code stop}, an element inside it, in document order. */
    static List<Block> before(Element root, Node stop) {
        Collector collector = new Collector();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == stop) {
                    return FilterResult.STOP;
                }
                collector.head(node, depth);
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                collector.tail(node, depth);
                return FilterResult.CONTINUE;
            }
        }, root);
        collector.endBlock();
        return collector.blocks;
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
        private final ArrayDeque<String> openBlocks = new ArrayDeque<>();
        private String tag = "";
        private boolean started;
        private int linkChars;
        private int insideLinks;
        private int plainChars;
        private int insideEmphasis;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String value = text.text();
                if (!started && !value.isBlank()) {
                    started = true;
                    tag = openBlocks.isEmpty() ? "" : openBlocks.peek();
                }
                current.append(value);
                if (insideLinks > 0) {
                    linkChars += value.strip().length();
                }
                if (insideEmphasis == 0) {
                    plainChars += value.strip().length();
                }
            } else if (node instanceof Element element) {
                if (element.normalName().equals("a")) {
                    insideLinks++;
                }
                if (isEmphasis(element)) {
                    insideEmphasis++;
                }
                if (isBreak(element)) {
                    endBlock();
                }
                if (element.isBlock()) {
                    openBlocks.push(element.normalName());
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                if (element.normalName().equals("a")) {
                    insideLinks--;
                }
                if (isEmphasis(element)) {
                    insideEmphasis--;
                }
                if (isBreak(element)) {
                    endBlock();
                }
                if (element.isBlock() && !openBlocks.isEmpty()) {
                    openBlocks.pop();
                }
            }
        }

        private static boolean isEmphasis(Element element) {
            return element.normalName().equals("em") || element.normalName().equals("i");
        }

        private static boolean isBreak(Element element) {
            return element.isBlock() || element.normalName().equals("br");
        }

        void endBlock() {
            String text = current.toString().replaceAll("[\\s\\p{Z}]+", " ").strip();
            if (!InvisibleText.isBlank(text)) {
                blocks.add(new Block(text, Math.min(linkChars, text.length()), tag, plainChars == 0));
            }
            current.setLength(0);
            started = false;
            tag = "";
            linkChars = 0;
            plainChars = 0;
        }
    }
}
