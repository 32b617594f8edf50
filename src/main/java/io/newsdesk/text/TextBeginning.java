package io.newsdesk.text;

/** The beginning of a text up to a length, for work that need not read a whole text a fuzzer made huge. */
public final class TextBeginning {

    /**
     * Characters of a text a sentence embedding reads at most. No headline or sentence of news is that long, and the
     * models read a few hundred tokens; their tokenizers would still read all of a fuzzer's 1 MB "sentence", and the
     * recent-embeddings cache would keep it as a key.
     */
    public static final int EMBEDDED_CHARS = 2_000;

    private TextBeginning() {
    }

    /** What a sentence embedding reads of a text: its beginning up to {@link #EMBEDDED_CHARS}. */
    public static String forEmbedding(String text) {
        return of(text, EMBEDDED_CHARS);
    }

    /**
     * The text itself when it has at most {@code maxChars} characters; else its beginning, cut at the last whitespace
     * in the second half of that length (without it), or, within one token that long, at that length without splitting
     * a character in two.
     */
    public static String of(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int cut = maxChars;
        while (cut > maxChars / 2 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        if (!Character.isWhitespace(text.charAt(cut))) {
            cut = Character.isLowSurrogate(text.charAt(maxChars)) ? maxChars - 1 : maxChars;
        }
        return text.substring(0, cut).strip();
    }
}
