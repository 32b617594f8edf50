package io.newsdesk.text;

/**
 * Text that would show nothing: whitespace and space separators (including no-break spaces), control characters
 * and format characters (zero-width spaces and joiners, direction marks and overrides, byte order marks).
 * {@link String#isBlank()} knows only the first kind.
 */
public final class InvisibleText {

    private InvisibleText() {
    }

    public static boolean isBlank(CharSequence text) {
        return text.codePoints().allMatch(InvisibleText::isInvisible);
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || type == Character.CONTROL || type == Character.FORMAT;
    }
}
