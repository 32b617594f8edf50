package io.newsdesk.story;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsdesk.fingerprint.TextFingerprint;
import io.newsdesk.store.DuplicateKind;
import io.newsdesk.llm.LlmFailures;
import io.newsdesk.story.PairToJudge.PairKey;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Puts a stored article into its story. In one transaction, under the advisory locks of its candidate set: find the
 * candidates through the indexes, judge each pair, and join the story of the strongest verdict or start a new one.
 * When only the LLM can decide (pairs in the ambiguous embedding band), that transaction ends without a decision;
 * outside any transaction the cached answers are read, the missing ones asked (no lock is held while the LLM thinks)
 * and cached; then a second transaction decides with these answers.
 */
@ApplicationScoped
public class StoryAssigner {

    private static final Logger LOG = Logger.getLogger(StoryAssigner.class);

    private final Pool pool;
    private final Vertx vertx;
    private final SameStoryAnswers cache;
    private final DedupConfig config;
    private final StoryConfig storyConfig;
    private final SameStoryAdjudicator adjudicator;
    private final DuplicateJudge judge;
    private final MeterRegistry registry;
    private final Timer timer;

    StoryAssigner(Pool pool, Vertx vertx, SameStoryAnswers cache, DedupConfig config, StoryConfig storyConfig,
            SameStoryAdjudicator adjudicator, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.cache = cache;
        this.config = config;
        this.storyConfig = storyConfig;
        this.adjudicator = adjudicator;
        this.judge = new DuplicateJudge(config.thresholds(), config.sameStoryModel());
        this.registry = registry;
        this.timer = Timer.builder("newsdesk.dedup.assignment").description("Story assignment per article")
                .register(registry);
    }

    /**
     * The article's assignment. Call on a Vert.x duplicated context (a request's, or a scheduled method's): the LLM
     * answer cache is read and written through Hibernate Reactive, which needs one.
     */
    public Uni<Assignment> assign(ArticleToAssign article) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("story assignment runs on a Vert.x context");
        }
        long started = System.nanoTime();
        return attempt(article, null)
                .flatMap(outcome -> outcome.assignment() != null
                        ? Uni.createFrom().item(outcome.assignment())
                        : answers(outcome.ambiguous(), context).flatMap(answers -> attempt(article, answers))
                                .map(Outcome::assignment))
                .invoke(assignment -> {
                    timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    registry.counter("newsdesk.dedup.decisions", "kind",
                            assignment.kind() == null ? "NEW_STORY" : assignment.kind().name()).increment();
                });
    }

    /** Either the assignment written, or (first attempt only) the pairs the LLM answers are needed for. */
    private record Outcome(Assignment assignment, List<PairToJudge> ambiguous) {
    }

    /**
     * One transaction under the candidate set's locks. Without {@code answers} (the first attempt) it ends without a
     * decision when only the LLM can decide; with them (the second) it decides, by the model alone for any pair the
     * answers do not cover (the LLM failed, or an article arrived in between).
     */
    private Uni<Outcome> attempt(ArticleToAssign article, Map<PairKey, SameStoryAnswer> answers) {
        return pool.withTransaction(connection -> StoryWriter.existing(connection, article.id())
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(new Outcome(existing, List.of()))
                        : decideAndWrite(connection, article, answers)));
    }

    private Uni<Outcome> decideAndWrite(SqlConnection connection, ArticleToAssign article,
            Map<PairKey, SameStoryAnswer> answers) {
        Long[] keys = StoryLocks.keys(article, config.sameStoryWindow(), article.fingerprints().embedding() != null);
        return StoryLocks.acquire(connection, keys)
                .chain(() -> DuplicateCandidates.find(connection, article, config.sameStoryWindow(), config.candidateCosine(),
                        config.maxCandidates()))
                // Shingling the candidates' texts takes milliseconds: not on the event loop. Most articles have no
                // candidate; they skip the hop, which under load would hold the locks while waiting for a thread.
                .flatMap(candidates -> candidates.isEmpty() ? Uni.createFrom().item(NO_CANDIDATES)
                        : vertx.executeBlocking(Uni.createFrom().item(() -> judged(article, candidates)), false))
                .flatMap(judged -> {
                    if (judged.best() != null || judged.ambiguous().isEmpty()) {
                        return write(connection, article, judged.best() != null ? judged.best() : Decision.NEW_STORY);
                    }
                    if (answers == null) {
                        return Uni.createFrom().item(new Outcome(null,
                                judged.ambiguous().stream().map(Ambiguous::pair).toList()));
                    }
                    return write(connection, article, fromAnswers(judged.ambiguous(), answers));
                });
    }

    /** A pair only the LLM can decide, and the earlier article in it. */
    private record Ambiguous(PairToJudge pair, StoredCandidate candidate) {
    }

    private record Judged(Decision best, List<Ambiguous> ambiguous) {
    }

    private static final Judged NO_CANDIDATES = new Judged(null, List.of());

    /** A candidate that is not a copy, with the most its same-story probability can be. */
    private record Bounded(StoredCandidate candidate, TextFingerprint fingerprint, double maxProbability) {
    }

    /**
     * Every candidate's shingles are compared (copies first); the same-story model reads names and figures, the
     * costly part, only for candidates whose bound ({@link DuplicateJudge#maxSameStoryProbability}) could still change
     * the decision, most promising first: the result is the one of judging them all.
     */
    private Judged judged(ArticleToAssign article, List<StoredCandidate> candidates) {
        DedupArticle incoming = DedupArticle.of(article.title(), article.text(), article.publishedAt(),
                article.fingerprints().embedding(), article.fingerprints().text());
        PairToJudge.Side incomingSide = new PairToJudge.Side(incoming.fingerprint().exactHash(), article.title(),
                article.text(), article.publishedAt());
        int incomingWords = incoming.side().length();
        Decision best = null;
        List<Bounded> notCopies = new ArrayList<>();
        for (StoredCandidate candidate : candidates) {
            TextFingerprint fingerprint = TextFingerprint.of(candidate.text());
            Optional<Verdict> copy = judge.copyVerdict(incoming.fingerprint(), fingerprint);
            if (copy.isPresent()) {
                best = stronger(best, candidate, copy.get());
            } else {
                notCopies.add(new Bounded(candidate, fingerprint, judge.maxSameStoryProbability(incoming.embedding(),
                        candidate.embedding(), incomingWords, SameStoryFeatures.wordCount(candidate.text()),
                        article.publishedAt(), candidate.publishedAt())));
            }
        }
        notCopies.sort(Comparator.comparingDouble(Bounded::maxProbability).reversed());
        List<Ambiguous> ambiguous = new ArrayList<>();
        for (Bounded bounded : notCopies) {
            if (!canChange(bounded.maxProbability(), best, ambiguous)) {
                break;
            }
            StoredCandidate candidate = bounded.candidate();
            DedupArticle earlier = DedupArticle.of(candidate.title(), candidate.text(), candidate.publishedAt(),
                    candidate.embedding(), bounded.fingerprint());
            PairEvidence evidence = PairEvidence.of(incoming, earlier);
            Optional<Verdict> verdict = judge.judge(evidence);
            if (verdict.isPresent()) {
                best = stronger(best, candidate, verdict.get());
            } else if (inAmbiguousBand(evidence)) {
                PairToJudge.Side earlierSide = new PairToJudge.Side(earlier.fingerprint().exactHash(),
                        candidate.title(), candidate.text(), candidate.publishedAt());
                ambiguous.add(new Ambiguous(PairToJudge.of(incomingSide, earlierSide,
                        judge.sameStoryProbability(evidence)), candidate));
                ambiguous.sort(Comparator.comparingDouble((Ambiguous a) -> a.pair().probability()).reversed());
            }
        }
        return new Judged(best, List.copyOf(ambiguous.subList(0, Math.min(ambiguous.size(), config.llm().maxPairs()))));
    }

    private static Decision stronger(Decision best, StoredCandidate candidate, Verdict verdict) {
        return best == null || verdict.isStrongerThan(best.verdict()) ? new Decision(candidate, verdict) : best;
    }

    /**
     * Whether a candidate whose same-story probability is at most {@code maxProbability} can change the decision: beat
     * the best verdict so far, or, without one, reach the threshold or a place among the pairs the LLM is asked about.
     */
    private boolean canChange(double maxProbability, Decision best, List<Ambiguous> ambiguous) {
        if (best != null) {
            return best.kind() == DuplicateKind.SAME_STORY && maxProbability > best.verdict().similarity();
        }
        if (maxProbability >= judge.sameStoryThreshold()) {
            return true;
        }
        int asked = config.llm().maxPairs();
        return adjudicator.enabled() && maxProbability >= judge.askFrom()
                && (ambiguous.size() < asked || maxProbability > ambiguous.get(asked - 1).pair().probability());
    }

    private boolean inAmbiguousBand(PairEvidence evidence) {
        return adjudicator.enabled() && judge.isUncertain(evidence);
    }

    /** The most similar pair the LLM called the same story with enough confidence, else a new story. */
    private Decision fromAnswers(List<Ambiguous> ambiguous, Map<PairKey, SameStoryAnswer> answers) {
        for (Ambiguous candidate : ambiguous) {
            SameStoryAnswer answer = answers.get(candidate.pair().key());
            if (answer != null && answer.sameStory() && answer.confidence() >= config.llm().minConfidence()) {
                double probability = candidate.pair().probability();
                return new Decision(candidate.candidate(), new Verdict(DuplicateKind.SAME_STORY, probability,
                        String.format(Locale.ROOT, "LLM %s (confidence %.2f, same-story model p %.2f): %s",
                                adjudicator.model(), answer.confidence(), probability, answer.reason())));
            }
        }
        return Decision.NEW_STORY;
    }

    private Uni<Outcome> write(SqlConnection connection, ArticleToAssign article, Decision decision) {
        return StoryWriter.write(connection, article, decision, storyConfig.representative())
                .map(assignment -> new Outcome(assignment, List.of()));
    }

    /**
     * The answers on these pairs, outside any transaction (no lock is held while the LLM thinks): the cached ones,
     * and for the others the LLM's, cached in turn. A failed call leaves its pair to the model alone.
     */
    private Uni<Map<PairKey, SameStoryAnswer>> answers(List<PairToJudge> pairs, Context context) {
        return cache.find(pairs.stream().map(PairToJudge::key).toList()).flatMap(cached -> {
            List<PairToJudge> unanswered = pairs.stream().filter(pair -> !cached.containsKey(pair.key())).toList();
            if (unanswered.isEmpty()) {
                return Uni.createFrom().item(cached);
            }
            Map<PairKey, SameStoryAnswer> answers = new ConcurrentHashMap<>(cached);
            return Multi.createFrom().iterable(unanswered)
                    .onItem().transformToUniAndMerge(pair -> adjudicator.ask(pair)
                            .invoke(answer -> answers.put(pair.key(), answer))
                            .onFailure().recoverWithItem(failure -> {
                                LOG.warnf("Same-story question to the LLM failed (%s); the same-story model alone "
                                        + "decides", LlmFailures.describe(failure));
                                return null;
                            }))
                    .collect().last()
                    // The LLM client answers on its own thread; Hibernate Reactive continues on this context.
                    .emitOn(context::runOnContext)
                    .chain(() -> Multi.createFrom().iterable(unanswered)
                            .filter(pair -> answers.containsKey(pair.key()))
                            .onItem().transformToUniAndConcatenate(pair -> cache.save(pair.key(),
                                    answers.get(pair.key()), adjudicator.model()))
                            .collect().last())
                    .replaceWith(answers);
        });
    }
}
