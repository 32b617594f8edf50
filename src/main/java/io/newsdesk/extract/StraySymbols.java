package io.newsdesk.extract;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Removes symbols standing alone between words, such as a stray "∫" left behind by a broken formula or icon. */
final class StraySymbols {

    private StraySymbols() {
    }

    /** The line without such symbols; expects single spaces between tokens. */
    static String remove(String line) {
        return Arrays.stream(line.split(" "))
                .filter(token -> !token.codePoints().allMatch(StraySymbols::isGarbage))
                .collect(Collectors.joining(" "));
    }

    // Punctuation, quotes and currency are other Unicode categories; ASCII symbols such as "+" or "=" carry meaning.
    private static boolean isGarbage(int codePoint) {
        if (codePoint < 128) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.MATH_SYMBOL || type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }
}
