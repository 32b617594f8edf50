package io.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stripper against invented pages whose chrome does not occur in the seed articles. */
class ChromeStripperTest {

    private static final String TITLE = "Harbour Authority Approves Expansion of Northern Port";

    private static final List<String> ARTICLE = List.of(
            "The regional harbour authority voted on Tuesday to approve a long-debated expansion of the northern "
                    + "port, ending two years of public hearings and legal challenges from local residents.",
            "Under the plan, the port will add three deep-water berths and a rail link capable of handling twice "
                    + "the current volume of container traffic by the end of the decade.",
            "“We are not going anywhere,” the mayor said.",
            "Environmental groups said they would study the decision before deciding whether to appeal, arguing "
                    + "that dredging could damage the estuary's fragile salt marshes.",
            "He declined to comment.",
            "Construction is expected to begin next spring, with the first berth opening to ships in 2027 if the "
                    + "financing from private investors is secured as planned.");

    private static final List<String> HEAD_CHROME = List.of(
            "Skip to content",
            "Menu",
            "Sign in | Subscribe",
            "Home › World › Europe",
            "We use cookies to improve your experience. By using this site you agree to our Cookie Policy. Accept all",
            "By Jane Doe, Staff Reporter",
            "Share this article: Facebook Twitter Email");

    private static final List<String> TAIL_CHROME = List.of(
            "Tags: Politics, World",
            "Related stories",
            "Ferry Operator Cuts Winter Timetable",
            "The company blamed rising fuel prices and a shortage of crew.",
            "City Council Delays Vote on Bridge Repairs",
            "Councillors asked for a second engineering survey before committing funds.",
            "© 2024 Some Site. All rights reserved.");

    private final ChromeStripper stripper = new ChromeStripper();

    @Test
    void dropsInventedChromeAroundArticleAndKeepsEveryParagraph() {
        String page = lines(HEAD_CHROME) + "\n\n" + TITLE + "\n\n"
                + String.join("\n\n", ARTICLE.subList(0, 2)) + "\n\nAdvertisement\n\n"
                + String.join("\n\n", ARTICLE.subList(2, ARTICLE.size())) + "\n\n" + lines(TAIL_CHROME);

        CleanedText cleaned = stripper.strip(page, TITLE);

        assertThat(cleaned.paragraphs()).containsExactlyElementsOf(ARTICLE);
        assertThat(cleaned.removedLines()).containsAll(HEAD_CHROME).containsAll(TAIL_CHROME)
                .contains("Advertisement", TITLE);
    }

    @Test
    void dropsChromeByItsFeaturesWhenNoTitleMarksTheArticleStart() {
        String page = lines(HEAD_CHROME) + "\n\n" + String.join("\n\n", ARTICLE) + "\n\n" + lines(TAIL_CHROME);

        CleanedText cleaned = stripper.strip(page, null);

        assertThat(cleaned.paragraphs()).containsExactlyElementsOf(ARTICLE);
        assertThat(cleaned.text()).isEqualTo(String.join("\n\n", ARTICLE));
    }

    @Test
    void keepsShortSentenceAndQuoteParagraphsBetweenProse() {
        CleanedText cleaned = stripper.strip(String.join("\n\n", ARTICLE), TITLE);

        assertThat(cleaned.paragraphs()).contains("He declined to comment.", "“We are not going anywhere,” the mayor said.");
        assertThat(cleaned.removedLines()).isEmpty();
    }

    @Test
    void keepsShortClosingSentence() {
        String text = ARTICLE.get(0) + "\n\n" + ARTICLE.get(1) + "\n\nThe ministry declined to comment.";

        assertThat(stripper.strip(text, TITLE).paragraphs()).endsWith("The ministry declined to comment.");
    }

    @Test
    void keepsSubheadingsBetweenProseParagraphs() {
        String text = String.join("\n\n", ARTICLE.get(0), "Next Steps", ARTICLE.get(1),
                "A Close Call for the Coalition", ARTICLE.get(3), "What Residents Say", ARTICLE.get(5));

        CleanedText cleaned = stripper.strip(text, TITLE);

        assertThat(cleaned.paragraphs()).contains("Next Steps", "A Close Call for the Coalition", "What Residents Say");
        assertThat(cleaned.removedLines()).isEmpty();
    }

    @Test
    void dropsTeaserBlockAfterRelatedMarker() {
        String text = String.join("\n\n", ARTICLE) + "\n\nDon't miss\n\n"
                + "Fishing Fleet Returns Early\n\nStorms forced dozens of trawlers back to port on Sunday.\n\n"
                + "Lighthouse Restoration Wins Award\n\nThe volunteers spent six years repairing the 1890s tower.\n\n"
                + "Museum Opens Maritime Wing\n\nVisitors can board a restored steam tug from next month.";

        CleanedText cleaned = stripper.strip(text, TITLE);

        assertThat(cleaned.paragraphs()).containsExactlyElementsOf(ARTICLE);
        assertThat(cleaned.removedLines()).hasSize(7).startsWith("Don't miss");
    }

    @Test
    void keepsClosingSectionsThatAlternateHeadingAndParagraph() {
        List<String> article = List.of(ARTICLE.get(0), ARTICLE.get(1),
                "Opposition", "Residents plan a protest outside the council offices on Friday.",
                "Funding", "The government has pledged a third of the cost.");

        CleanedText cleaned = stripper.strip(String.join("\n\n", article), TITLE);

        assertThat(cleaned.paragraphs()).containsExactlyElementsOf(article);
    }

    @Test
    void dropsDatelineLabelsWithNothingAfterThem() {
        String text = "Published on\n\nUpdated:\n\n" + String.join("\n\n", ARTICLE);

        assertThat(stripper.strip(text, TITLE).removedLines()).containsExactly("Published on", "Updated:");
    }

    @Test
    void removesStraySymbolsButKeepsPunctuationCurrencyAndQuotes() {
        String text = "Fares rose ∫ by $5 — “sharply” – to €30 ⊕ + 2% (officials said).";

        assertThat(stripper.strip(text, TITLE).text())
                .isEqualTo("Fares rose by $5 — “sharply” – to €30 + 2% (officials said).");
    }

    @Test
    void keepsHardWrappedLinesOfOneParagraphTogether() {
        String text = ARTICLE.get(0) + "\n\nThe harbour master said the new berths\nwould be dredged in stages.\n\n"
                + ARTICLE.get(1);

        assertThat(stripper.strip(text, TITLE).paragraphs())
                .containsExactly(ARTICLE.get(0), "The harbour master said the new berths\nwould be dredged in stages.",
                        ARTICLE.get(1));
    }

    @Test
    void returnsNoParagraphsForBlankText() {
        assertThat(stripper.strip(" \n\n \t", TITLE).paragraphs()).isEmpty();
    }

    private static String lines(List<String> lines) {
        return String.join("\n", lines);
    }

    @Test
    void keepsAShortItemWhoseEveryLineLooksLikeChromeRatherThanLosingTheArticle() {
        // The only line repeats the title and would be dropped as a title copy.
        assertThat(new ChromeStripper().strip("Storm closes coastal road", "Storm Closes Coastal Road").text())
                .isEqualTo("Storm closes coastal road");
        assertThat(new ChromeStripper().strip("Live\nWatch: storm latest", null).text())
                .isEqualTo("Live\nWatch: storm latest");
        assertThat(new ChromeStripper().strip("   \n\u200B\n", null).text()).isBlank();
    }

    @Test
    void keepsAHundredThousandLinesOfOneParagraphAsOneParagraph() {
        CleanedText cleaned = stripper.strip("Line x\n".repeat(100_000), TITLE);

        assertThat(cleaned.paragraphs()).hasSize(1);
        assertThat(cleaned.paragraphs().get(0).lines()).hasSize(100_000).containsOnly("Line x");
    }
}
