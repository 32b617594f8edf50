package io.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.testing.Seeds;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The stripper against the real scraped seed articles, src/test/resources/seeds. */
class SeedArticleTest {

    private final ChromeStripper stripper = new ChromeStripper();

    /** A seed file, its real title and every line of it that is page chrome. */
    record Seed(String prefix, String title, List<String> chrome) {

        String text() {
            return Seeds.all().stream().filter(seed -> seed.name().startsWith(prefix)).findFirst().orElseThrow().text();
        }

        /** Every other non-blank line except copies of the title; the stray "∫" is expected to go. */
        List<String> articleLines() {
            return text().lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.equals(title) && !chrome.contains(line))
                    .map(line -> line.replace(" ∫ ", " "))
                    .toList();
        }

        @Override
        public String toString() {
            return prefix;
        }
    }

    static List<Seed> seeds() {
        return List.of(
                new Seed("000_", "International Coalition Thwarts Iranian Attack on Israel",
                        List.of("the authorAV1 NEWS", "Leave a Reply")),
                new Seed("001_", "Diplomatic Tensions and Strategic Responses: The U.S.-Israel Dialogue on Iran",
                        List.of("Search", "Close this search box.")),
                new Seed("002_", "Trump and Israel Coordinate Potential Strike on Iran Amid Escalating Regional Tensions",
                        List.of()),
                new Seed("003_", "US-Israel Talks Aim for Peace and Security in Gaza", List.of(
                        "More",
                        "HomeMicro NewsPoliticsUS-Israel Talks Aim for Peace and Security in Gaza",
                        "Published on",
                        "This story was first published on timesofisrael.com.",
                        "More like this",
                        "Netanyahu’s Testimony: Focus on Policy Over Accusations",
                        "Netanyahu defends focus on Israeli policy, reforms over personal gain amid trial accusations, "
                                + "highlighting commitment to national interests and transformative actions.",
                        "Walmart Faces Backlash Over Shirts Feature Terror Leaders",
                        "Walmart criticized for selling shirts endorsing Hamas, Hezbollah leaders; raises issues of "
                                + "glorifying violence and antisemitism. Public demands action.",
                        "Israel Bolsters Security Against Iran’s Espionage Threat",
                        "Israel's Shin Bet thwarts citizen collaborations with Iran and Hezbollah, strengthening "
                                + "national security against espionage threats.")),
                new Seed("004_",
                        "Crossroads or Unbreakable? Israel and the United States at a Tipping Point in their Relationship",
                        List.of(
                                "The urgency of alleviating the humanitarian crisis in Gaza stressed by US Secretary "
                                        + "of Defense to Israeli counterpart",
                                "Leave a Reply",
                                "WhatsApp introduces new feature allowing users to customize photo backgrounds and "
                                        + "styles using generative AI Previous post Revolutionizing Photo Editing: "
                                        + "WhatsApp’s New Generative AI Features and the Emergence of EMU Technology",
                                "Lane restrictions for work zone along I-24 Business Loop/U.S. 60 in downtown "
                                        + "Paducah begin Thursday | News Next post Traffic Alert: Lane Restrictions on "
                                        + "I-24 Business Loop and U.S. 60 in Downtown Paducah for Pole Painting")));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void keepsEveryArticleParagraphOfEachSeed(Seed seed) {
        CleanedText cleaned = stripper.strip(seed.text(), seed.title());

        assertThat(seed.articleLines()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(cleaned.paragraphs()).containsExactlyElementsOf(seed.articleLines());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void dropsChromeLinesOfEachSeed(Seed seed) {
        CleanedText cleaned = stripper.strip(seed.text(), seed.title());

        assertThat(cleaned.removedLines()).containsAll(seed.chrome());
        seed.chrome().forEach(line -> assertThat(cleaned.text()).doesNotContain(line));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void keepsTitleOutOfTheText(Seed seed) {
        assertThat(seed.text()).contains(seed.title());

        assertThat(stripper.strip(seed.text(), seed.title()).paragraphs()).doesNotContain(seed.title());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void separatesChromeFromArticleWithoutKnowingTheTitle(Seed seed) {
        CleanedText cleaned = stripper.strip(seed.text(), null);

        assertThat(cleaned.paragraphs()).containsAll(seed.articleLines());
        seed.chrome().forEach(line -> assertThat(cleaned.paragraphs()).doesNotContain(line));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void removesStraySymbolInsideSentence(Seed seed) {
        assertThat(stripper.strip(seed.text(), seed.title()).text()).doesNotContain("∫");
    }
}
