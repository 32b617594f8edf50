package io.newsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://News.Example.COM/World/Story                              | https://news.example.com/World/Story
            https://news.example.com/world/story/                             | https://news.example.com/world/story
            https://news.example.com/world/story#comments                     | https://news.example.com/world/story
            https://news.example.com:443/world/story                          | https://news.example.com/world/story
            http://news.example.com:8080/world/story                          | http://news.example.com:8080/world/story
            https://news.example.com/a?utm_source=x&id=5&UTM_Medium=y&fbclid=z | https://news.example.com/a?id=5
            https://news.example.com/a?utm_campaign=spring                    | https://news.example.com/a
            https://news.example.com/                                         | https://news.example.com
            https://news.example.com/a?page=2&id=5                            | https://news.example.com/a?page=2&id=5
            """)
    void foldsVariantsOfTheSameAddress(String url, String canonical) {
        assertThat(CanonicalUrl.of(url)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/file", "javascript:alert(1)", "/relative/path", "https://", "not a url",
            "mailto:desk@example.com"})
    void rejectsWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> CanonicalUrl.of(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"https://www.bbc.co.uk/news/x,bbc.co.uk", "https://Reuters.com/world,reuters.com"})
    void hostWithoutWwwIsTheDefaultSource(String url, String host) {
        assertThat(CanonicalUrl.host(url)).isEqualTo(host);
    }
}
