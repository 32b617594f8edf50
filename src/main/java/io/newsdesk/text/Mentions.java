package io.newsdesk.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a news text names, found without a model: names, numbers and dates. Pure and thread-safe.
 *
 * <ul>
 *   <li><b>Phrases</b>: adjacent name words as one mention ("Craig Venter", "Celera Genomics"), so that
 *       {@link #matches} can tell "Venter" ~ "Craig Venter"; {@link #isCommon} marks the phrases that a fixed
 *       hand-written list ({@value #COMMON_RESOURCE}: countries, capitals, big institutions, nationalities,
 *       weekdays, months) or the text itself (every word also written in lower case) makes common.</li>
 *   <li><b>Names</b>: capitalised words not at the start of a sentence (or after an opening quote or a colon),
 *       plus a sentence-initial capitalised word that is also written capitalised elsewhere in the text or that
 *       runs on into a name ("Craig Venter has"), plus acronyms. Keys are lower-case without a possessive
 *       {@code 's}; pronouns, articles, conjunctions, honorifics, weekdays and months are left out. A title in
 *       Title Case counts only the words that the body also writes capitalised.</li>
 *   <li><b>Numbers</b>: the value of each figure with its scale, so "1.5bn", "1.5 billion" and "1,500m" are one
 *       key ("1500000000"), "27%" and "27 per cent" are "27%", "£600m" is "600000000"; numbers in words are read
 *       as figures too ("Forty-two" is "42", "twelve per cent" "12%", "two million" "2000000"), since one
 *       outlet's style spells out what another writes in digits. Bare integers below 10 are left out (too common to
 *       tell stories apart).</li>
 *   <li>A news agency's dateline opening the body ("SAN JOSE, Calif. (AP) — ") is not read: it says where the
 *       report was filed, not what happened, and its place would count as a name the other outlets lack.</li>
 *   <li><b>Dates</b>: weekdays ("friday"), months with a day ("may 5", from "5 May", "May 5th" or "Jan. 5"; a range
 *       "20-30 January" gives both ends) and months alone, except May and March without a number next to them (also
 *       a name and a verb).</li>
 * </ul>
 *
 * @param names     name key to the count of its mentions (insertion order: first mention first)
 * @param display   name key to the form first written in the text ("Venter's" is key "venter", shown "Venter")
 * @param lowercase every word key that the text writes in lower case (a name among them is a common word too)
 * @param numbers   number key to its first form in digits ("$1.13bn"), or in words when the text never writes it in
 *                  digits ("Forty-two")
 * @param dates     the date keys
 * @param phrases   name phrases: each run of adjacent name words in a sentence as one mention, key (the word keys
 *                  joined by a space, "craig venter") to the form first written ("Craig Venter"); a lone name
 *                  word is a phrase of one word. First mention first.
 */
public record Mentions(Map<String, Integer> names, Map<String, String> display, Set<String> lowercase,
        Map<String, String> numbers, Set<String> dates, Map<String, String> phrases) {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    /** The class-path list of very common news names, one lower-case key (or phrase key) a line, # comments. */
    public static final String COMMON_RESOURCE = "common-news-names.txt";

    private static final Set<String> COMMON = loadCommon();

    /**
     * Words: a dotted acronym (U.S., U.N.) or a run of letters with inner apostrophes and hyphens. The hyphenated
     * parts are bounded: Java matches each repetition of a group of varying length one stack frame deeper, so a
     * page-long "ab-ab-ab…" overflowed the stack.
     */
    private static final Pattern WORD = Pattern.compile(
            "(?:\\p{Lu}\\.){2,}|\\p{L}[\\p{L}\\p{M}]*(?:['’-]\\p{L}[\\p{L}\\p{M}]*){0,9}['’]?");

    /**
     * A figure: optional currency, digits with thousands separators and decimals, optional percent or scale. At most
     * 21 digits and 12 decimals: no news figure has more, and each is read as a BigDecimal, whose parsing costs the
     * square of the digits (a page-long run of digits took minutes).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])([£$€¥])?(\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,21})(?:\\.(\\d{1,12}))?"
                    + "(?:(%|bn|mn|tn|m|k)|\\s?(per cent|percent|billion|million|trillion|thousand))?"
                    + "(?![\\p{L}\\p{N}])");

    private static final Map<String, BigDecimal> SCALES = Map.of(
            "k", BigDecimal.valueOf(1_000L), "thousand", BigDecimal.valueOf(1_000L),
            "m", BigDecimal.valueOf(1_000_000L), "mn", BigDecimal.valueOf(1_000_000L),
            "million", BigDecimal.valueOf(1_000_000L),
            "bn", BigDecimal.valueOf(1_000_000_000L), "billion", BigDecimal.valueOf(1_000_000_000L),
            "tn", BigDecimal.valueOf(1_000_000_000_000L), "trillion", BigDecimal.valueOf(1_000_000_000_000L));

    private static final List<String> UNIT_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen");
    private static final List<String> TENS_WORDS = List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");

    /**
     * A number in words up to ninety-nine, times an optional hundred and scale, with an optional percent: "Forty-two",
     * "two hundred million", "twelve per cent". Groups: 1 tens, 2 units after tens, 3 units, 4 hundred, 5 scale, 6
     * percent. A number that goes on with "and" ("two hundred and fifty") is not read, nor its tail: its parts would be
     * wrong figures.
     */
    private static final Pattern NUMBER_WORDS = Pattern.compile("(?i)(?<![\\p{L}-])(?<!\\band\\s)(?:("
            + String.join("|", TENS_WORDS) + ")(?:[- ](" + String.join("|", UNIT_WORDS.subList(1, 10)) + "))?|("
            + String.join("|", UNIT_WORDS) + "))(?:\\s(hundred))?(?:\\s(thousand|million|billion|trillion))?"
            + "(?:\\s(per cent|percent))?(?![\\p{L}-])(?!\\s(?:and|hundred|thousand|million|billion|trillion)\\b)");

    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");

    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");

    /** Months that are also common names or words: a date only next to a number. */
    private static final Set<String> AMBIGUOUS_MONTHS = Set.of("may", "march");

    /** Month names and the abbreviations of news agencies' style (AP: "Jan. 20", "Sept. 3"), next to a day. */
    private static final String MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    /** "20 January", "20th of January", "20-30 January": groups 1 and 2 the days, 3 the month. */
    private static final Pattern DAY_MONTH = Pattern.compile("\\b" + DAY + "(?:\\s?[-–]\\s?" + DAY + ")?\\s+(?:of\\s+)?("
            + MONTH_NAMES + ")(?![\\p{L}])");
    /** "January 20", "Jan. 20-30": group 1 the month, 2 and 3 the days. */
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(" + MONTH_NAMES + ")\\s+" + DAY
            + "(?:\\s?[-–]\\s?" + DAY + ")?\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b(May|March)\\s+(?:\\d{1,2}|\\d{4})\\b");

    /** Capitalised words that are not names: function words, sentence openers, honorifics. */
    private static final Set<String> STOP_CAPITALS = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "as", "at", "by", "for",
            "from", "in", "into", "of", "off", "on", "onto", "out", "over", "to", "up", "with", "without", "about",
            "after", "before", "since", "until", "while", "when", "where", "why", "how", "what", "which", "who",
            "whom", "whose", "that", "this", "these", "those", "there", "here", "it", "its", "he", "she", "they",
            "we", "i", "you", "me", "him", "her", "them", "us", "his", "hers", "their", "theirs", "our", "ours",
            "my", "mine", "your", "yours", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do",
            "does", "did", "will", "would", "can", "could", "should", "shall", "might", "must", "not", "no",
            "yes", "all", "some", "any", "each", "every", "both", "many", "much", "more", "most", "one", "also",
            "however", "meanwhile", "although", "though", "because", "now", "today", "yesterday", "tomorrow",
            "last", "next", "earlier", "later", "according", "mr", "mrs", "ms", "miss", "dr", "sir", "dame",
            "prof", "rev", "st", "oh", "ok", "okay", "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d");

    /** Letters read to tell the script: enough for any article, bounded for a huge one. */
    private static final int SCRIPT_SAMPLE = 4000;

    /**
     * Whether most letters of the text are upper or lower case (Latin, Greek, Cyrillic, Armenian…): only there does
     * capitalisation mark names. Chinese, Japanese, Arabic, Hebrew, Devanagari or Thai text has no case, so no names
     * are found in it and "no new names" would say nothing.
     */
    public static boolean isCasedScript(String text) {
        int letters = 0;
        int cased = 0;
        for (int i = 0; text != null && i < text.length() && letters < SCRIPT_SAMPLE; ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                letters++;
                cased += Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c) ? 1 : 0;
            }
            i += Character.charCount(c);
        }
        return letters > 0 && cased * 2 > letters;
    }

    /** The mentions of a text without a title. */
    public static Mentions of(String text) {
        return of(null, text);
    }

    /** The rest of a word in capitals, hyphens inside it ("WILKES-BARRE"); possessive, as the dateline's parts. */
    private static final String CAPITALS = "[\\p{Lu}\\p{M}.'’]*+(?:-[\\p{Lu}\\p{M}.'’]++)*+";

    /**
     * A news agency's dateline opening the body: a place in capitals, an agency tag in brackets, or both, then a dash
     * or a colon ("SAN JOSE, Calif. (AP) — ", "LONDON, Jan 5 (Reuters) - ", "NEW DELHI: "). It says where the report was
     * filed, in the agency's form, not what happened: its names are not read as the report's.
     */
    private static final Pattern DATELINE = Pattern.compile("^\\s{0,10}+(?:(\\p{Lu}[\\p{Lu}\\p{M}]" + CAPITALS
            + "(?: \\p{Lu}" + CAPITALS + "){0,4}+)(,\\s?+(?:[\\p{Lu}\\d][\\p{L}\\d.]{0,12}+ ?+){1,3}+){0,2}+\\s?+"
            + "(\\([^()\\n]{1,30}+\\)\\s?+)?[-–—:]|\\([^()\\n]{1,30}+\\)\\s?+[-–—])\\s");

    /**
     * The body without the dateline it opens with, if any. A lone word of up to five capitals before a dash or a
     * colon is an acronym opening a sentence ("NASA - the agency said", "FIFA: Blatter"), not a place: a place alone
     * is a longer word or several ("LONDON -", "NEW DELHI:"), or comes with a region or an agency's tag.
     */
    static String withoutDateline(String body) {
        Matcher m = DATELINE.matcher(body);
        if (!m.lookingAt()) {
            return body;
        }
        boolean placeAlone = m.group(1) != null && m.group(2) == null && m.group(3) == null;
        boolean acronym = placeAlone && m.group(1).indexOf(' ') < 0 && m.group(1).length() <= 5;
        return acronym ? body : body.substring(m.end());
    }

    /** The mentions of a headline and its body (either may be null). */
    public static Mentions of(String title, String body) {
        body = body == null ? null : withoutDateline(body);
        List<String> sentences = SPLITTER.split(body == null ? "" : body);
        List<List<Word>> bodyWords = new ArrayList<>();
        Set<String> lowercase = new HashSet<>();
        Set<String> capitalisedInside = new HashSet<>();
        for (String sentence : sentences) {
            List<Word> words = words(sentence);
            bodyWords.add(words);
            for (Word w : words) {
                if (!w.capitalised()) {
                    lowercase.add(w.key());
                } else if (!w.initial()) {
                    capitalisedInside.add(w.key());
                }
            }
        }
        List<List<Word>> all = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            List<Word> words = words(title.strip());
            if (isTitleCase(words)) {
                words = words.stream().filter(w -> capitalisedInside.contains(w.key())).toList();
            }
            all.add(words);
        }
        all.addAll(bodyWords);

        Map<String, Integer> names = new LinkedHashMap<>();
        Map<String, String> display = new HashMap<>();
        Map<String, String> phrases = new LinkedHashMap<>();
        for (List<Word> words : all) {
            List<Word> run = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                boolean counts = w.capitalised() && (w.acronym() || !STOP_CAPITALS.contains(w.key()))
                        && !isDateWord(w) && (!w.initial() || w.acronym() || capitalisedInside.contains(w.key())
                        || (i + 1 < words.size() && words.get(i + 1).adjacentNameAfter(w)));
                if (counts) {
                    names.merge(w.key(), 1, Integer::sum);
                    display.putIfAbsent(w.key(), w.shown());
                    boolean continues = !run.isEmpty() && w.adjacent() && !run.get(run.size() - 1).text().endsWith("'")
                            && !run.get(run.size() - 1).text().endsWith("’");
                    if (!continues) {
                        addPhrase(run, phrases);
                    }
                    run.add(w);
                } else {
                    addPhrase(run, phrases);
                }
            }
            addPhrase(run, phrases);
        }
        String whole = title == null ? body == null ? "" : body : title + "\n\n" + (body == null ? "" : body);
        return new Mentions(Collections.unmodifiableMap(names), Collections.unmodifiableMap(display),
                Set.copyOf(lowercase), numbers(whole), dates(whole, all), Collections.unmodifiableMap(phrases));
    }

    /** Adds the run of name words as one phrase (a possessive ends a phrase) and empties the run. */
    private static void addPhrase(List<Word> run, Map<String, String> phrases) {
        if (run.isEmpty()) {
            return;
        }
        StringBuilder key = new StringBuilder();
        StringBuilder shown = new StringBuilder();
        for (Word w : run) {
            key.append(key.length() == 0 ? "" : " ").append(w.key());
            shown.append(shown.length() == 0 ? "" : " ").append(w.shown());
        }
        phrases.putIfAbsent(key.toString(), shown.toString());
        run.clear();
    }

    /**
     * Whether two phrase keys name the same thing: equal, the same last word of two or more words ("Craig Venter"
     * ~ "Mr Venter" ~ "Venter" only when one side has one word), or a one-word phrase that is a word of the other
     * ("Celera" ~ "Celera Genomics").
     */
    public static boolean matches(String phrase, String other) {
        if (phrase.equals(other)) {
            return true;
        }
        // Called for every pair of phrases of every pair judged: no splitting, no allocation.
        boolean oneWord = phrase.indexOf(' ') < 0;
        if (oneWord || other.indexOf(' ') < 0) {
            return oneWord ? hasWord(other, phrase) : hasWord(phrase, other);
        }
        int lastA = phrase.lastIndexOf(' ') + 1;
        int lastB = other.lastIndexOf(' ') + 1;
        return phrase.length() - lastA == other.length() - lastB
                && phrase.regionMatches(lastA, other, lastB, phrase.length() - lastA);
    }

    /** Whether {@code word} is one of the space-separated words of {@code phrase}. */
    private static boolean hasWord(String phrase, String word) {
        int from = 0;
        while (from <= phrase.length()) {
            int end = phrase.indexOf(' ', from);
            if (end < 0) {
                end = phrase.length();
            }
            if (end - from == word.length() && phrase.regionMatches(from, word, 0, word.length())) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    /**
     * Whether a phrase is common news vocabulary rather than a rare, telling name: the phrase is on the fixed list,
     * or each of its words is on the list or written in lower case by one of the given texts.
     */
    public static boolean isCommon(String phrase, Mentions... texts) {
        if (COMMON.contains(phrase)) {
            return true;
        }
        for (String word : phrase.split(" ")) {
            boolean common = COMMON.contains(word);
            for (Mentions m : texts) {
                common |= m.lowercase().contains(word);
            }
            if (!common) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> loadCommon() {
        try (InputStream in = Mentions.class.getClassLoader().getResourceAsStream(COMMON_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_RESOURCE + " is not on the class path");
            }
            Set<String> out = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String key = line.replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    out.add(key);
                }
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the text writes this number key only in words ("Forty-two"), never in digits. */
    public boolean isInWords(String numberKey) {
        String shown = numbers.get(numberKey);
        return shown != null && Character.isLetter(shown.codePointAt(0));
    }

    /** The number of name mentions. */
    public int nameMentions() {
        return names.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static boolean isDateWord(Word w) {
        return WEEKDAYS.contains(w.key()) || (MONTHS.contains(w.key()) && !AMBIGUOUS_MONTHS.contains(w.key()))
                || (w.beforeDay() && MONTH_ABBREVIATIONS.contains(w.key()));
    }

    /** More than half the (at least three) words capitalised, small function words aside. */
    private static boolean isTitleCase(List<Word> words) {
        List<Word> content = words.stream().filter(w -> !STOP_CAPITALS.contains(w.key())).toList();
        long capitalised = content.stream().filter(Word::capitalised).count();
        return content.size() >= 3 && capitalised * 2 > content.size();
    }

    private static Map<String, String> numbers(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String integer = m.group(2).replace(",", "");
            String fraction = m.group(3);
            String unit = m.group(4) != null ? m.group(4) : m.group(5) == null ? null
                    : m.group(5).toLowerCase(Locale.ROOT);
            BigDecimal value = new BigDecimal(fraction == null ? integer : integer + "." + fraction);
            boolean percent = "%".equals(unit) || "per cent".equals(unit) || "percent".equals(unit);
            if (unit == null && fraction == null && m.group(1) == null && value.compareTo(BigDecimal.TEN) < 0) {
                continue;
            }
            if (unit != null && !percent) {
                value = value.multiply(SCALES.get(unit));
            }
            String key = value.stripTrailingZeros().toPlainString() + (percent ? "%" : "");
            out.putIfAbsent(key, m.group().strip());
        }
        Matcher w = NUMBER_WORDS.matcher(text);
        while (w.find()) {
            long value = w.group(3) != null ? UNIT_WORDS.indexOf(w.group(3).toLowerCase(Locale.ROOT))
                    : 10L * (TENS_WORDS.indexOf(w.group(1).toLowerCase(Locale.ROOT)) + 2)
                            + (w.group(2) == null ? 0 : UNIT_WORDS.indexOf(w.group(2).toLowerCase(Locale.ROOT)));
            value *= w.group(4) != null ? 100 : 1;
            value *= w.group(5) != null ? SCALES.get(w.group(5).toLowerCase(Locale.ROOT)).longValueExact() : 1;
            if (value >= 10 || w.group(6) != null) {
                out.putIfAbsent(value + (w.group(6) != null ? "%" : ""), w.group().strip());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Set<String> dates(String text, List<List<Word>> sentences) {
        Set<String> out = new HashSet<>();
        Matcher dm = DAY_MONTH.matcher(text);
        while (dm.find()) {
            addDays(out, dm.group(3), dm.group(1), dm.group(2));
        }
        Matcher md = MONTH_DAY.matcher(text);
        while (md.find()) {
            addDays(out, md.group(1), md.group(2), md.group(3));
        }
        Matcher my = MONTH_YEAR.matcher(text);
        while (my.find()) {
            out.add(my.group(1).toLowerCase(Locale.ROOT));
        }
        for (List<Word> words : sentences) {
            for (Word w : words) {
                if (w.capitalised() && isDateWord(w)) {
                    out.add(MONTH_ABBREVIATIONS.contains(w.key()) ? fullMonth(w.key()) : w.key());
                }
            }
        }
        return Set.copyOf(out);
    }

    /**
     * Adds "month day" for the day and, for a range, its last day; an abbreviated month is keyed by its full name. A
     * "range" that is not one of days ("won 24-17 Nov. 3", "1-0") adds nothing: it is a score.
     */
    private static void addDays(Set<String> out, String month, String day, String lastDay) {
        String name = fullMonth(month.toLowerCase(Locale.ROOT));
        int first = Integer.parseInt(day);
        int last = lastDay == null ? first : Integer.parseInt(lastDay);
        if (first >= 1 && first <= last && last <= 31) {
            out.add(name + " " + first);
            out.add(name + " " + last);
        }
    }

    /** The month's full lower-case name, from its name or its abbreviation ("sept." is "september"). */
    private static String fullMonth(String month) {
        String prefix = month.substring(0, 3);
        return MONTHS.stream().filter(full -> full.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static List<Word> words(String sentence) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        int previousEnd = -1;
        while (m.find()) {
            String between = previousEnd < 0 ? sentence.substring(0, m.start())
                    : sentence.substring(previousEnd, m.start());
            boolean initial = previousEnd < 0 || OPENS_SENTENCE.matcher(between).matches();
            boolean beforeDay = DAY_AFTER.matcher(sentence).region(m.end(), sentence.length()).lookingAt();
            words.add(Word.of(m.group(), initial, between.isBlank() && previousEnd >= 0, beforeDay));
            previousEnd = m.end();
        }
        return words;
    }

    /** What follows a month written as a date: a day ("Jan. 20", "Sept 3"). */
    private static final Pattern DAY_AFTER = Pattern.compile("\\.?\\s\\d");

    /** The abbreviated months, a date word only before a day ("Jan. 20"; "Jan Smith" is a name). */
    private static final Set<String> MONTH_ABBREVIATIONS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");

    /** What between two words makes the second start a sentence: an opening quote, bracket or colon. */
    private static final Pattern OPENS_SENTENCE = Pattern.compile(".*[:\"“‘(\\[].*|.*\\s['‘]\\s*");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?$");

    /**
     * One word of a sentence.
     *
     * @param text     as written
     * @param initial  first of its sentence, or right after an opening quote, bracket or colon
     * @param adjacent only whitespace separates it from the word before
     * @param shown    as written without a possessive or a final full stop
     * @param key      {@code shown} in lower case without full stops
     * @param beforeDay a day number follows it ("Jan. 20")
     */
    private record Word(String text, boolean initial, boolean adjacent, String shown, String key, boolean beforeDay) {

        static Word of(String text, boolean initial, boolean adjacent, boolean beforeDay) {
            String shown = POSSESSIVE.matcher(text).replaceFirst("");
            shown = shown.endsWith(".") ? shown.substring(0, shown.length() - 1) : shown;
            return new Word(text, initial, adjacent, shown, shown.replace(".", "").toLowerCase(Locale.ROOT),
                    beforeDay);
        }

        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }

        boolean acronym() {
            String letters = text.replace(".", "");
            return letters.length() >= 2 && letters.length() <= 6 && letters.chars().allMatch(Character::isUpperCase);
        }

        /** Whether this word continues a name begun by {@code previous}: capitalised, adjacent, not a stop word. */
        boolean adjacentNameAfter(Word previous) {
            return adjacent && capitalised() && !STOP_CAPITALS.contains(key()) && !previous.text.endsWith("'");
        }
    }
}
