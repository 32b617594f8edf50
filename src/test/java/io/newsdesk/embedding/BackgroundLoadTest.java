package io.newsdesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-process model's load, with a slow stand-in for the model: callers wait for it, none is refused. */
class BackgroundLoadTest {

    @Test
    void aCallerBeforeTheLoadIsDoneWaitsForItAndGetsTheValue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundLoad<String> load = new BackgroundLoad<>("test-load", () -> {
            await(release);
            return "model";
        });
        assertThat(load.state()).isEqualTo(BackgroundLoad.State.NOT_STARTED);

        load.start();
        CompletableFuture<String> caller = CompletableFuture.supplyAsync(load::get);
        Thread.sleep(200);
        assertThat(load.state()).isEqualTo(BackgroundLoad.State.LOADING);
        assertThat(caller).isNotDone();
        assertThat(load.loadMillis()).isEqualTo(-1);

        release.countDown();
        assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("model");
        assertThat(load.state()).isEqualTo(BackgroundLoad.State.LOADED);
        assertThat(load.loadMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theFirstCallerStartsTheLoadWhenStartUpHasNot() {
        BackgroundLoad<String> load = new BackgroundLoad<>("test-load", () -> "model");
        assertThat(load.get()).isEqualTo("model");
        assertThat(load.state()).isEqualTo(BackgroundLoad.State.LOADED);
    }

    @Test
    void aFailedLoadIsReportedToEveryCaller() {
        BackgroundLoad<String> load = new BackgroundLoad<>("test-load", () -> {
            throw new IllegalStateException("no space left for the native libraries");
        });
        assertThatThrownBy(load::get).hasMessageContaining("test-load failed")
                .hasRootCauseMessage("no space left for the native libraries");
        assertThat(load.state()).isEqualTo(BackgroundLoad.State.FAILED);
        assertThat(load.failure()).contains("no space left for the native libraries");
        assertThatThrownBy(load::get).hasMessageContaining("test-load failed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
