package io.newsdesk.story;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsdesk.store.DuplicateKind;
import io.newsdesk.llm.LlmFailures;
import io.newsdesk.platform.VertxContexts;
import io.newsdesk.story.PairToJudge.PairKey;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Puts a stored article into its story. In one transaction, under the advisory locks of its candidate set: find the
 * candidates through the indexes, judge each pair, and join the story of the strongest verdict or start a new one.
 * When only the LLM can decide (a pair in the ambiguous embedding band, no cached answer), the transaction ends
 * without a decision, the LLM is asked outside it (no lock is held while it thinks), its answers are cached, and the
 * transaction runs again.
 */
@ApplicationScoped
public class StoryAssigner {

    private static final Logger LOG = Logger.getLogger(StoryAssigner.class);

    private final Pool pool;
    private final DedupConfig config;
    private final StoryConfig storyConfig;
    private final SameStoryAdjudicator adjudicator;
    private final DuplicateJudge judge;
    private final MeterRegistry registry;
    private final Timer timer;

    StoryAssigner(Pool pool, DedupConfig config, StoryConfig storyConfig, SameStoryAdjudicator adjudicator,
            MeterRegistry registry) {
        this.pool = pool;
        this.config = config;
        this.storyConfig = storyConfig;
        this.adjudicator = adjudicator;
        this.judge = new DuplicateJudge(config.thresholds());
        this.registry = registry;
        this.timer = Timer.builder("newsdesk.dedup.assignment").description("Story assignment per article")
                .register(registry);
    }

    /** The article's assignment; the result arrives on the caller's Vert.x context. */
    public Uni<Assignment> assign(ArticleToAssign article) {
        Executor backOnContext = VertxContexts.current();
        long started = System.nanoTime();
        return attempt(article, true)
                .flatMap(outcome -> outcome.assignment() != null
                        ? Uni.createFrom().item(outcome.assignment())
                        : askLlm(outcome.pairsToAsk()).chain(() -> attempt(article, false))
                                .map(Outcome::assignment))
                .invoke(assignment -> {
                    timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    registry.counter("newsdesk.dedup.decisions", "kind",
                            assignment.kind() == null ? "NEW_STORY" : assignment.kind().name()).increment();
                })
                .emitOn(backOnContext);
    }

    private record Outcome(Assignment assignment, List<PairToJudge> pairsToAsk) {
    }

    private Uni<Outcome> attempt(ArticleToAssign article, boolean mayAskLlm) {
        return pool.withTransaction(connection -> StoryWriter.existing(connection, article.id())
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(new Outcome(existing, List.of()))
                        : decideAndWrite(connection, article, mayAskLlm)));
    }

    private Uni<Outcome> decideAndWrite(SqlConnection connection, ArticleToAssign article, boolean mayAskLlm) {
        double minCosine = adjudicator.enabled() ? Math.min(config.llm().minCosine(), config.sameStoryCosine())
                : config.sameStoryCosine();
        Long[] keys = StoryLocks.keys(article, config.sameStoryWindow(), article.fingerprints().embedding() != null);
        return StoryLocks.acquire(connection, keys)
                .chain(() -> DuplicateCandidates.find(connection, article, config.sameStoryWindow(), minCosine,
                        config.maxCandidates()))
                // Shingling the candidates' texts takes milliseconds: not on the event loop. Most articles have no
                // candidate; they skip the hop, which under load would hold the locks while waiting for a thread.
                .flatMap(candidates -> candidates.isEmpty() ? Uni.createFrom().item(NO_CANDIDATES)
                        : Uni.createFrom().item(candidates).emitOn(Infrastructure.getDefaultWorkerPool())
                                .map(found -> judged(article, found)))
                .flatMap(judged -> judged.best() != null
                        ? write(connection, article, judged.best())
                        : judgeAmbiguous(connection, article, judged.ambiguous(), mayAskLlm));
    }

    /** A pair only the LLM can decide, and the earlier article in it. */
    private record Ambiguous(PairToJudge pair, StoredCandidate candidate) {
    }

    private record Judged(Decision best, List<Ambiguous> ambiguous) {
    }

    private static final Judged NO_CANDIDATES = new Judged(null, List.of());

    private Judged judged(ArticleToAssign article, List<StoredCandidate> candidates) {
        DedupArticle incoming = new DedupArticle(article.title(), article.text(), article.publishedAt(),
                article.fingerprints().embedding(), article.fingerprints().text());
        PairToJudge.Side incomingSide = new PairToJudge.Side(incoming.fingerprint().exactHash(), article.title(),
                article.text(), article.publishedAt());
        Decision best = null;
        List<Ambiguous> ambiguous = new ArrayList<>();
        for (StoredCandidate candidate : candidates) {
            DedupArticle earlier = candidate.toDedupArticle();
            PairEvidence evidence = PairEvidence.of(incoming, earlier);
            Optional<Verdict> verdict = judge.judge(evidence);
            if (verdict.isPresent()) {
                if (best == null || verdict.get().isStrongerThan(best.verdict())) {
                    best = new Decision(candidate, verdict.get());
                }
            } else if (inAmbiguousBand(evidence)) {
                PairToJudge.Side earlierSide = new PairToJudge.Side(earlier.fingerprint().exactHash(),
                        candidate.title(), candidate.text(), candidate.publishedAt());
                ambiguous.add(new Ambiguous(PairToJudge.of(incomingSide, earlierSide, evidence.cosine()), candidate));
            }
        }
        ambiguous.sort(Comparator.comparingDouble((Ambiguous a) -> a.pair().cosine()).reversed());
        return new Judged(best, List.copyOf(ambiguous.subList(0, Math.min(ambiguous.size(), config.llm().maxPairs()))));
    }

    private boolean inAmbiguousBand(PairEvidence evidence) {
        return adjudicator.enabled() && !Double.isNaN(evidence.cosine())
                && evidence.cosine() >= config.llm().minCosine()
                && evidence.apart() != null && evidence.apart().compareTo(config.sameStoryWindow()) <= 0;
    }

    /** Decides with the cached LLM answers; returns the pairs to ask first if some are missing and asking is due. */
    private Uni<Outcome> judgeAmbiguous(SqlConnection connection, ArticleToAssign article, List<Ambiguous> ambiguous,
            boolean mayAskLlm) {
        if (ambiguous.isEmpty()) {
            return write(connection, article, Decision.NEW_STORY);
        }
        return SameStoryAnswers.find(connection, ambiguous.stream().map(a -> a.pair().key()).toList())
                .flatMap(answers -> {
                    List<PairToJudge> unanswered = ambiguous.stream().map(Ambiguous::pair)
                            .filter(pair -> !answers.containsKey(pair.key())).toList();
                    if (!unanswered.isEmpty() && mayAskLlm) {
                        return Uni.createFrom().item(new Outcome(null, unanswered));
                    }
                    return write(connection, article, fromAnswers(ambiguous, answers));
                });
    }

    /** The most similar pair the LLM called the same story with enough confidence, else a new story. */
    private Decision fromAnswers(List<Ambiguous> ambiguous, Map<PairKey, SameStoryAnswer> answers) {
        for (Ambiguous candidate : ambiguous) {
            SameStoryAnswer answer = answers.get(candidate.pair().key());
            if (answer != null && answer.sameStory() && answer.confidence() >= config.llm().minConfidence()) {
                double cosine = candidate.pair().cosine();
                return new Decision(candidate.candidate(), new Verdict(DuplicateKind.SAME_STORY,
                        Math.max(0, Math.min(1, cosine)), String.format(Locale.ROOT,
                                "LLM %s (confidence %.2f, embedding cosine %.2f): %s", adjudicator.model(),
                                answer.confidence(), cosine, answer.reason())));
            }
        }
        return Decision.NEW_STORY;
    }

    private Uni<Outcome> write(SqlConnection connection, ArticleToAssign article, Decision decision) {
        return StoryWriter.write(connection, article, decision, storyConfig.representative())
                .map(assignment -> new Outcome(assignment, List.of()));
    }

    /** Asks the LLM about each pair and caches the answers; a failed call leaves the pair to the strict rule. */
    private Uni<Void> askLlm(List<PairToJudge> pairs) {
        return Multi.createFrom().iterable(pairs)
                .onItem().transformToUniAndMerge(pair -> adjudicator.ask(pair)
                        .flatMap(answer -> SameStoryAnswers.save(pool, pair.key(), answer, adjudicator.model()))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Same-story question to the LLM failed (%s); the strict embedding rule decides",
                                    LlmFailures.describe(failure));
                            return null;
                        }))
                .collect().last()
                .replaceWithVoid();
    }
}
