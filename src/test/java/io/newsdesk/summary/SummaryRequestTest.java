package io.newsdesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryRequestTest {

    @Test
    void aSummaryReadsTheFirstHundredThousandCharactersOfAText() {
        String lead = "The harbour reopened on Friday after a week of storms. ";
        String text = lead + "word ".repeat(1_800_000);

        SummaryRequest request = new SummaryRequest("Harbour reopens", text, "en");

        assertThat(request.text()).startsWith(lead).hasSizeBetween(99_000, SummaryRequest.MAX_TEXT_CHARS);
    }
}
