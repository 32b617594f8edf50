package io.newsdesk.summary;

import io.newsdesk.text.SentenceSplitter;

import io.newsdesk.extract.LanguageDetector;
import io.newsdesk.llm.InvalidLlmAnswerException;
import io.newsdesk.llm.LlmJson;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Accepts an LLM's summary only if it is usable as is: a JSON answer with sentences, within the length limits, plain
 * text, in the article's language, not an echo of the prompt, and about the article (most of its content words are
 * the article's). Whatever the article text asked the model to do, an answer that breaks these rules is not stored.
 */
final class LlmAnswerValidator {

    private static final Pattern MARKDOWN = Pattern.compile("```|\\*\\*|__|^\\s*(#{1,6}\\s|[-*+]\\s|\\d+\\.\\s)",
            Pattern.MULTILINE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int ECHO_SHINGLE = 8;
    private static final double MIN_GROUNDED_SHARE = 0.5;

    private final SentenceSplitter sentences = new SentenceSplitter();
    private final LanguageDetector languages;

    LlmAnswerValidator(LanguageDetector languages) {
        this.languages = languages;
    }

    /** The summary text, or {@link InvalidLlmAnswerException} saying which rule the answer broke. */
    String validate(String content, SummaryRequest request, SummaryLimits limits, String systemPrompt) {
        LlmSummaryAnswer answer = LlmJson.parse(content, LlmSummaryAnswer.class);
        return checked(answer.sentences(), answer.language(), request, limits, systemPrompt);
    }

    /**
     * The answer's sentences joined, if they make a usable summary of {@code request} (the rules above), else
     * {@link InvalidLlmAnswerException}.
     */
    String checked(List<String> answerSentences, String answerLanguage, SummaryRequest request, SummaryLimits limits,
            String systemPrompt) {
        List<String> parts = answerSentences == null ? List.of()
                : answerSentences.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        String summary = String.join(" ", parts);
        if (summary.isBlank()) {
            throw new InvalidLlmAnswerException("empty summary");
        }
        if (sentences.split(summary).size() > limits.maxSentences()) {
            throw new InvalidLlmAnswerException("more than " + limits.maxSentences() + " sentences");
        }
        if (words(summary).size() > limits.maxWords()) {
            throw new InvalidLlmAnswerException("more than " + limits.maxWords() + " words");
        }
        if (MARKDOWN.matcher(summary).find()) {
            throw new InvalidLlmAnswerException("markdown in the summary");
        }
        if (echoes(summary, systemPrompt) || summary.toLowerCase(Locale.ROOT).contains("<article")) {
            throw new InvalidLlmAnswerException("the summary repeats the prompt");
        }
        checkLanguage(summary, answerLanguage, request.language());
        checkGrounded(summary, request.title() + " " + request.text(), "the article");
        return summary;
    }

    private void checkLanguage(String summary, String answerLanguage, String articleLanguage) {
        if (articleLanguage == null || articleLanguage.equals(LanguageDetector.UNDETERMINED)) {
            return;
        }
        String expected = primary(articleLanguage);
        String detected = languages.detect(summary);
        boolean declaredOther = answerLanguage != null && !answerLanguage.isBlank()
                && !primary(answerLanguage).equals(expected);
        boolean detectedOther = !detected.equals(LanguageDetector.UNDETERMINED) && !detected.equals(expected);
        if (declaredOther || detectedOther) {
            throw new InvalidLlmAnswerException("summary not in the article's language " + expected);
        }
    }

    /** At least half the summary's content words (four letters or more) must be words of {@code source}. */
    static void checkGrounded(String summary, String source, String sourceName) {
        Set<String> sourceWords = new HashSet<>(words(source));
        List<String> contentWords = words(summary).stream().filter(word -> word.length() >= 4).toList();
        long grounded = contentWords.stream().filter(sourceWords::contains).count();
        if (!contentWords.isEmpty() && grounded < MIN_GROUNDED_SHARE * contentWords.size()) {
            throw new InvalidLlmAnswerException("summary not about " + sourceName + " (" + grounded + " of "
                    + contentWords.size() + " content words from " + sourceName + ")");
        }
    }

    private static boolean echoes(String summary, String prompt) {
        Set<String> promptShingles = shingles(words(prompt));
        return shingles(words(summary)).stream().anyMatch(promptShingles::contains);
    }

    private static Set<String> shingles(List<String> words) {
        return java.util.stream.IntStream.rangeClosed(0, words.size() - ECHO_SHINGLE)
                .mapToObj(i -> String.join(" ", words.subList(i, i + ECHO_SHINGLE)))
                .collect(Collectors.toSet());
    }

    private static List<String> words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(match -> match.group()).toList();
    }

    private static String primary(String languageTag) {
        return languageTag.toLowerCase(Locale.ROOT).split("-")[0];
    }
}
