package io.newsdesk.text;

/**
 * Caps runs of combining marks at Unicode's stream-safe limit (UAX #15: 30 non-starters in a row). No script needs
 * longer runs; "Zalgo" text stacks thousands, draws nothing legible, and makes every regex word boundary walk back
 * over the whole run ({@code \b} looks for the mark's base letter), so a 1 MB run took minutes to clean.
 */
public final class CombiningMarks {

    static final int MAX_RUN = 30;

    private CombiningMarks() {
    }

    /** The text with every mark beyond the 30th of a run removed; the same instance when no run is longer. */
    public static String capRuns(String text) {
        StringBuilder capped = null;
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            run = isMark(codePoint) ? run + 1 : 0;
            if (run > MAX_RUN) {
                if (capped == null) {
                    capped = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (capped != null) {
                capped.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return capped == null ? text : capped.toString();
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
