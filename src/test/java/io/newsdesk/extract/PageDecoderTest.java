package io.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.testing.Resources;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {

    @Test
    void decodesWindows1252FromTheMetaHttpEquiv() throws Exception {
        String page = PageDecoder.decode(Resources.bytes("pages/windows-1252.html"), null);

        assertThat(page).contains("Café owners", "council’s decision", "naïve", "€1,200");
    }

    @Test
    void decodesShiftJisFromTheMetaCharset() throws Exception {
        String page = PageDecoder.decode(Resources.bytes("pages/shift_jis.html"), null);

        assertThat(page).contains("港湾当局が発表しました");
    }

    @Test
    void theHeaderCharsetWinsOverTheMeta() throws Exception {
        byte[] bytes = "<meta charset=\"windows-1252\"><p>Zürich</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(PageDecoder.decode(bytes, "utf-8")).contains("Zürich");
        assertThat(PageDecoder.decode(bytes, null)).contains("ZÃ¼rich");
    }

    @Test
    void aByteOrderMarkDecidesAndIsDropped() throws Exception {
        byte[] utf16 = "\uFEFF<p>Zürich</p>".getBytes(StandardCharsets.UTF_16LE);
        byte[] utf8 = "\uFEFF<p>Zürich</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(PageDecoder.decode(utf16, null)).isEqualTo("<p>Zürich</p>");
        assertThat(PageDecoder.decode(utf8, null)).isEqualTo("<p>Zürich</p>");
    }

    @Test
    void refusesBytesThatAreNotValidInTheCharset() {
        byte[] latin1 = "<p>Café</p>".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> PageDecoder.decode(latin1, null))
                .isInstanceOf(PageDecoder.UndecodablePageException.class)
                .hasMessage("is not valid UTF-8 at byte 6");
        assertThatThrownBy(() -> PageDecoder.decode(Resources.bytes("pages/shift_jis.html"), "utf-8"))
                .isInstanceOf(PageDecoder.UndecodablePageException.class);
    }

    @Test
    void refusesAnUnknownCharset() {
        assertThatThrownBy(() -> PageDecoder.decode("<p>x</p>".getBytes(StandardCharsets.UTF_8), "klingon-8"))
                .isInstanceOf(PageDecoder.UndecodablePageException.class)
                .hasMessageContaining("unknown charset");
    }
}
