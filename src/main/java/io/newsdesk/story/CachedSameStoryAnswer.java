package io.newsdesk.story;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An LLM answer on "same event?" for a pair of texts, keyed by their normalised-text hashes (smaller first). */
@Entity
@Table(name = "same_story_answer")
public class CachedSameStoryAnswer {

    @EmbeddedId
    public Key id;
    @Column(name = "same_story")
    public boolean sameStory;
    public double confidence;
    public String reason;
    public String model;
    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The composite primary key: {@link PairToJudge.PairKey} as JPA wants it (mutable, with equals). */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "hash_a")
        public long hashA;
        @Column(name = "hash_b")
        public long hashB;

        public Key() {
        }

        Key(PairToJudge.PairKey key) {
            this.hashA = key.hashA();
            this.hashB = key.hashB();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hashA == hashA && key.hashB == hashB;
        }

        @Override
        public int hashCode() {
            return Objects.hash(hashA, hashB);
        }
    }

    SameStoryAnswer answer() {
        return new SameStoryAnswer(sameStory, confidence, reason);
    }
}
