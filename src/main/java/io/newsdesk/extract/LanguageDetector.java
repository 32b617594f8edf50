package io.newsdesk.extract;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guesses the language of an article from the share of its words that are that language's most frequent function
 * words. News text is long enough for this to be reliable; short or mixed text is reported as "und" (undetermined).
 */
@ApplicationScoped
public class LanguageDetector {

    public static final String UNDETERMINED = "und";
    private static final double MIN_SHARE = 0.08;
    private static final int MIN_WORDS = 5;

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", words("the of and to in a is that for it on was with as by at from are be this have has were not"),
            "fr", words("le la les de des du et un une est en que qui dans pour pas au sur par avec il elle sont"),
            "de", words("der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es wird"),
            "es", words("el la los las de del y en que un una es por con para se no su al lo como más"),
            "it", words("il lo la gli le di del della e che un una è per con non si sono nel alla al"),
            "pt", words("o a os as de do da dos das e em um uma que é para com não por se no na"),
            "nl", words("de het een en van in is dat op te zijn met voor niet aan er die ook"),
            "sv", words("och att det som en på är av för med den till inte har de ett om"),
            "pl", words("i w na z się nie do to że jest o jak po co ale tak za od"),
            "tr", words("ve bir bu da de için ile olarak çok daha gibi ama olan en var"));

    /** An ISO 639-1 code, or {@value #UNDETERMINED}. */
    public String detect(String text) {
        String[] tokens = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        long words = Arrays.stream(tokens).filter(token -> !token.isEmpty()).count();
        if (words < MIN_WORDS) {
            return UNDETERMINED;
        }
        String best = UNDETERMINED;
        double bestShare = MIN_SHARE;
        for (Map.Entry<String, Set<String>> language : FUNCTION_WORDS.entrySet()) {
            double share = (double) Arrays.stream(tokens).filter(language.getValue()::contains).count() / words;
            if (share > bestShare) {
                best = language.getKey();
                bestShare = share;
            }
        }
        return best;
    }

    private static Set<String> words(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).collect(Collectors.toUnmodifiableSet());
    }
}
