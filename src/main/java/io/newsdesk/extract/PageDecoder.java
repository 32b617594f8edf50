package io.newsdesk.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of a web page to text, strictly: the charset comes from the Content-Type header, else from a
 * byte order mark, else from a {@code <meta charset>} or {@code <meta http-equiv="Content-Type">} in the first
 * 4 KiB, else UTF-8. Bytes that are not valid in that charset make the page undecodable (never replacement
 * characters or mojibake). Labels follow the WHATWG Encoding Standard where it differs from Java's names
 * (ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do).
 */
public final class PageDecoder {

    private static final int META_PREFIX_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> WHATWG_LABELS = Map.of(
            "iso-8859-1", "windows-1252", "latin1", "windows-1252", "l1", "windows-1252", "ascii", "windows-1252",
            "us-ascii", "windows-1252", "iso8859-1", "windows-1252", "x-sjis", "Shift_JIS", "utf8", "UTF-8");

    private PageDecoder() {
    }

    /** A page whose bytes do not decode, or whose declared charset is unknown. */
    public static final class UndecodablePageException extends Exception {
        UndecodablePageException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param headerCharset the charset parameter of the request's Content-Type, or null
     */
    public static String decode(byte[] bytes, String headerCharset) throws UndecodablePageException {
        int bomLength = 0;
        Charset charset;
        if (headerCharset != null && !headerCharset.isBlank()) {
            charset = charset(headerCharset, "the Content-Type header");
        } else if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        } else {
            String declared = declaredCharset(bytes);
            charset = declared == null ? StandardCharsets.UTF_8 : charset(declared, "the page's <meta charset>");
        }
        if (bomLength == 0 && charset.equals(StandardCharsets.UTF_8) && startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            bomLength = 3;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, bomLength, bytes.length - bomLength);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new UndecodablePageException("is not valid " + charset.name() + " at byte " + in.position());
        } catch (CharacterCodingException e) {
            throw new UndecodablePageException("has bytes that are not " + charset.name() + " at byte " + in.position());
        }
    }

    private static String declaredCharset(byte[] bytes) {
        // Charset names and the markup around them are ASCII in every charset a page may declare this way.
        String prefix = new String(bytes, 0, Math.min(bytes.length, META_PREFIX_BYTES), StandardCharsets.ISO_8859_1);
        Matcher meta = META_CHARSET.matcher(prefix);
        return meta.find() ? meta.group(1) : null;
    }

    private static Charset charset(String label, String where) throws UndecodablePageException {
        String name = label.strip().replaceAll("^[\"']|[\"']$", "").toLowerCase(Locale.ROOT);
        try {
            return Charset.forName(WHATWG_LABELS.getOrDefault(name, name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UndecodablePageException("declares an unknown charset in " + where + ": " + label.strip());
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
