package io.newsdesk.summary;

import io.newsdesk.text.Words;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SumBasic-style lexical centrality: a sentence scores the mean document probability of its content words, so
 * sentences made of the article's most frequent content words score highest. Content words are the
 * {@link Rouge#tokenize lower-cased alphanumeric tokens} that are neither English function words nor pure numbers.
 */
final class LexicalCentrality {

    private static final Set<String> FUNCTION_WORDS = Set.of(("a an the and or but if then else of to in on at by for "
            + "with from as is are was were be been being has have had do does did not no nor so than too very can "
            + "could will would shall should may might must that this these those there here it its he she they "
            + "them his her their him we us our you your i me my who whom whose which what when where why how all "
            + "any both each few more most other some such only own same just also into over under after before "
            + "about against between through during above below up down out off again further once s t said says")
            .split(" "));

    private LexicalCentrality() {
    }

    /** One score per sentence; 0 for a sentence without content words. */
    static double[] scores(List<String> sentences) {
        List<List<String>> contentWords = new ArrayList<>(sentences.size());
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (String sentence : sentences) {
            List<String> words = Words.tokenize(sentence).stream()
                    .filter(w -> !FUNCTION_WORDS.contains(w) && !w.chars().allMatch(Character::isDigit))
                    .toList();
            contentWords.add(words);
            for (String word : words) {
                counts.merge(word, 1, Integer::sum);
            }
            total += words.size();
        }
        double[] scores = new double[sentences.size()];
        for (int i = 0; i < scores.length; i++) {
            List<String> words = contentWords.get(i);
            if (words.isEmpty()) {
                continue;
            }
            double sum = 0;
            for (String word : words) {
                sum += (double) counts.get(word) / total;
            }
            scores[i] = sum / words.size();
        }
        return scores;
    }
}
