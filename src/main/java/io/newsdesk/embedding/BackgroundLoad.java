package io.newsdesk.embedding;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Something slow to build, built once on its own thread: whoever needs it first starts the build, whoever needs it
 * before it is built waits for it.
 */
final class BackgroundLoad<T> {

    private static final Logger LOG = Logger.getLogger(BackgroundLoad.class);

    enum State {
        NOT_STARTED, LOADING, LOADED, FAILED
    }

    private final String threadName;
    private final Supplier<T> loader;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile long startedNanos;
    private volatile long loadMillis = -1;

    BackgroundLoad(String threadName, Supplier<T> loader) {
        this.threadName = threadName;
        this.loader = loader;
    }

    /** Starts the build on its own thread, once; later calls do nothing. */
    void start() {
        if (started.compareAndSet(false, true)) {
            startedNanos = System.nanoTime();
            Thread thread = new Thread(this::load, threadName);
            // Never what keeps the JVM alive, e.g. when it stops before the build is done.
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void load() {
        try {
            T loaded = loader.get();
            loadMillis = (System.nanoTime() - startedNanos) / 1_000_000;
            result.complete(loaded);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "%s failed", threadName);
            result.completeExceptionally(e);
        }
    }

    /** The built value, waiting for it (starting the build if nobody has); rethrows what the build threw. */
    T get() {
        start();
        try {
            return result.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(threadName + " failed", e.getCause());
        }
    }

    State state() {
        if (!started.get()) {
            return State.NOT_STARTED;
        }
        if (!result.isDone()) {
            return State.LOADING;
        }
        return result.isCompletedExceptionally() ? State.FAILED : State.LOADED;
    }

    /** How long the build took, or -1 while it is not done. */
    long loadMillis() {
        return loadMillis;
    }

    /** What the build threw, or empty while it has not failed. */
    String failure() {
        return result.handle((value, error) -> error == null ? "" : error.toString()).getNow("");
    }
}
