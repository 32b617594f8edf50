package io.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en  | The minister said that the talks with the union were not over and that a deal was possible.
            fr  | Le ministre a déclaré que les négociations avec le syndicat ne sont pas terminées et qu'un accord est possible.
            de  | Der Minister sagte, dass die Gespräche mit der Gewerkschaft nicht beendet sind und eine Einigung möglich ist.
            es  | El ministro dijo que las negociaciones con el sindicato no han terminado y que un acuerdo es posible.
            it  | Il ministro ha detto che le trattative con il sindacato non sono finite e che un accordo è possibile.
            und | Zelensky Kyiv NATO 2024
            """)
    void recognisesTheLanguageOfNewsSentences(String language, String text) {
        assertThat(detector.detect(text)).isEqualTo(language);
    }
}
