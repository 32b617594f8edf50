package io.newsdesk.story;

import io.newsdesk.story.PairToJudge.PairKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The LLM's answers per pair of texts, stored so that no pair is ever asked twice. */
final class SameStoryAnswers {

    private SameStoryAnswers() {
    }

    static Uni<Map<PairKey, SameStoryAnswer>> find(SqlClient client, List<PairKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Long[] a = keys.stream().map(PairKey::hashA).toArray(Long[]::new);
        Long[] b = keys.stream().map(PairKey::hashB).toArray(Long[]::new);
        return client.preparedQuery("""
                        SELECT s.hash_a, s.hash_b, s.same_story, s.confidence, s.reason
                        FROM same_story_answer s JOIN unnest($1::bigint[], $2::bigint[]) AS k(a, b)
                          ON s.hash_a = k.a AND s.hash_b = k.b""")
                .execute(Tuple.of(a, b))
                .map(rows -> {
                    Map<PairKey, SameStoryAnswer> answers = new HashMap<>();
                    for (Row row : rows) {
                        answers.put(new PairKey(row.getLong("hash_a"), row.getLong("hash_b")),
                                new SameStoryAnswer(row.getBoolean("same_story"), row.getDouble("confidence"),
                                        row.getString("reason")));
                    }
                    return answers;
                });
    }

    static Uni<Void> save(Pool pool, PairKey key, SameStoryAnswer answer, String model) {
        return pool.preparedQuery("""
                        INSERT INTO same_story_answer (hash_a, hash_b, same_story, confidence, reason, model, decided_at)
                        VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(key.hashA(), key.hashB(), answer.sameStory(), answer.confidence(), answer.reason(),
                        model))
                .replaceWithVoid();
    }
}
