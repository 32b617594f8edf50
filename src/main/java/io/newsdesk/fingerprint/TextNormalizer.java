package io.newsdesk.fingerprint;


import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The normal form that decides {@link DuplicateKind#EXACT} duplicates, and the word tokens that shingles are made
 * of. Thread-safe.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** NFKC, lower case (root locale), every run of whitespace one space, trimmed; "" for null. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The 64-bit hash of {@link #normalize(String)}: equal for EXACT duplicates. */
    public static long exactHash(String text) {
        return Hashing.sha256(normalize(text));
    }

    /**
     * The words of the normalised text: maximal runs of letters, digits and combining marks. Punctuation, quotes
     * and symbols separate words and are dropped, so typographic variants (’ vs ', “ vs ") do not matter.
     */
    public static List<String> words(String text) {
        String normal = normalize(text);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normal.length(); i++) {
            boolean inWord = i < normal.length() && isWordChar(normal.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(normal.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    private static boolean isWordChar(char c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
