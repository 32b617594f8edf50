package io.newsdesk.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule-based sentence splitter for cleaned article text (English news prose).
 *
 * <p>Paragraphs are separated by blank lines and a sentence never spans two paragraphs. Inside a paragraph a
 * sentence ends at {@code .}, {@code ?}, {@code !}, an ellipsis ({@code ...} or {@code …}) or a run of them,
 * optionally followed by closing quotes or brackets, when whitespace follows and the next word starts with an
 * upper-case letter or a digit (after any opening quote or bracket). A full stop does not end a sentence when:
 * <ul>
 *   <li>the word before it is a title or other abbreviation that is always followed by a name or a number
 *       ({@code Mr.}, {@code Dr.}, {@code Gen.}, {@code Jan.}, {@code No. 10}, ...);</li>
 *   <li>the word before it is an abbreviation that may also end a sentence ({@code U.S.}, {@code Inc.},
 *       {@code etc.}, {@code St.}, a single capital initial as in {@code J. Smith}, any dotted acronym such as
 *       {@code p.m.}), unless the next word is one that typically opens a sentence ({@code The}, {@code He},
 *       {@code But}, ...);</li>
 *   <li>no whitespace follows it (decimals such as {@code 3.5}, {@code Amazon.com}).</li>
 * </ul>
 * A line break inside a paragraph is ordinary whitespace, except before a list item ({@code - }, {@code * },
 * {@code • }), which starts a new sentence without its marker.
 *
 * <p>Every returned sentence is a trimmed substring of the input, so it can be found verbatim in it.
 * Thread-safe.
 */
public final class SentenceSplitter {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r\\u00A0]*\\n");

    /** Abbreviations that precede a name or a number: a following capital never starts a new sentence. */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "rev", "hon", "gen", "lt", "col", "maj",
            "capt", "cmdr", "cdr", "sgt", "cpl", "pvt", "spc", "pfc", "adm", "gov", "govs", "sen", "sens", "rep",
            "reps", "pres", "supt", "det", "insp", "fr", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "vs", "cf", "approx", "dept", "univ", "assn", "ave", "blvd",
            "no", "nos", "vol", "fig", "pp", "op", "ch", "art", "e.g", "i.e");

    /** Abbreviations that precede a number only: "no." is a word otherwise ("He said no. The ..."). */
    private static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no", "nos", "vol", "fig", "pp", "op", "ch", "art");

    /** Abbreviations that may end a sentence: the next word decides. */
    private static final Set<String> AMBIGUOUS = Set.of(
            "inc", "ltd", "co", "corp", "plc", "llc", "bros", "jr", "sr", "st", "etc", "al", "est", "calif", "fla",
            "ariz", "conn", "tenn", "mich", "minn", "colo", "okla");

    /** Dotted acronyms and initials: U.S, U.K, D.C, a.m, J (the final dot is not part of the token). */
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?:\\p{L}\\.)+\\p{L}|\\p{Lu}");

    /** Words that commonly open a sentence; after an ambiguous abbreviation they signal a sentence boundary. */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
            "there", "here", "his", "her", "its", "their", "our", "my", "your", "but", "and", "or", "so", "yet",
            "however", "meanwhile", "also", "in", "on", "at", "for", "after", "before", "when", "while", "if",
            "as", "although", "though", "since", "because", "some", "many", "most", "several", "one", "two",
            "officials", "police", "authorities", "what", "why", "how", "who", "where", "last", "earlier",
            "later", "now", "then", "today", "yesterday", "according");

    private static final String CLOSERS = "\"'”’)]}»";
    private static final String OPENERS = "\"'“‘([{«";

    /** The sentences of {@code text} in order; empty for blank text. */
    public List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sentences;
        }
        var paragraphs = PARAGRAPH_BREAK.matcher(text);
        int start = 0;
        while (paragraphs.find()) {
            splitParagraph(text, start, paragraphs.start(), sentences);
            start = paragraphs.end();
        }
        splitParagraph(text, start, text.length(), sentences);
        return sentences;
    }

    private void splitParagraph(String text, int from, int to, List<String> out) {
        int sentenceStart = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\n') {
                int item = listItemStart(text, i + 1, to);
                if (item >= 0) {
                    add(text, sentenceStart, i, out);
                    sentenceStart = item;
                    i = item;
                    continue;
                }
                i++;
                continue;
            }
            if (!isTerminator(c)) {
                i++;
                continue;
            }
            int end = i;
            while (end < to && isTerminator(text.charAt(end))) {
                end++;
            }
            boolean singleFullStop = c == '.' && end == i + 1;
            while (end < to && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            if (end >= to) {
                i = end;
                break;
            }
            if (!isSpace(text.charAt(end))) {
                i = end;
                continue;
            }
            if (isBoundary(text, from, i, singleFullStop, end, to)) {
                add(text, sentenceStart, end, out);
                sentenceStart = end;
            }
            i = end;
        }
        add(text, sentenceStart, to, out);
    }

    /**
     * Whether the terminator run starting at {@code terminator} and ending (closers included) at {@code end},
     * which is followed by whitespace, ends a sentence. {@code singleFullStop}: the run is one '.' alone.
     */
    private boolean isBoundary(String text, int paragraphStart, int terminator, boolean singleFullStop, int end,
            int to) {
        int next = end;
        while (next < to && isSpace(text.charAt(next))) {
            next++;
        }
        if (next >= to) {
            return true;
        }
        int letter = next;
        while (letter < to && OPENERS.indexOf(text.charAt(letter)) >= 0) {
            letter++;
        }
        if (letter >= to) {
            return false;
        }
        char first = text.charAt(letter);
        boolean nextIsNumber = Character.isDigit(first);
        if (!Character.isUpperCase(first) && !nextIsNumber) {
            return false;
        }
        if (!singleFullStop) {
            return true; // ?, !, ellipsis: the capital decides
        }
        String before = wordBefore(text, paragraphStart, terminator);
        if (before.isEmpty()) {
            return true;
        }
        String lower = before.toLowerCase(Locale.ROOT);
        if (NUMBER_ABBREVIATIONS.contains(lower)) {
            return !nextIsNumber;
        }
        if (TITLES.contains(lower) || before.equals("v")) { // "Smith v. Jones"
            return false;
        }
        if (AMBIGUOUS.contains(lower) || DOTTED_ACRONYM.matcher(before).matches()) {
            return SENTENCE_OPENERS.contains(wordAt(text, letter, to).toLowerCase(Locale.ROOT));
        }
        return true;
    }

    /** The token right before {@code dot}, without leading opening quotes or brackets. */
    private static String wordBefore(String text, int paragraphStart, int dot) {
        int start = dot;
        while (start > paragraphStart && !isSpace(text.charAt(start - 1))) {
            start--;
        }
        while (start < dot && (OPENERS.indexOf(text.charAt(start)) >= 0 || text.charAt(start) == '-')) {
            start++;
        }
        return text.substring(start, dot);
    }

    private static String wordAt(String text, int start, int to) {
        int end = start;
        while (end < to && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    /** If a list item ("- ", "* ", "• ") starts at {@code at} (after spaces), the index of its text, else -1. */
    private static int listItemStart(String text, int at, int to) {
        int i = at;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i + 1 < to && "-*•–".indexOf(text.charAt(i)) >= 0 && text.charAt(i + 1) == ' ') {
            return i + 2;
        }
        return -1;
    }

    private static void add(String text, int start, int end, List<String> out) {
        String sentence = text.substring(start, end).strip();
        if (sentence.isEmpty()) {
            return;
        }
        int item = listItemStart(sentence, 0, sentence.length());
        if (item >= 0) {
            sentence = sentence.substring(item).strip();
        }
        if (!sentence.isEmpty() && sentence.chars().anyMatch(Character::isLetterOrDigit)) {
            out.add(sentence);
        }
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '?' || c == '!' || c == '…';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
