package io.newsdesk.summary;

import io.newsdesk.text.Words;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SumBasic-style lexical centrality: a sentence scores the mean document probability of its content words, so
 * sentences made of the article's most frequent {@link Words#contentWords content words} score highest.
 */
final class LexicalCentrality {

    private LexicalCentrality() {
    }

    /** One score per sentence; 0 for a sentence without content words. */
    static double[] scores(List<String> sentences) {
        List<List<String>> contentWords = new ArrayList<>(sentences.size());
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (String sentence : sentences) {
            List<String> words = Words.contentWords(sentence);
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
