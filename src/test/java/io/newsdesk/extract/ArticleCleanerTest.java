package io.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void cleansHtmlThroughExtractorAndStripper() {
        CleanedText cleaned = cleaner.clean(NewsPage.TITLE, null, NewsPage.HTML);

        assertThat(cleaned.paragraphs()).containsExactlyElementsOf(NewsPage.ARTICLE_PARAGRAPHS);
        assertThat(cleaned.text()).isEqualTo(String.join("\n\n", NewsPage.ARTICLE_PARAGRAPHS));
    }

    @Test
    void cleansPlainTextBody() {
        String body = "Menu\n\n" + NewsPage.TITLE + "\n\n" + String.join("\n\n", NewsPage.ARTICLE_PARAGRAPHS)
                + "\n\nLeave a comment";

        CleanedText cleaned = cleaner.clean(NewsPage.TITLE, body, null);

        assertThat(cleaned.paragraphs()).containsExactlyElementsOf(NewsPage.ARTICLE_PARAGRAPHS);
        assertThat(cleaned.removedLines()).containsExactly("Menu", NewsPage.TITLE, "Leave a comment");
    }

    @Test
    void requiresExactlyOneOfBodyAndHtml() {
        assertThatThrownBy(() -> cleaner.clean(NewsPage.TITLE, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cleaner.clean(NewsPage.TITLE, "text", "<p>text</p>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
