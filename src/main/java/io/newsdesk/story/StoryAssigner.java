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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Puts a stored article into its story. In one transaction, under the advisory locks of its copy keys
 * ({@link StoryLocks}): find the candidates through the indexes, judge each pair, and join the story of the strongest
 * verdict or start a new one. When only the LLM can decide (pairs in the ambiguous embedding band), that transaction
 * ends without a decision; outside any transaction the cached answers are read, the missing ones asked (no lock is
 * held while the LLM thinks) and cached; then another transaction decides with these answers, or, when an article
 * that arrived meanwhile brings a pair not asked yet, asks again first, within the article's questions. When the LLM
 * calls pairs in several stories the same story, the article joins the most likely one and the stories become one.
 *
 * <p>Articles that are not copies of each other do not wait for each other, so two of them assigned at the same time
 * cannot see each other. Right after its commit, an article looks at the articles whose assignment its lookup could
 * not see (their transaction is not visible in the lookup's snapshot) and merges its story with theirs when the model
 * calls a pair the same story, or, for a pair only the LLM can decide, when the LLM does; of two such articles, the
 * one committed later always sees the other.
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
    private final ComparedArticles compared;
    private final MeterRegistry registry;
    private final Timer timer;
    private final Map<PairKey, Uni<SameStoryAnswer>> inFlight = new ConcurrentHashMap<>();

    StoryAssigner(Pool pool, Vertx vertx, SameStoryAnswers cache, DedupConfig config, StoryConfig storyConfig,
            SameStoryAdjudicator adjudicator, ComparedArticles compared, MeterRegistry registry) {
        this.pool = pool;
        this.compared = compared;
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
        return decide(article, Asked.NOTHING, context)
                .flatMap(outcome -> outcome.written() ? reconcile(article, outcome, context) : Uni.createFrom().item(
                        outcome.assignment()))
                .invoke(assignment -> {
                    timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    registry.counter("newsdesk.dedup.decisions", "kind",
                            assignment.kind() == null ? "NEW_STORY" : assignment.kind().name()).increment();
                });
    }

    /** The questions asked to the LLM about an article so far, and the answers (a failed call has none). */
    private record Asked(Set<PairKey> pairs, Map<PairKey, SameStoryAnswer> answers) {

        static final Asked NOTHING = new Asked(Set.of(), Map.of());

        Asked plus(List<PairToJudge> asked, Map<PairKey, SameStoryAnswer> received) {
            Set<PairKey> allPairs = new HashSet<>(pairs);
            asked.forEach(pair -> allPairs.add(pair.key()));
            Map<PairKey, SameStoryAnswer> allAnswers = new HashMap<>(answers);
            allAnswers.putAll(received);
            return new Asked(Set.copyOf(allPairs), Map.copyOf(allAnswers));
        }
    }

    /**
     * Either the assignment (written by this attempt, or found already there), or the pairs to ask the LLM about
     * first; {@code snapshot}: what the candidate lookup saw at least (PostgreSQL snapshot); {@code asked}: the
     * questions asked about the article; {@code alsoSame}: other stories the LLM called the same story, to merge.
     */
    private record Outcome(Assignment assignment, boolean written, String snapshot, List<PairToJudge> toAsk,
            int asked, List<Decision> alsoSame) {

        static Outcome existing(Assignment assignment) {
            return new Outcome(assignment, false, null, List.of(), 0, List.of());
        }
    }

    /**
     * Attempts until the article is assigned, asking the LLM between two attempts when only it can decide. Each round
     * asks at least one pair not asked before and an article asks at most {@code max-pairs}, so this ends.
     */
    private Uni<Outcome> decide(ArticleToAssign article, Asked asked, Context context) {
        return attempt(article, asked).flatMap(outcome -> outcome.assignment() != null
                ? Uni.createFrom().item(outcome)
                : answers(outcome.toAsk(), context)
                        .flatMap(answers -> decide(article, asked.plus(outcome.toAsk(), answers), context)));
    }

    /**
     * One transaction under the candidate set's locks. It ends without a decision when only the LLM can decide pairs
     * not asked yet and questions are left; otherwise it decides, by the model alone for any pair the answers do not
     * cover (the LLM failed, or no question was left).
     */
    private Uni<Outcome> attempt(ArticleToAssign article, Asked asked) {
        return pool.withTransaction(connection -> StoryWriter.existing(connection, article.id())
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(Outcome.existing(existing))
                        : decideAndWrite(connection, article, asked)));
    }

    /**
     * After the commit: the articles assigned meanwhile that the lookup could not see, judged by the model; the first
     * verdict's story and this article's become one. Pairs only the LLM can decide are asked after this transaction
     * (no transaction waits for the LLM), within what is left of the article's questions, and a pair it calls the
     * same story merges the two stories then.
     */
    private Uni<Assignment> reconcile(ArticleToAssign article, Outcome outcome, Context context) {
        Assignment assignment = outcome.assignment();
        return mergeAll(article, assignment, outcome.alsoSame()).flatMap(afterMerges -> reconcileConcurrent(
                article, afterMerges, outcome, context));
    }

    /** The reconciliation proper: the articles assigned at the same time as this one. */
    private Uni<Assignment> reconcileConcurrent(ArticleToAssign article, Assignment assignment, Outcome outcome,
            Context context) {
        return pool.withTransaction(connection -> DuplicateCandidates.assignedSince(connection, article,
                        assignment.storyId(), outcome.snapshot(), config.sameStoryWindow(), config.candidateCosine())
                .flatMap(candidates -> candidates.isEmpty() ? Uni.createFrom().item(NO_CANDIDATES)
                        : vertx.executeBlocking(Uni.createFrom().item(
                                () -> judged(article, candidates, adjudicator.enabled(), Set.of())), false))
                .flatMap(judged -> judged.best() == null
                        ? Uni.createFrom().item(new Reconciled(assignment, judged.ambiguous()))
                        : merge(connection, article, assignment, judged.best())
                                .map(merged -> new Reconciled(merged, List.of()))))
                .flatMap(reconciled -> {
                    if (reconciled.ambiguous().isEmpty()) {
                        return Uni.createFrom().item(reconciled.assignment());
                    }
                    // The questions left to this article; a model call beyond them stands unasked.
                    List<Ambiguous> toAsk = reconciled.ambiguous().subList(0, Math.max(0, Math.min(
                            reconciled.ambiguous().size(), config.llm().maxPairs() - outcome.asked())));
                    return (toAsk.isEmpty() ? Uni.createFrom().item(Map.<PairKey, SameStoryAnswer>of())
                            : answers(toAsk.stream().map(Ambiguous::pair).toList(), context))
                            .flatMap(answers -> mergeAll(article, assignment,
                                    sameByLlm(article, reconciled.ambiguous(), answers)));
                });
    }

    /** Merges the article's story with the story of each decision's match, in one transaction. */
    private Uni<Assignment> mergeAll(ArticleToAssign article, Assignment assignment, List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return Uni.createFrom().item(assignment);
        }
        return pool.withTransaction(connection -> {
            Uni<Assignment> merged = Uni.createFrom().item(assignment);
            for (Decision decision : decisions) {
                merged = merged.flatMap(current -> merge(connection, article, current, decision));
            }
            return merged;
        });
    }

    private Uni<Assignment> merge(SqlConnection connection, ArticleToAssign article, Assignment assignment,
            Decision decision) {
        registry.counter("newsdesk.dedup.merges").increment();
        return StoryWriter.merge(connection, article.id(), decision.matched().id(), decision.verdict(),
                        storyConfig.representative())
                .map(merged -> new Assignment(merged.storyId(), merged.duplicateOf(), merged.kind(),
                        merged.similarity(), merged.reason(), assignment.reusedSummary(),
                        assignment.waitsForOriginal()));
    }

    private Uni<Outcome> decideAndWrite(SqlConnection connection, ArticleToAssign article, Asked asked) {
        return StoryLocks.acquire(connection, StoryLocks.keys(article))
                .chain(() -> StoryWriter.snapshot(connection))
                .flatMap(snapshot -> DuplicateCandidates.find(connection, article, config.sameStoryWindow(),
                                config.candidateCosine(), config.maxCandidates())
                        // Shingling the candidates' texts takes milliseconds: not on the event loop. Most articles
                        // have no candidate; they skip the hop, which under load would hold the locks while waiting
                        // for a thread.
                        .flatMap(candidates -> candidates.isEmpty() ? Uni.createFrom().item(NO_CANDIDATES)
                                : vertx.executeBlocking(Uni.createFrom().item(
                                        () -> judged(article, candidates, adjudicator.enabled(), asked.pairs())),
                                        false))
                        .flatMap(judged -> {
                            if (judged.best() != null || judged.ambiguous().isEmpty()) {
                                return write(connection, article,
                                        judged.best() != null ? judged.best() : Decision.NEW_STORY, snapshot, asked,
                                        List.of());
                            }
                            List<PairToJudge> toAsk = judged.ambiguous().stream().map(Ambiguous::pair)
                                    .filter(pair -> !asked.pairs().contains(pair.key()))
                                    .limit(Math.max(0, config.llm().maxPairs() - asked.pairs().size())).toList();
                            if (!toAsk.isEmpty()) {
                                return Uni.createFrom().item(new Outcome(null, false, snapshot, toAsk,
                                        asked.pairs().size(), List.of()));
                            }
                            List<Decision> same = sameByLlm(article, judged.ambiguous(), asked.answers());
                            return write(connection, article, same.isEmpty() ? Decision.NEW_STORY : same.get(0),
                                    snapshot, asked, same.isEmpty() ? List.of() : same.subList(1, same.size()));
                        }));
    }

    /**
     * A pair for the LLM, and the earlier article in it; {@code modelVerdict} is the same-story model's SAME_STORY call
     * it is asked to confirm, which stands if the LLM gives no answer (null for a pair of the uncertain band).
     */
    private record Ambiguous(PairToJudge pair, StoredCandidate candidate, Verdict modelVerdict) {
    }

    private record Judged(Decision best, List<Ambiguous> ambiguous) {
    }

    /** A reconciliation's transaction: the assignment after it, and the pairs left for the LLM. */
    private record Reconciled(Assignment assignment, List<Ambiguous> ambiguous) {
    }

    private static final Judged NO_CANDIDATES = new Judged(null, List.of());

    /**
     * Candidates that can only reach the LLM's band have their names read, most promising first, up to this many per
     * question the article may ask: the band's lower edge is low (to reach briefs), and bounds are loose, so without a
     * cap a dense window would have every candidate's names read for three questions.
     */
    private static final int BAND_READS_PER_QUESTION = 4;

    /** A candidate that is not a copy, with the most its same-story probability can be. */
    private record Bounded(StoredCandidate candidate, TextFingerprint fingerprint, double maxProbability) {
    }

    /**
     * Every candidate's shingles are compared (copies first); the same-story model reads names and figures, the
     * costly part, only for candidates whose bound ({@link DuplicateJudge#maxSameStoryProbability}) could still change
     * the decision, most promising first: the result is the one of judging them all. {@code withLlm}: collect the
     * pairs in the ambiguous band for the LLM; {@code answered}: the pairs it has answered already.
     */
    private Judged judged(ArticleToAssign article, List<StoredCandidate> candidates, boolean withLlm,
            Set<PairKey> answered) {
        DedupArticle incoming = new DedupArticle(article.title(), article.text(), article.publishedAt(),
                article.fingerprints().embedding(), article.fingerprints().text(), compared.side(article.id(),
                        article.title(), article.text(), article.fingerprints().embedding(), article.publishedAt(),
                        article.fingerprints().names()));
        PairToJudge.Side incomingSide = new PairToJudge.Side(incoming.fingerprint().exactHash(), article.title(),
                article.text(), article.publishedAt());
        int incomingWords = incoming.side().length();
        Decision best = null;
        List<Bounded> notCopies = new ArrayList<>();
        for (StoredCandidate candidate : candidates) {
            TextFingerprint fingerprint = compared.fingerprint(candidate);
            Optional<Verdict> copy = judge.copyVerdict(incoming.fingerprint(), fingerprint);
            if (copy.isPresent()) {
                best = stronger(best, candidate, copy.get());
            } else {
                notCopies.add(new Bounded(candidate, fingerprint, judge.maxSameStoryProbability(incoming.embedding(),
                        candidate.embedding(), incomingWords, candidate.wordCount(),
                        article.publishedAt(), candidate.publishedAt())));
            }
        }
        notCopies.sort(Comparator.comparingDouble(Bounded::maxProbability).reversed());
        List<Ambiguous> ambiguous = new ArrayList<>();
        int bandReads = 0;
        int maxBandReads = config.llm().maxPairs() * BAND_READS_PER_QUESTION;
        // Why an article did not join a story is otherwise invisible: at DEBUG, every candidate read and where it
        // stopped.
        StringBuilder trace = LOG.isDebugEnabled() ? new StringBuilder() : null;
        for (Bounded bounded : notCopies) {
            if (!canChange(bounded.maxProbability(), best, ambiguous, withLlm && bandReads < maxBandReads)) {
                if (trace != null) {
                    trace.append(String.format(Locale.ROOT, " stop at bound %.3f (%d band reads)",
                            bounded.maxProbability(), bandReads));
                }
                break;
            }
            bandReads += bounded.maxProbability() < judge.sameStoryThreshold() ? 1 : 0;
            StoredCandidate candidate = bounded.candidate();
            DedupArticle earlier = new DedupArticle(candidate.title(), candidate.text(), candidate.publishedAt(),
                    candidate.embedding(), bounded.fingerprint(), compared.side(candidate.id(), candidate.title(),
                            candidate.text(), candidate.embedding(), candidate.publishedAt()));
            PairEvidence evidence = PairEvidence.of(incoming, earlier);
            Optional<Verdict> verdict = judge.judge(evidence);
            if (trace != null) {
                trace.append(String.format(Locale.ROOT, " #%d(story %d, bound %.3f, p %.3f%s)", candidate.id(),
                        candidate.storyId(), bounded.maxProbability(), judge.sameStoryProbability(evidence),
                        verdict.isPresent() ? ", " + verdict.get().kind() : ""));
            }
            boolean confirm = withLlm && config.llm().confirmModelSame() && verdict.isPresent();
            if (verdict.isPresent() && !confirm) {
                best = stronger(best, candidate, verdict.get());
            } else if (confirm || withLlm && judge.isUncertain(evidence)) {
                PairToJudge.Side earlierSide = new PairToJudge.Side(earlier.fingerprint().exactHash(),
                        candidate.title(), candidate.text(), candidate.publishedAt());
                addPerStory(ambiguous, new Ambiguous(PairToJudge.of(incomingSide, earlierSide,
                        judge.sameStoryProbability(evidence)), candidate, verdict.orElse(null)), answered);
            }
        }
        if (trace != null) {
            LOG.debugf("Article %d: %d candidates %s, %d not copies;%s; asks about %s", article.id(),
                    candidates.size(), candidates.stream().map(StoredCandidate::id).toList(), notCopies.size(), trace,
                    ambiguous.stream().map(a -> a.candidate().id()).toList());
        }
        return new Judged(best, List.copyOf(ambiguous.subList(0, Math.min(ambiguous.size(), config.llm().maxPairs()))));
    }

    /**
     * Keeps one pair per story, most likely first: one answer decides for the whole story, so the questions allowed
     * per article go to as many stories as there are. The pair kept is the most likely one, or, once the LLM has
     * answered, an answered one (an article that joined the story meanwhile must not hide the answer).
     */
    private static void addPerStory(List<Ambiguous> ambiguous, Ambiguous pair, Set<PairKey> answered) {
        Comparator<Ambiguous> preferred = Comparator.comparing((Ambiguous a) -> answered.contains(a.pair().key()))
                .thenComparingDouble(a -> a.pair().probability());
        for (int i = 0; i < ambiguous.size(); i++) {
            if (ambiguous.get(i).candidate().storyId() == pair.candidate().storyId()) {
                if (preferred.compare(ambiguous.get(i), pair) >= 0) {
                    return;
                }
                ambiguous.remove(i);
                break;
            }
        }
        ambiguous.add(pair);
        ambiguous.sort(Comparator.comparingDouble((Ambiguous a) -> a.pair().probability()).reversed());
    }

    private static Decision stronger(Decision best, StoredCandidate candidate, Verdict verdict) {
        return best == null || verdict.isStrongerThan(best.verdict()) ? new Decision(candidate, verdict) : best;
    }

    /**
     * Whether a candidate whose same-story probability is at most {@code maxProbability} can change the decision: beat
     * the best verdict so far, or, without one, reach the threshold or a place among the pairs the LLM is asked about.
     */
    private boolean canChange(double maxProbability, Decision best, List<Ambiguous> ambiguous, boolean withLlm) {
        if (best != null) {
            return best.kind() == DuplicateKind.SAME_STORY && maxProbability > best.verdict().similarity();
        }
        if (maxProbability >= judge.sameStoryThreshold()) {
            return true;
        }
        int asked = config.llm().maxPairs();
        return withLlm && maxProbability >= judge.askFrom()
                && (ambiguous.size() < asked || maxProbability > ambiguous.get(asked - 1).pair().probability());
    }

    /**
     * The pairs the LLM called the same story with enough confidence, and the model's calls it gave no answer on; most
     * similar first, one per story, as the ambiguous pairs are.
     */
    private List<Decision> sameByLlm(ArticleToAssign article, List<Ambiguous> ambiguous,
            Map<PairKey, SameStoryAnswer> answers) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Article %d: LLM answers %s", article.id(), ambiguous.stream().map(a -> "#"
                    + a.candidate().id() + "=" + Optional.ofNullable(answers.get(a.pair().key()))
                            .map(answer -> answer.sameStory() ? "same" : "different").orElse("none")).toList());
        }
        List<Decision> same = new ArrayList<>();
        boolean unansweredCallTaken = false;
        for (Ambiguous candidate : ambiguous) {
            SameStoryAnswer answer = answers.get(candidate.pair().key());
            if (answer == null && candidate.modelVerdict() != null) {
                // As without an LLM: the model's strongest call alone, no merging of the other stories it names.
                if (!unansweredCallTaken) {
                    unansweredCallTaken = true;
                    same.add(new Decision(candidate.candidate(), candidate.modelVerdict()));
                }
            } else if (answer != null && answer.sameStory() && answer.confidence() >= config.llm().minConfidence()) {
                double probability = candidate.pair().probability();
                same.add(new Decision(candidate.candidate(), new Verdict(DuplicateKind.SAME_STORY, probability,
                        String.format(Locale.ROOT, "LLM %s (confidence %.2f, same-story model p %.2f): %s",
                                adjudicator.model(), answer.confidence(), probability, answer.reason()))));
            }
        }
        return same;
    }

    private Uni<Outcome> write(SqlConnection connection, ArticleToAssign article, Decision decision,
            String snapshot, Asked asked, List<Decision> alsoSame) {
        return StoryWriter.write(connection, article, decision, storyConfig.representative())
                .map(assignment -> new Outcome(assignment, true, snapshot, List.of(), asked.pairs().size(),
                        alsoSame));
    }

    /**
     * The LLM's answer about a pair, asked once however many assignments need it at the same moment (the two
     * articles' reconciliations can meet the same pair before either answer is cached); {@link #answers} forgets it
     * once it is cached, or has failed.
     */
    private Uni<SameStoryAnswer> asked(PairToJudge pair) {
        return inFlight.computeIfAbsent(pair.key(), key -> adjudicator.ask(pair).memoize().indefinitely());
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
                    .onItem().transformToUniAndMerge(pair -> asked(pair)
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
                    .replaceWith(answers)
                    .onTermination().invoke(() -> unanswered.forEach(pair -> inFlight.remove(pair.key())));
        });
    }
}
