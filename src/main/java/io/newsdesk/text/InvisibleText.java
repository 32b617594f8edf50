package io.newsdesk.text;

/**
 * Text that would show nothing: whitespace and space separators (including no-break spaces), control characters,
 * format characters (zero-width spaces and joiners, direction marks and overrides, byte order marks, tags), and the
 * other characters Unicode marks Default_Ignorable_Code_Point (Hangul fillers, variation selectors, the combining
 * grapheme joiner), plus the braille blank. {@link String#isBlank()} knows only the first kind.
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
                || type == Character.CONTROL || type == Character.FORMAT || isDefaultIgnorable(codePoint)
                || codePoint == 0x2800; // braille pattern blank: a letter-like symbol that draws no dots
    }

    /** Unicode's Default_Ignorable_Code_Point beyond the format characters (DerivedCoreProperties.txt). */
    private static boolean isDefaultIgnorable(int c) {
        return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFFA0
                || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A)
                || (c >= 0xE0000 && c <= 0xE0FFF);
    }
}
