package io.newsdesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splitsAtFullStopsQuestionAndExclamationMarks() {
        assertThat(splitter.split("The vote was held on Monday. Was it fair? Critics say no! The count goes on."))
                .containsExactly("The vote was held on Monday.", "Was it fair?", "Critics say no!",
                        "The count goes on.");
    }

    @Test
    void keepsTitlesWithTheNameThatFollows() {
        assertThat(splitter.split("Mr. Smith met Mrs. Brown and Dr. Jones at St. Mary's. Prof. Lee was absent."))
                .containsExactly("Mr. Smith met Mrs. Brown and Dr. Jones at St. Mary's.", "Prof. Lee was absent.");
    }

    @Test
    void keepsDottedAcronymsInsideTheSentence() {
        assertThat(splitter.split("The U.S. economy grew while the U.K. Treasury and the E.U. Commission waited. "
                + "Markets rose."))
                .containsExactly("The U.S. economy grew while the U.K. Treasury and the E.U. Commission waited.",
                        "Markets rose.");
    }

    @Test
    void endsTheSentenceAfterAnAcronymWhenTheNextWordOpensASentence() {
        assertThat(splitter.split("He moved to the U.S. The move surprised his family. It was 5 p.m. Officials left."))
                .containsExactly("He moved to the U.S.", "The move surprised his family.", "It was 5 p.m.",
                        "Officials left.");
    }

    @Test
    void keepsSingleCapitalInitialsWithTheSurname() {
        assertThat(splitter.split("The letter was signed by J. Smith and Lloyd J. Austin. Both declined to comment."))
                .containsExactly("The letter was signed by J. Smith and Lloyd J. Austin.", "Both declined to comment.");
    }

    @Test
    void keepsMonthAbbreviationsAndNumberAbbreviations() {
        assertThat(splitter.split(
                "It happened on Jan. 5 and again on Feb. 12 at No. 10 Downing Street. Nobody saw it."))
                .containsExactly("It happened on Jan. 5 and again on Feb. 12 at No. 10 Downing Street.",
                        "Nobody saw it.");
        assertThat(splitter.split("He said no. The talks ended."))
                .containsExactly("He said no.", "The talks ended.");
    }

    @Test
    void doesNotSplitDecimalsAmountsOrDomains() {
        assertThat(splitter.split("Profits rose 3.5% to $1.13bn, Amazon.com said. Sales were flat."))
                .containsExactly("Profits rose 3.5% to $1.13bn, Amazon.com said.", "Sales were flat.");
    }

    @Test
    void keepsClosingQuotesAndBracketsWithTheSentenceTheyEnd() {
        assertThat(splitter.split("He said: \"We will win.\" Then he left. (The vote was close.) Results follow. "
                + "She called it “a disgrace.” Others agreed."))
                .containsExactly("He said: \"We will win.\"", "Then he left.", "(The vote was close.)",
                        "Results follow.", "She called it “a disgrace.”", "Others agreed.");
    }

    @Test
    void doesNotSplitWhenAQuotedQuestionIsFollowedByLowerCase() {
        assertThat(splitter.split("“Why now?” he asked. She shrugged."))
                .containsExactly("“Why now?” he asked.", "She shrugged.");
    }

    @Test
    void handlesEllipses() {
        assertThat(splitter.split("He paused... and then left. Wait… What happened next? Nobody knows..."))
                .containsExactly("He paused... and then left.", "Wait…", "What happened next?", "Nobody knows...");
    }

    @Test
    void neverJoinsParagraphsEvenWithoutFinalPunctuation() {
        assertThat(splitter.split("Coalition thwarts attack\n\nThe attack failed. Leaders met.\n \nA third paragraph"))
                .containsExactly("Coalition thwarts attack", "The attack failed.", "Leaders met.",
                        "A third paragraph");
    }

    @Test
    void treatsALineBreakAsSpaceExceptBeforeAListItem() {
        assertThat(splitter.split(
                "The winners were\nannounced on Friday:\n - Best actor - Jane Doe\n - Best play - Hamlet"))
                .containsExactly("The winners were\nannounced on Friday:", "Best actor - Jane Doe",
                        "Best play - Hamlet");
    }

    @Test
    void splitsAfterAmbiguousAbbreviationsOnlyBeforeASentenceOpener() {
        assertThat(splitter.split("Shares of Apple Inc. rose. He worked for Acme Inc. The firm denied it."))
                .containsExactly("Shares of Apple Inc. rose.", "He worked for Acme Inc.", "The firm denied it.");
    }

    @Test
    void splitsBeforeNumbersAndQuotedSentences() {
        assertThat(splitter.split(
                "The toll rose again. 15 people are missing. \"We are afraid,\" a resident said."))
                .containsExactly("The toll rose again.", "15 people are missing.",
                        "\"We are afraid,\" a resident said.");
    }

    @Test
    void returnsSentencesThatAppearVerbatimInTheInput() {
        String text = "  Gov. Brown (D-Calif.) spoke at 9 a.m. on Tuesday.  Was it enough?\u00a0Aides said yes.\n\n"
                + "\u201cWe\u2019re done,\u201d he said.   \n\nEnd";
        List<String> sentences = splitter.split(text);
        assertThat(sentences).hasSize(5).allSatisfy(s -> assertThat(text).contains(s));
        assertThat(sentences).allSatisfy(s -> assertThat(s).isEqualTo(s.strip()));
    }

    @Test
    void returnsNothingForBlankOrPunctuationOnlyText() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split(null)).isEmpty();
        assertThat(splitter.split("  \n\n \t")).isEmpty();
        assertThat(splitter.split("...\n\n* * *")).isEmpty();
    }
}
