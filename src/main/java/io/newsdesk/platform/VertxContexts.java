package io.newsdesk.platform;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Hibernate Reactive must run on the Vert.x context that opened its session. Work done elsewhere (a worker thread,
 * a timeout timer) hands its result back through this executor.
 */
public final class VertxContexts {

    private VertxContexts() {
    }

    /** An executor that runs tasks on the caller's current Vert.x context. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("not called on a Vert.x context");
        }
        return task -> context.runOnContext(ignored -> task.run());
    }

    /**
     * Runs reactive work on a fresh duplicated context of the current one. Hibernate Reactive keeps one session per
     * context, so units of work that run concurrently each need their own.
     */
    public static <T> Uni<T> onOwnContext(Supplier<Uni<T>> work) {
        Context own = VertxContext.createNewDuplicatedContext(Vertx.currentContext());
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom().emitter(emitter -> own.runOnContext(ignored ->
                work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
