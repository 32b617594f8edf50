package io.newsdesk.summary;

import io.newsdesk.eval.Corpora;
import io.newsdesk.text.SentenceSplitter;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grid search over {@link ExtractiveSummarizer.Scoring} (development tool, not a test): embeds every sentence once
 * (cached in {@code target/summary-tuning-embeddings.bin}, or {@code -Dtuning.cache=...}), then scores each
 * parameter combination by mean ROUGE-1/2 F1 on each corpus, ranked by the first corpus.
 *
 * <pre>
 * ./mvnw -q -Peval test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.newsdesk.summary.SummaryTuning \
 *   -Dexec.args="250 ../shared/eval/cnndm.jsonl ../shared/eval/bbc.jsonl" \
 *   -Dgrid="positionWeight=1,1.5,2;redundancyThreshold=0.75,0.8,0.85" -Dtop=10
 * </pre>
 * Arguments: {@code <articles per corpus, 0 = all> <corpus.jsonl>...}.
 */
public final class SummaryTuning {

    private SummaryTuning() {
    }

    /** Remembers embeddings by text, so that repeated summaries of the same article do not run the model. */
    static final class CachingEmbeddingModel implements EmbeddingModel {
        private final EmbeddingModel delegate;
        private final Map<String, Embedding> cache = new HashMap<>();

        CachingEmbeddingModel(EmbeddingModel delegate) {
            this.delegate = delegate;
        }

        @SuppressWarnings("unchecked")
        void load(Path file) {
            if (!Files.exists(file)) {
                return;
            }
            try (var in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                ((Map<String, float[]>) in.readObject()).forEach((k, v) -> cache.put(k, Embedding.from(v)));
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }

        void save(Path file) {
            Map<String, float[]> vectors = new HashMap<>();
            cache.forEach((k, v) -> vectors.put(k, v.vector()));
            try (var out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                out.writeObject(vectors);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<TextSegment> missing = segments.stream().filter(s -> !cache.containsKey(s.text())).distinct().toList();
            if (!missing.isEmpty()) {
                List<Embedding> computed = delegate.embedAll(missing).content();
                for (int i = 0; i < missing.size(); i++) {
                    cache.put(missing.get(i).text(), computed.get(i));
                }
            }
            return Response.from(segments.stream().map(s -> cache.get(s.text())).toList());
        }
    }

    record Result(ExtractiveSummarizer.Scoring scoring, double[] rouge1, double[] rouge2, double words) {
    }

    public static void main(String[] args) {
        int limit = Integer.parseInt(args[0]);
        List<EvalCorpus> corpora = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            corpora.add(EvalCorpus.read(Corpora.fromArgument(args, i, "SummaryTuning limit corpus.jsonl..."), limit));
        }
        SentenceSplitter splitter = new SentenceSplitter();
        List<List<List<String>>> split = corpora.stream()
                .map(c -> c.articles().stream().map(a -> splitter.split(a.body())).toList()).toList();
        CachingEmbeddingModel model = new CachingEmbeddingModel(new AllMiniLmL6V2QuantizedEmbeddingModel());
        Path cacheFile = Path.of(System.getProperty("tuning.cache", "target/summary-tuning-embeddings.bin"));
        model.load(cacheFile);
        long t = System.nanoTime();
        var warm = ExtractiveSummarizer.Scoring.DEFAULT.withMinWords(3);
        ExtractiveSummarizer warmUp = new ExtractiveSummarizer(model, SummaryLimits.DEFAULT, warm);
        split.forEach(c -> c.forEach(warmUp::summarizeSentences));
        model.save(cacheFile);
        System.out.printf(Locale.ROOT, "embedded in %.1f s%n", (System.nanoTime() - t) / 1e9);
        for (int c = 0; c < corpora.size(); c++) {
            RougeMeans lead = new RougeMeans();
            RougeMeans leadFit = new RougeMeans();
            double leadWords = 0;
            for (int a = 0; a < split.get(c).size(); a++) {
                List<String> s = split.get(c).get(a);
                String lead3 = String.join(" ", s.subList(0, Math.min(3, s.size())));
                leadWords += ExtractiveSummarizer.wordCount(lead3);
                String reference = corpora.get(c).articles().get(a).reference();
                lead.add(Rouge.score(lead3, reference));
                List<String> fit = new ArrayList<>();
                int used = 0;
                for (String sentence : s) {
                    int w = ExtractiveSummarizer.wordCount(sentence);
                    if (fit.size() < 3 && w >= 6 && used + w <= 80) {
                        fit.add(sentence);
                        used += w;
                    }
                }
                leadFit.add(Rouge.score(String.join(" ", fit), reference));
            }
            System.out.printf(Locale.ROOT,
                    "%s lead-3 R1 %.2f R2 %.2f words %.1f; lead fitting 80 words R1 %.2f R2 %.2f%n", args[c + 1],
                    lead.rouge1(), lead.rouge2(), leadWords / split.get(c).size(), leadFit.rouge1(), leadFit.rouge2());
        }

        List<Result> results = new ArrayList<>();
        for (ExtractiveSummarizer.Scoring scoring : grid(System.getProperty("grid", ""))) {
            results.add(evaluate(scoring, corpora, split, model));
        }
        results.sort(Comparator.comparingDouble((Result r) -> -r.rouge1()[0]));
        results.stream().limit(Integer.getInteger("top", 30)).forEach(SummaryTuning::print);
        System.out.println("default:");
        print(evaluate(ExtractiveSummarizer.Scoring.DEFAULT, corpora, split, model));
    }

    /**
     * Every combination of "component=v1,v2;component=v1" over the defaults, e.g.
     * {@code positionWeight=1,2;redundancyThreshold=0.8,0.9}.
     */
    static List<ExtractiveSummarizer.Scoring> grid(String spec) {
        RecordComponent[] components = ExtractiveSummarizer.Scoring.class.getRecordComponents();
        List<Object[]> combinations = new ArrayList<>();
        Object[] defaults = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                defaults[i] = components[i].getAccessor().invoke(ExtractiveSummarizer.Scoring.DEFAULT);
            }
            combinations.add(defaults);
            for (String axis : spec.split(";")) {
                if (axis.isBlank()) {
                    continue;
                }
                String[] parts = axis.split("=");
                int index = -1;
                for (int i = 0; i < components.length; i++) {
                    if (components[i].getName().equals(parts[0].trim())) {
                        index = i;
                    }
                }
                if (index < 0) {
                    throw new IllegalArgumentException("unknown parameter " + parts[0]);
                }
                List<Object[]> expanded = new ArrayList<>();
                for (Object[] combination : combinations) {
                    for (String value : parts[1].split(",")) {
                        Object[] copy = combination.clone();
                        copy[index] = components[index].getType() == int.class
                                ? (Object) Integer.parseInt(value.trim())
                                : (Object) Double.parseDouble(value.trim());
                        expanded.add(copy);
                    }
                }
                combinations = expanded;
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            var constructor = ExtractiveSummarizer.Scoring.class.getDeclaredConstructor(types);
            List<ExtractiveSummarizer.Scoring> result = new ArrayList<>();
            for (Object[] combination : combinations) {
                result.add(constructor.newInstance(combination));
            }
            return result;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void print(Result r) {
        StringBuilder line = new StringBuilder(r.scoring().toString());
        for (int c = 0; c < r.rouge1().length; c++) {
            line.append(String.format(Locale.ROOT, "  R1 %.2f R2 %.2f", r.rouge1()[c], r.rouge2()[c]));
        }
        line.append(String.format(Locale.ROOT, "  words %.1f", r.words()));
        System.out.println(line);
    }

    static Result evaluate(ExtractiveSummarizer.Scoring scoring, List<EvalCorpus> corpora,
            List<List<List<String>>> split, EmbeddingModel model) {
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer(model, SummaryLimits.DEFAULT, scoring);
        double[] r1 = new double[corpora.size()];
        double[] r2 = new double[corpora.size()];
        double words = 0;
        for (int c = 0; c < corpora.size(); c++) {
            RougeMeans means = new RougeMeans();
            for (int a = 0; a < split.get(c).size(); a++) {
                String summary = summarizer.summarizeSentences(split.get(c).get(a)).text();
                if (c == 0) {
                    words += ExtractiveSummarizer.wordCount(summary) / (double) split.get(c).size();
                }
                means.add(Rouge.score(summary, corpora.get(c).articles().get(a).reference()));
            }
            r1[c] = means.rouge1();
            r2[c] = means.rouge2();
        }
        return new Result(scoring, r1, r2, words);
    }
}
