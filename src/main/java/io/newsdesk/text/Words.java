package io.newsdesk.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Word tokens for lexical comparisons: lower-cased runs of letters and digits. */
public final class Words {

    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private Words() {
    }

    /** Lower-cased tokens of {@code text}, split on non-alphanumeric characters. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        for (String token : NON_ALPHANUMERIC.split(text.toLowerCase(Locale.ROOT))) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** The number of {@link #tokenize tokens} of {@code text}: the length of a text in words. */
    public static int count(String text) {
        return tokenize(text).size();
    }
}
