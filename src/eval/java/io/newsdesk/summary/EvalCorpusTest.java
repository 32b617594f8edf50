package io.newsdesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCorpusTest {

    @TempDir
    Path directory;

    @Test
    void keepsTheArticlesThatHaveEveryCommonSystemOutput() throws IOException {
        Path file = directory.resolve("corpus.jsonl");
        Files.writeString(file, """
                {"id": "a", "body": "Body a.", "reference": "Ref a\\nline two", "systems": {"x": "xa", "y": "ya"}}
                {"id": "b", "body": "Body b.", "reference": "Ref b", "systems": {"x": "xb", "y": "yb"}}

                {"id": "c", "body": "Body c.", "reference": "Ref c", "systems": {"z": "zc"}}
                {"id": "d", "body": "Body d.", "reference": "Ref d", "systems": {"x": "xd", "y": "yd"}, "url": "u"}
                """);

        EvalCorpus corpus = EvalCorpus.read(file, 0);

        assertThat(corpus.systems()).containsExactly("x", "y");
        assertThat(corpus.articles()).extracting(EvalCorpus.Article::id).containsExactly("a", "b", "d");
        assertThat(corpus.skipped()).isEqualTo(1);
        assertThat(corpus.articles().get(0).reference()).isEqualTo("Ref a\nline two");
        assertThat(EvalCorpus.read(file, 2).articles()).hasSize(2);
    }

    @Test
    void readsCorporaWithoutSystemOutputs() throws IOException {
        Path file = directory.resolve("bbc.jsonl");
        Files.writeString(file, """
                {"id": "1", "category": "tech", "title": "T", "body": "P one.\\n\\nP two.", "reference": "P one."}
                """);

        EvalCorpus corpus = EvalCorpus.read(file, 0);

        assertThat(corpus.systems()).isEmpty();
        assertThat(corpus.articles()).singleElement()
                .satisfies(a -> assertThat(a.body()).isEqualTo("P one.\n\nP two."));
    }
}
