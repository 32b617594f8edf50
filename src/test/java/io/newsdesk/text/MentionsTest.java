package io.newsdesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    private static final String TIME_WARNER = """
            Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to \
            December, from $639m year-earlier. The firm, which is now one of the biggest investors in Google, \
            benefited from sales of high-speed internet connections. TimeWarner said on Friday that it now owns 8% \
            of search-engine Google. It lost 464,000 subscribers. Analysts said 1.5 billion dollars was spent.""";

    @Test
    void namesAreCapitalisedWordsInsideSentencesAndAcronyms() {
        Mentions m = Mentions.of(TIME_WARNER);

        assertThat(m.names()).containsKeys("us", "timewarner", "google");
        assertThat(m.names().get("google")).isEqualTo(2);
        assertThat(m.names()).doesNotContainKeys("the", "it", "quarterly", "analysts", "december", "friday");
    }

    @Test
    void aSentenceInitialWordCountsWhenWrittenCapitalisedElsewhereOrRunningIntoAName() {
        Mentions m = Mentions.of("Venter was vilified. Scientists praised Dr Venter. Craig Venter has a yacht.");

        assertThat(m.names()).containsKeys("venter", "craig");
        assertThat(m.names().get("venter")).isEqualTo(3);
        assertThat(m.names()).doesNotContainKeys("scientists", "dr");
    }

    @Test
    void possessivesAreStrippedAndTheFirstWrittenFormIsShown() {
        Mentions m = Mentions.of("The deal was signed by Celera's board. Shares in Celera rose.");

        assertThat(m.names()).containsEntry("celera", 2);
        assertThat(m.display()).containsEntry("celera", "Celera");
    }

    @Test
    void namesAlsoWrittenInLowerCaseAreMarkedAsCommonWords() {
        Mentions m = Mentions.of("He spoke to Police Scotland. The police said little. Officers met Venter.");

        assertThat(m.names()).containsKeys("police", "venter");
        assertThat(m.lowercase()).contains("police").doesNotContain("venter");
    }

    @Test
    void numbersAreNormalisedByScaleSeparatorAndPercent() {
        Mentions m = Mentions.of(TIME_WARNER);

        assertThat(m.numbers()).containsKeys("76%", "1130000000", "600000000", "639000000", "8%", "464000",
                "1500000000");
        assertThat(m.numbers()).containsEntry("1130000000", "$1.13bn");
        assertThat(Mentions.of("Up 27 per cent to 2,000.").numbers()).containsKeys("27%", "2000");
        assertThat(Mentions.of("Three of the 4 men, aged 5th in line.").numbers()).isEmpty();
    }

    @Test
    void datesAreWeekdaysAndMonthsWithTheirDay() {
        Mentions m = Mentions.of("The vote on 5 May follows Friday's talks. On March 3rd it rained. "
                + "It ended in December. Theresa May spoke.");

        assertThat(m.dates()).containsExactlyInAnyOrder("may 5", "friday", "march 3", "december");
        assertThat(m.names()).containsKeys("theresa", "may").doesNotContainKeys("friday", "december");
    }

    @Test
    void numbersWrittenInWordsAreTheSameFiguresAsInDigits() {
        Mentions words = Mentions.of("Forty-two films will debut. Twelve of them, twelve per cent of the entries, "
                + "drew two million viewers and a one-off fee from someone.");
        Mentions digits = Mentions.of("42 films will debut. 12 of them, 12% of the entries, drew 2m viewers.");

        assertThat(words.numbers()).containsOnlyKeys("42", "12", "12%", "2000000");
        assertThat(words.numbers().keySet()).isEqualTo(digits.numbers().keySet());
        assertThat(Mentions.of("It cost two hundred million pounds, one hundred per cent of the budget.").numbers())
                .containsOnlyKeys("200000000", "100%");
        assertThat(Mentions.of("About two hundred and fifty people came.").numbers()).isEmpty();
    }

    @Test
    void agencyDatesAndDateRangesGiveEachDay() {
        Mentions source = Mentions.of("The festival runs during its 20-30 January season, after talks on 3 September.");
        Mentions agency = Mentions.of("The festival runs Jan. 20-30, after talks on Sept. 3. Jan Smith chairs it.");

        assertThat(source.dates()).containsExactlyInAnyOrder("january 20", "january 30", "january", "september 3",
                "september");
        assertThat(agency.dates()).isEqualTo(source.dates());
        assertThat(agency.names()).containsKeys("jan", "smith").doesNotContainKeys("sept");
        // A score before a date is no range of days.
        assertThat(Mentions.of("The Jets won 24-17 Nov. 3 and drew 1-1 on 5 December.").dates())
                .containsExactlyInAnyOrder("november 3", "november", "december 5", "december");
    }

    @Test
    void anAgencysDatelineIsNotReadAsTheReportsNames() {
        assertThat(Mentions.of("SAN JOSE, Calif. (AP) — A judge ruled for Apple against Think Secret.").names())
                .containsOnlyKeys("apple", "think", "secret");
        assertThat(Mentions.of("LONDON, Jan 5 (Reuters) - Cairn Energy found oil.").names())
                .containsOnlyKeys("cairn", "energy");
        assertThat(Mentions.of("NEW DELHI: Cairn Energy found oil in Rajasthan.").names())
                .containsOnlyKeys("cairn", "energy", "rajasthan");
        assertThat(Mentions.of("(Wire) - Oil rose in Asia.").names()).containsOnlyKeys("asia");
        // Not datelines: a sentence that opens with a name or an acronym.
        assertThat(Mentions.of("Gordon Brown: the Chancellor spoke in Kibera.").names()).containsKeys("kibera");
        assertThat(Mentions.of("UN inspectors - led by Hans Blix - left.").names()).containsKeys("un", "hans", "blix");
        assertThat(Mentions.of("US, UK agree a deal - Tony Blair said so.").names()).containsKeys("us", "uk");
        assertThat(Mentions.of("NASA - the US space agency - said so.").names()).containsKeys("nasa");
        assertThat(Mentions.of("FIFA: Sepp Blatter spoke.").names()).containsKeys("fifa", "sepp", "blatter");
        assertThat(Mentions.of("PARIS - Jacques Chirac spoke.").names()).containsKeys("paris");
        assertThat(Mentions.of("WILKES-BARRE, Pa. (AP) — Jacques Chirac spoke.").names())
                .containsOnlyKeys("jacques", "chirac");
    }

    @Test
    void aCapitalisedIContractionIsNoName() {
        Mentions m = Mentions.of("The coach, Mike Ruddock, said I'm proud of them, and I’ve seen Stephen Jones improve.");

        assertThat(m.names()).containsOnlyKeys("mike", "ruddock", "stephen", "jones");
    }

    @Test
    void aTitleCaseHeadlineCountsOnlyWordsTheBodyWritesCapitalised() {
        Mentions m = Mentions.of("Ad Sales Boost Time Warner Profit",
                "Profits at Time Warner rose. Sales of adverts grew.");

        assertThat(m.names()).containsKeys("time", "warner").doesNotContainKeys("ad", "sales", "boost", "profit");
    }

    @Test
    void adjacentNameWordsAreOnePhraseAndAPossessiveEndsIt() {
        Mentions m = Mentions.of("The scientist Craig Venter and Celera Genomics met. Venter's firm, Celera, said "
                + "New York Police were told.");

        assertThat(m.phrases()).containsKeys("craig venter", "celera genomics", "venter", "celera",
                "new york police");
        assertThat(m.phrases()).containsEntry("craig venter", "Craig Venter");
    }

    @Test
    void phrasesMatchBySurnameOrByAWordOfTheOther() {
        assertThat(Mentions.matches("venter", "craig venter")).isTrue();
        assertThat(Mentions.matches("celera genomics", "celera")).isTrue();
        assertThat(Mentions.matches("craig venter", "j craig venter")).isTrue();
        assertThat(Mentions.matches("craig venter", "craig david")).isFalse();
        // Whole words only, on either side, and a surname must match in full.
        assertThat(Mentions.matches("cel", "celera genomics")).isFalse();
        assertThat(Mentions.matches("celera genomics", "genomic")).isFalse();
        assertThat(Mentions.matches("genomics", "celera genomics")).isTrue();
        assertThat(Mentions.matches("mr venter", "craig venters")).isFalse();
        assertThat(Mentions.matches("mr venter", "craig venter")).isTrue();
        assertThat(Mentions.matches("venter", "venter")).isTrue();
    }

    @Test
    void commonNamesComeFromTheFixedListOrFromLowerCaseUse() {
        Mentions m = Mentions.of("The Police said police in London found Venter.");

        assertThat(Mentions.isCommon("london", m)).isTrue();
        assertThat(Mentions.isCommon("new york", m)).isTrue();
        assertThat(Mentions.isCommon("police", m)).isTrue();
        assertThat(Mentions.isCommon("venter", m)).isFalse();
        assertThat(Mentions.isCommon("london venter", m)).isFalse();
    }

    @Test
    void onlyScriptsWithCapitalLettersAreCased() {
        assertThat(Mentions.isCasedScript("The ferry ran aground off Mull, the coastguard said.")).isTrue();
        assertThat(Mentions.isCasedScript("Паром сел на мель у острова Малл, сообщила береговая охрана.")).isTrue();
        assertThat(Mentions.isCasedScript("北京市政府今天宣布了新的交通管理措施。")).isFalse();
        assertThat(Mentions.isCasedScript("दिल्ली में मंगलवार को भारी बारिश हुई।")).isFalse();
        assertThat(Mentions.isCasedScript("Beijing 北京市政府今天宣布了新的交通管理措施")).isFalse();
        assertThat(Mentions.isCasedScript("12,000 — 45%")).isFalse();
    }

    @Test
    void aPageLongHyphenatedTokenIsReadWithoutOverflowingTheStack() {
        Mentions m = Mentions.of("Strike", "Shares in Rolls-Royce fell as " + "ab-".repeat(300_000) + "ab.");

        assertThat(m.names()).containsKey("rolls-royce");
    }

    @Test
    void aRunOfDigitsLongerThanAnyFigureIsNoFigure() {
        Mentions m = Mentions.of("Turnout", "Turnout was 1,250 or " + "7".repeat(500_000) + " or 3.5" + "1".repeat(100)
                + " people.");

        assertThat(m.numbers()).containsOnlyKeys("1250");
    }
}
