package io.newsdesk.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Invented news texts for the tests: two inline ones, the {@value #ARTICLES} articles of
 * src/test/resources/news/articles.txt (each on a different subject, so that no two are the same story), texts
 * made of their sentences that are copies of none of them, and the re-publications an aggregator sees.
 */
public final class Texts {

    /** How many invented articles there are; {@link #article(int)} takes 0 up to this (exclusive). */
    public static final int ARTICLES = 32;

    /** A prime no larger than the number of articles: {@link #distinct(int)} mixes sentences of this many. */
    private static final int P = 31;

    /** How many texts {@link #distinct(int)} makes: it takes 0 up to this (exclusive). */
    public static final int DISTINCT = P * (P - 1);

    private static final int SENTENCES = 7;

    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("\\.\\s");

    /** The articles' sentences, one list per article. */
    private static final List<List<String>> SENTENCES_OF = readArticles();

    private Texts() {
    }

    private static List<List<String>> readArticles() {
        List<List<String>> articles = new ArrayList<>();
        List<String> current = null;
        for (String line : Resources.text("news/articles.txt").lines().toList()) {
            if (line.startsWith("## ")) {
                current = new ArrayList<>();
                articles.add(current);
            } else if (current != null && !line.isBlank() && !line.startsWith("#")) {
                current.add(line.strip());
            }
        }
        if (articles.size() != ARTICLES || articles.stream().anyMatch(a -> a.size() != SENTENCES)) {
            throw new IllegalStateException("news/articles.txt: expected " + ARTICLES + " articles of " + SENTENCES
                    + " sentences");
        }
        return articles;
    }

    /** Invented article {@code index} (0 to {@link #ARTICLES} - 1): paragraphs of two sentences. */
    public static String article(int index) {
        return paragraphs(SENTENCES_OF.get(index));
    }

    /**
     * Text number {@code n} (0 to {@link #DISTINCT} - 1) of a family in which no two texts, and no text and {@link #article}, share
     * more than one sentence: never a copy of another, and on no single subject. Its k-th sentence is the k-th of
     * article (a + k * b) mod 31 for a = n mod 31, b = 1 + n / 31 (two lines of the plane mod 31 meet at most once).
     */
    public static String distinct(int n) {
        if (n < 0 || n >= DISTINCT) {
            throw new IllegalArgumentException("distinct texts are numbered 0 to " + (DISTINCT - 1) + ": " + n);
        }
        int a = n % P;
        int b = 1 + n / P;
        List<String> sentences = new ArrayList<>();
        for (int k = 0; k < SENTENCES; k++) {
            sentences.add(SENTENCES_OF.get((a + k * b) % P).get(k));
        }
        return paragraphs(sentences);
    }

    private static String paragraphs(List<String> sentences) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            text.append(i == 0 ? "" : i % 2 == 0 ? "\n\n" : " ").append(sentences.get(i));
        }
        return text.toString();
    }

    /** The first {@code share} of the text's characters, cut at the end of a sentence: a copy cut short. */
    public static String cutShort(String text, double share) {
        java.util.regex.Matcher end = SENTENCE_END.matcher(text);
        return end.find((int) (text.length() * share)) ? text.substring(0, end.start() + 1) : text;
    }

    /** The text with a few words edited, as a copy desk would: every {@code every}-th "the" becomes "this". */
    public static String lightlyEdited(String text, int every) {
        StringBuilder edited = new StringBuilder();
        int seen = 0;
        for (String word : text.split(" ")) {
            if (word.equals("the") && ++seen % every == 0) {
                word = "this";
            }
            edited.append(edited.isEmpty() ? "" : " ").append(word);
        }
        return edited.toString();
    }

    public static final String FERRY = """
            A passenger ferry carrying 212 people ran aground off the coast of Northport early on Tuesday, forcing \
            coastguard crews to evacuate everyone on board in a rescue operation that lasted more than five hours.

            The vessel, the Island Queen, had left the harbour at 05:40 local time bound for the outer islands when \
            it struck a sandbank about two miles offshore. Harbour officials said the tide was unusually low and \
            that a navigation buoy marking the channel had been reported missing last week.

            Nobody was seriously hurt, although eleven passengers were treated for mild hypothermia after waiting on \
            the open deck in strong winds. Lifeboats from three neighbouring stations joined the operation and a \
            fishing trawler helped to ferry people to shore.

            The ferry operator, Coastline Shipping, said it had suspended all crossings on the route until an \
            inspection of the hull is complete. Its chief executive apologised to passengers and promised a full \
            refund for every ticket sold for the affected sailing.

            Local councillor Maria Edwards said residents had warned for months that the channel was becoming \
            dangerous. "We have written to the port authority three times about the missing buoy and the silt \
            building up near the sandbank," she said. "Today we were lucky that the weather was not worse."

            The Marine Accident Investigation Branch has sent a team of inspectors to Northport and is expected to \
            publish its initial findings within a month. Salvage teams hope to refloat the Island Queen on the \
            evening high tide on Wednesday if the hull is found to be sound.
            """;

    public static final String BUDGET = """
            The city council has approved a budget of 480 million pounds for the coming year, including a 4% rise \
            in council tax and new spending on road repairs, libraries and social care for older residents.

            Councillors voted 34 to 21 in favour after a debate that ran late into Thursday night. The opposition \
            group had proposed freezing the tax and funding the repairs by selling two office buildings, but its \
            amendment was defeated.

            The leader of the council said the increase was unavoidable because the grant from central government \
            had fallen for the sixth year in a row. About 60 million pounds will go to filling potholes and \
            resurfacing main roads, which residents named as their biggest concern in a survey last autumn.

            Library opening hours, cut two years ago, will be restored at eight branches, and a new team of care \
            workers will support people leaving hospital. Unions welcomed the social care money but warned that \
            staff shortages would make it hard to fill the new posts quickly.
            """;

    public static List<String> words(String text) {
        return Arrays.asList(text.strip().split("\\s+"));
    }

    /** The first {@code fraction} of the words of {@code text}. */
    public static String prefix(String text, double fraction) {
        List<String> words = words(text);
        return String.join(" ", words.subList(0, (int) Math.round(words.size() * fraction)));
    }

    /** {@code text} with two adjacent letters swapped in every {@code every}-th word of five or more letters. */
    public static String typos(String text, int every) {
        String[] words = text.split(" ", -1);
        int seen = 0;
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 5 && words[i].chars().allMatch(Character::isLetter) && ++seen % every == 0) {
                char[] c = words[i].toCharArray();
                char t = c[1];
                c[1] = c[2];
                c[2] = t;
                words[i] = new String(c);
            }
        }
        return String.join(" ", words);
    }
}
