package io.newsdesk.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsdesk.fingerprint.StoryEmbedder;
import io.newsdesk.platform.NativeLibraryCaches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The compute limit of the offline ingest pipeline: the in-process model (the service's, with its default
 * settings) doing nothing but the embedding batch the service computes for each article, its story segments
 * (headline and lead), on the same texts, with {@code threads} articles at once. Started by
 * {@link IngestThroughputBenchmark} in its own JVM with the service's JVM options and jars.
 *
 * <p>Arguments: corpus file, threads, warm-up seconds, measured seconds. Prints {@code RATE <articles per second>}.
 */
public final class BareEmbeddingRate {

    private BareEmbeddingRate() {
    }

    public static void main(String[] args) throws Exception {
        List<IngestThroughputBenchmark.NewsText> texts = IngestThroughputBenchmark.texts(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        long warmupNanos = Long.parseLong(args[2]) * 1_000_000_000L;
        long measureNanos = Long.parseLong(args[3]) * 1_000_000_000L;
        NativeLibraryCaches.placeUnder(Files.createTempDirectory("newsdesk-bare-embedding"));
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        StoryEmbedder story = new StoryEmbedder(model);

        AtomicInteger next = new AtomicInteger();
        LongAdder done = new LongAdder();
        long start = System.nanoTime();
        long windowStart = start + warmupNanos;
        long windowEnd = windowStart + measureNanos;
        CountDownLatch finished = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < windowEnd) {
                        IngestThroughputBenchmark.NewsText text = texts.get(next.getAndIncrement() % texts.size());
                        embed(model, story.segments(text.title(), text.body()));
                        long now = System.nanoTime();
                        if (now >= windowStart && now < windowEnd) {
                            done.increment();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "bare-embedding-" + t);
            worker.start();
        }
        finished.await();
        System.out.println(String.format(Locale.ROOT, "RATE %.3f", done.sum() / (measureNanos / 1e9)));
        System.exit(0);
    }

    private static void embed(EmbeddingModel model, List<String> texts) {
        if (!texts.isEmpty()) {
            model.embedAll(texts.stream().map(TextSegment::from).toList());
        }
    }
}
