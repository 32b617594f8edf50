package io.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextExtractorTest {

    private final HtmlTextExtractor extractor = new HtmlTextExtractor();

    @Test
    void extractsArticleTextFromHtmlPage() {
        String text = extractor.extract(NewsPage.HTML);

        assertThat(text.split("\n\n")).containsExactly(
                NewsPage.TITLE,
                NewsPage.ARTICLE_PARAGRAPHS.get(0),
                NewsPage.ARTICLE_PARAGRAPHS.get(1),
                NewsPage.ARTICLE_PARAGRAPHS.get(2),
                NewsPage.ARTICLE_PARAGRAPHS.get(3),
                NewsPage.ARTICLE_PARAGRAPHS.get(4));
        NewsPage.CHROME_TEXTS.forEach(chrome -> assertThat(text).doesNotContain(chrome));
    }

    @Test
    void extractsParagraphsFromBareFragment() {
        assertThat(extractor.extract("<p>One.</p><p>Two &amp; three.</p>")).isEqualTo("One.\n\nTwo & three.");
    }

    @Test
    void breaksParagraphsAtBlocksAndLineBreaks() {
        String html = "<div>Direct text <b>in</b> a div<div>Nested block</div>tail text<br>after a break</div>"
                + "<ul><li>First item</li><li>Second item</li></ul><h2>Heading</h2>";

        assertThat(extractor.extract(html)).isEqualTo(
                "Direct text in a div\n\nNested block\n\ntail text\n\nafter a break\n\nFirst item\n\nSecond item"
                        + "\n\nHeading");
    }

    @Test
    void matchesChromeClassTokensNotSubstrings() {
        String html = "<div class=\"commentary\"><p>Analysis kept.</p></div>"
                + "<div class=\"canvas-wrap\"><p>Canvas kept.</p></div>"
                + "<div class=\"user-comments\"><p>Comment dropped.</p></div>"
                + "<div id=\"mainNav\"><p>Nav dropped.</p></div>"
                + "<div role=\"navigation\"><p>Role dropped.</p></div>";

        assertThat(extractor.extract(html)).isEqualTo("Analysis kept.\n\nCanvas kept.");
    }

    @Test
    void prefersArticleOverTextAroundIt() {
        String html = "<div><p>Trending now: a list of other stories.</p></div>"
                + "<article><p>The article text, long enough to be most of the page.</p></article>";

        assertThat(extractor.extract(html)).isEqualTo("The article text, long enough to be most of the page.");
    }

    @Test
    void ignoresArticleCardThatHoldsLittleOfThePage() {
        String html = "<div><p>The story itself sits in a plain div and holds most of the text on this page.</p>"
                + "<p>It continues with a second paragraph of ordinary reporting.</p></div>"
                + "<article><p>Card</p></article>";

        assertThat(extractor.extract(html)).startsWith("The story itself");
    }
}
