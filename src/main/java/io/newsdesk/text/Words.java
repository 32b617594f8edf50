package io.newsdesk.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Word tokens for lexical comparisons: lower-cased runs of letters and digits. */
public final class Words {

    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Set<String> FUNCTION_WORDS = Set.of(("a an the and or but if then else of to in on at by for "
            + "with from as is are was were be been being has have had do does did not no nor so than too very can "
            + "could will would shall should may might must that this these those there here it its he she they "
            + "them his her their him we us our you your i me my who whom whose which what when where why how all "
            + "any both each few more most other some such only own same just also into over under after before "
            + "about against between through during above below up down out off again further once s t said says")
            .split(" "));

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

    /**
     * The {@link #tokenize tokens} of {@code text} that carry its content: neither English function words (and
     * "said", which news puts in every other sentence) nor pure numbers.
     */
    public static List<String> contentWords(String text) {
        List<String> tokens = tokenize(text);
        tokens.removeIf(token -> FUNCTION_WORDS.contains(token) || token.chars().allMatch(Character::isDigit));
        return tokens;
    }

    /** The number of {@link #tokenize tokens} of {@code text}: the length of a text in words. */
    public static int count(String text) {
        return tokenize(text).size();
    }
}
