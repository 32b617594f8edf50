package io.newsdesk.feed;

import io.newsdesk.story.StoryConfig;

import io.newsdesk.store.DuplicateKind;
import io.newsdesk.summary.StorySummaryQueue;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds story views from story rows: their articles, their summaries and their story summaries (three queries for a
 * whole page).
 */
@ApplicationScoped
public class StoryViews {

    private static final String MEMBERS = """
            SELECT id, story_id, title, url, source, published_at, duplicate_kind, duplicate_of, similarity
            FROM (SELECT a.*, row_number() OVER (PARTITION BY a.story_id ORDER BY a.published_at, a.id) AS n
                  FROM article a WHERE a.story_id = ANY($1)) AS ranked
            WHERE n <= $2 OR id = ANY($3)
            ORDER BY published_at, id""";
    private static final String SUMMARIES = """
            SELECT DISTINCT ON (story_id) story_id, summary, summarizer FROM article
            WHERE story_id = ANY($1) AND summary_status = 'READY'
            ORDER BY story_id, id = ANY($2) DESC, published_at, id""";
    private static final String STORY_SUMMARIES = """
            SELECT story_id, text, sentences, summarizer, updated_at, version > summarized_version AS stale
            FROM story_summary WHERE story_id = ANY($1)""";

    private final Pool pool;
    private final StoryConfig config;
    private final FeedConfig feedConfig;

    StoryViews(Pool pool, StoryConfig config, FeedConfig feedConfig) {
        this.pool = pool;
        this.config = config;
        this.feedConfig = feedConfig;
    }

    /** The story, or null when there is none with this id. */
    /**
     * The story that holds what story {@code id} held: itself, or the story it was merged into (following later
     * merges); null when there is no story {@code id}.
     */
    public Uni<Long> live(long id) {
        return pool.preparedQuery("""
                        WITH RECURSIVE chain (id, merged_into) AS (
                            SELECT id, merged_into FROM story WHERE id = $1
                            UNION ALL
                            SELECT s.id, s.merged_into FROM story s JOIN chain c ON s.id = c.merged_into)
                        SELECT id FROM chain WHERE merged_into IS NULL""")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    public Uni<StoryView> one(long id) {
        return pool.preparedQuery("SELECT " + StoryRow.COLUMNS + " FROM story s WHERE s.id = $1")
                .execute(Tuple.of(id))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().nullItem()
                        : of(List.of(StoryRow.of(rows.iterator().next()))).map(views -> views.get(0)));
    }

    /** Views of the stories, in the order given. */
    public Uni<List<StoryView>> of(List<StoryRow> stories) {
        if (stories.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Long[] ids = stories.stream().map(StoryRow::id).toArray(Long[]::new);
        Long[] representatives = stories.stream().map(StoryRow::representativeId).toArray(Long[]::new);
        Map<Long, List<StoryView.Member>> members = new HashMap<>();
        Map<Long, Row> summaries = new HashMap<>();
        Map<Long, StoryView.StorySummary> storySummaries = new HashMap<>();
        return pool.preparedQuery(MEMBERS).execute(Tuple.of(ids, feedConfig.maxArticlesPerStory(), representatives))
                .invoke(rows -> rows.forEach(row -> members.computeIfAbsent(row.getLong("story_id"),
                        story -> new ArrayList<>()).add(member(row))))
                .chain(() -> pool.preparedQuery(SUMMARIES).execute(Tuple.of(ids, representatives)))
                .invoke(rows -> rows.forEach(row -> summaries.put(row.getLong("story_id"), row)))
                .chain(() -> pool.preparedQuery(STORY_SUMMARIES).execute(Tuple.of((Object) ids)))
                .invoke(rows -> rows.forEach(row -> storySummaries.put(row.getLong("story_id"), storySummary(row))))
                .map(ignored -> stories.stream().map(story -> view(story,
                        members.getOrDefault(story.id(), List.of()), summaries.get(story.id()),
                        storySummaries.get(story.id()))).toList());
    }

    private StoryView view(StoryRow story, List<StoryView.Member> members, Row summary,
            StoryView.StorySummary storySummary) {
        StoryView.Member representative = members.stream().filter(m -> m.id() == story.representativeId())
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "story " + story.id() + " without its representative " + story.representativeId()));
        return new StoryView(story.id(), representative.title(),
                summary == null ? null : summary.getString("summary"),
                summary == null ? null : summary.getString("summarizer"),
                new StoryView.Representative(representative.id(), ruleName(), representative.title(),
                        representative.url(), representative.source()),
                members, story.articleCount(), story.sourceCount(), story.firstPublishedAt(),
                story.lastPublishedAt(), story.updatedAt(), storySummary);
    }

    private String ruleName() {
        return config.representative().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static StoryView.StorySummary storySummary(Row row) {
        String text = row.getString("text");
        List<StoryView.Sentence> sentences = text == null ? List.of()
                : StorySummaryQueue.fromJson(row).sentences().stream()
                        .map(sentence -> new StoryView.Sentence(sentence.text(), sentence.sources())).toList();
        boolean ready = text != null && !row.getBoolean("stale");
        return new StoryView.StorySummary(text, sentences, row.getString("summarizer"),
                ready ? StoryView.StorySummaryStatus.READY : StoryView.StorySummaryStatus.PENDING,
                row.getOffsetDateTime("updated_at") == null ? null : row.getOffsetDateTime("updated_at").toInstant());
    }

    private static StoryView.Member member(Row row) {
        String kind = row.getString("duplicate_kind");
        return new StoryView.Member(row.getLong("id"), row.getString("title"), row.getString("url"),
                row.getString("source"), row.getOffsetDateTime("published_at").toInstant(),
                kind == null ? null : DuplicateKind.valueOf(kind), row.getLong("duplicate_of"),
                row.getDouble("similarity"));
    }
}
