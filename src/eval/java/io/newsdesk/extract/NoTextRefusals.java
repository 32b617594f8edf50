package io.newsdesk.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the articles of a JSONL corpus ({@code body}, optional {@code title}) that ingest would refuse with
 * {@code 400 "contains no article text"}: those whose cleaned text is blank. Lists each one.
 *
 * <pre>
 * ./mvnw -q -Peval,eval-no-text test-compile exec:java -Dexec.args="../shared/eval/cnndm.jsonl"
 * </pre>
 */
public final class NoTextRefusals {

    private NoTextRefusals() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArticleCleaner cleaner = new ArticleCleaner();
        int articles = 0;
        int refused = 0;
        long removedLines = 0;
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            articles++;
            CleanedText cleaned = cleaner.clean(row.path("title").asText(null), row.get("body").asText(), null);
            removedLines += cleaned.removedLines().size();
            if (cleaned.text().isBlank()) {
                refused++;
                System.out.println("refused: " + row.path("id").asText() + " " + row.path("url").asText());
            }
        }
        System.out.printf("%s: %d articles, %d refused as \"contains no article text\", %d lines removed as chrome%n",
                args[0], articles, refused, removedLines);
    }
}
