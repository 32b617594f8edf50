package io.newsdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Real news texts from ../shared/eval/cnndm.jsonl for tests that need articles no other test posts (read, never
 * copied into the repo), and the re-publications a news aggregator sees of them.
 */
public final class EvalArticles {

    private static final Path CNNDM = Path.of("../shared/eval/cnndm.jsonl");
    private static List<JsonNode> cnndm;

    private EvalArticles() {
    }

    /** The body of CNN/DailyMail article number {@code index} (0..249). */
    public static synchronized String cnndm(int index) {
        if (cnndm == null) {
            cnndm = Jsonl.read(CNNDM);
        }
        return cnndm.get(index).get("body").asText();
    }

    /** The first {@code share} of the text's characters, cut at the end of a sentence: a copy cut short. */
    public static String cutShort(String text, double share) {
        int end = text.indexOf(". ", (int) (text.length() * share));
        return end < 0 ? text : text.substring(0, end + 1);
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
}
