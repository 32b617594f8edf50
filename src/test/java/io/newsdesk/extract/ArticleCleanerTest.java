package io.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.testing.Resources;
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
    void theRequestsTitleTellsWhichArticleOfThePageIsMeant() {
        String page = Resources.text("pages/two-articles.html");

        CleanedText asPublished = cleaner.clean(null, null, page);
        CleanedText asRequested = cleaner.clean("Council approves a budget with higher parking charges", null, page);

        assertThat(asPublished.text()).contains("The harbour reopened on Friday").doesNotContain("parking");
        assertThat(asRequested.text()).contains("Parking in the town centre will cost two pounds")
                .doesNotContain("harbour");
        assertThat(asRequested.removedLines()).containsExactly("Council approves a budget with higher parking charges");
    }

    @Test
    void requiresExactlyOneOfBodyAndHtml() {
        assertThatThrownBy(() -> cleaner.clean(NewsPage.TITLE, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cleaner.clean(NewsPage.TITLE, "text", "<p>text</p>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
