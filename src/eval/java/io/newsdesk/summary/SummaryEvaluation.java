package io.newsdesk.summary;

import io.newsdesk.eval.Corpora;
import io.newsdesk.text.SentenceSplitter;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.embedding.LexicalEmbeddingModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the extractive summarizer, a Lead-3 baseline and the corpus's own system outputs against the reference
 * summaries of a JSONL corpus (see {@link EvalCorpus}) and prints a Markdown table of mean ROUGE F1 x 100.
 *
 * <pre>
 * ./mvnw -q -Peval,eval-summaries test-compile exec:java -Deval.file=../shared/eval/cnndm.jsonl [-Deval.limit=N]
 * </pre>
 * Arguments: {@code <corpus.jsonl> [limit]}; a limit of 0 or less scores every article.
 */
public final class SummaryEvaluation {

    private SummaryEvaluation() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SummaryEvaluation <corpus.jsonl> [limit]");
            System.exit(2);
        }
        long started = System.nanoTime();
        Path file = Corpora.fromArgument(args, 0, "SummaryEvaluation corpus.jsonl [limit]");
        int limit = args.length == 2 && !args[1].isBlank() ? Integer.parseInt(args[1].trim()) : 0;
        EvalCorpus corpus = EvalCorpus.read(file, limit);

        SentenceSplitter splitter = new SentenceSplitter();
        // As shipped, and on the in-process model's sentence embeddings, which articles were summarised on before
        // 2026-12-03 (and whole stories still are).
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer(new LexicalEmbeddingModel(), SummaryLimits.DEFAULT);
        ExtractiveSummarizer neural = new ExtractiveSummarizer(new AllMiniLmL6V2QuantizedEmbeddingModel(),
                SummaryLimits.DEFAULT);
        Map<String, RougeMeans> results = new LinkedHashMap<>();
        results.put("extractive", new RougeMeans());
        results.put("extractive on MiniLM sentence embeddings", new RougeMeans());
        results.put("lead-3", new RougeMeans());
        corpus.systems().forEach(system -> results.put(system, new RougeMeans()));
        long summarizerNanos = 0;
        long neuralNanos = 0;
        for (EvalCorpus.Article article : corpus.articles()) {
            List<String> sentences = splitter.split(article.body());
            long t = System.nanoTime();
            String extractive = summarizer.summarizeSentences(sentences).text();
            summarizerNanos += System.nanoTime() - t;
            results.get("extractive").add(Rouge.score(extractive, article.reference()));
            t = System.nanoTime();
            String onMiniLm = neural.summarizeSentences(sentences).text();
            neuralNanos += System.nanoTime() - t;
            results.get("extractive on MiniLM sentence embeddings").add(Rouge.score(onMiniLm, article.reference()));
            String lead3 = String.join(" ", sentences.subList(0, Math.min(3, sentences.size())));
            results.get("lead-3").add(Rouge.score(lead3, article.reference()));
            for (String system : corpus.systems()) {
                results.get(system).add(Rouge.score(article.systems().get(system), article.reference()));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%s: %d articles", file.getFileName(), corpus.articles().size()));
        if (corpus.skipped() > 0) {
            out.append(String.format(Locale.ROOT, " (%d skipped: missing a system output)", corpus.skipped()));
        }
        out.append(String.format(Locale.ROOT, "%n%n| system | ROUGE-1 | ROUGE-2 | ROUGE-L |%n|---|---:|---:|---:|%n"));
        results.forEach((name, means) -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name,
                means.rouge1(), means.rouge2(), means.rougeL())));
        out.append(String.format(Locale.ROOT,
                "%nROUGE F1 x 100; lower-cased alphanumeric tokens, no stemming, no stop-word removal; ROUGE-L is "
                        + "LCS over the whole token sequence.%nRun time: %.1f s; extractive summarizer %.1f ms per "
                        + "article, on MiniLM sentence embeddings %.1f ms (wall time; the model uses every core).%n",
                seconds, summarizerNanos / 1e6 / Math.max(1, corpus.articles().size()),
                neuralNanos / 1e6 / Math.max(1, corpus.articles().size())));
        System.out.print(out);
    }
}
