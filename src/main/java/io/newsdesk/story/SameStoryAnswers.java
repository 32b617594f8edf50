package io.newsdesk.story;

import io.newsdesk.story.PairToJudge.PairKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The LLM's answers per pair of texts, stored so that no pair is ever asked twice. Read and written outside the
 * assignment transaction, each call in its own session, so it must run on a safe Vert.x duplicated context (a
 * request's, or a scheduled method's).
 */
@ApplicationScoped
class SameStoryAnswers implements PanacheRepositoryBase<CachedSameStoryAnswer, CachedSameStoryAnswer.Key> {

    private final Clock clock;

    SameStoryAnswers(Clock clock) {
        this.clock = clock;
    }

    /** The cached answers among these pairs. */
    Uni<Map<PairKey, SameStoryAnswer>> find(List<PairKey> keys) {
        Map<PairKey, SameStoryAnswer> found = new HashMap<>();
        // One session is used by one operation at a time: the lookups run one after the other (at most max-pairs).
        return Panache.withSession(() -> Multi.createFrom().iterable(keys)
                        .onItem().transformToUniAndConcatenate(key -> findById(new CachedSameStoryAnswer.Key(key))
                                .invoke(cached -> {
                                    if (cached != null) {
                                        found.put(key, cached.answer());
                                    }
                                }))
                        .collect().last())
                .replaceWith(found);
    }

    /** Caches the answer; one that a concurrent request cached first is kept. */
    Uni<Void> save(PairKey key, SameStoryAnswer answer, String model) {
        CachedSameStoryAnswer cached = new CachedSameStoryAnswer();
        cached.id = new CachedSameStoryAnswer.Key(key);
        cached.sameStory = answer.sameStory();
        cached.confidence = answer.confidence();
        cached.reason = answer.reason();
        cached.model = model;
        cached.decidedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> persist(cached))
                .replaceWithVoid()
                .onFailure(SameStoryAnswers::isDuplicateKey).recoverWithNull();
    }

    private static boolean isDuplicateKey(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException
                    || cause instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
